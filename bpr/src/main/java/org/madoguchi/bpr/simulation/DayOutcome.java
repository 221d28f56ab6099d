package org.madoguchi.bpr.simulation;

import java.util.Map;

/**
 * What one simulated day came to.
 *
 * @param residents residents who finished their route
 * @param waitSum their waits added up, in minutes (a resident's wait is the sum of their waits at every counter)
 * @param waitMax the longest wait of one resident
 * @param counters each counter's day, by name
 */
record DayOutcome(int residents, double waitSum, double waitMax, Map<String, CounterOutcome> counters) {

  /**
   * One counter's day.
   *
   * @param visits residents served
   * @param waitSum their waits at this counter added up, in minutes
   * @param waitMax the longest wait at this counter
   * @param busyMinutes minutes staff spent serving, added up over the staff
   * @param availableMinutes minutes staff were there: staff × (opening hours, or until the last resident left)
   * @param queueLength the mean number of residents waiting, per interval from opening
   */
  record CounterOutcome(int visits, double waitSum, double waitMax, double busyMinutes, double availableMinutes,
      double[] queueLength) {
  }
}
