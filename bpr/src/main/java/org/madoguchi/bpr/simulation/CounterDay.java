package org.madoguchi.bpr.simulation;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.random.RandomGenerator;

/**
 * One simulated day at the counters, as a discrete-event simulation: residents arrive, queue first come first served
 * at each counter of their route, are served by the first free staff member, and go on. Events at the same minute
 * happen in the order they were scheduled, and before a resident arriving that minute, so a run depends on nothing
 * but its random numbers.
 */
final class CounterDay {

  private final PriorityQueue<Event> events = new PriorityQueue<>();
  private final Map<String, Counter> counters = new LinkedHashMap<>();
  private final Routes routes;
  private final RandomGenerator random;
  private final Set<String> warnings;
  private final double interval;
  private long scheduled;
  private int residents;
  private double waitSum;
  private double waitMax;
  private double lastDeparture;

  private CounterDay(Scenario scenario, Routes routes, RandomGenerator random, Set<String> warnings) {
    this.routes = routes;
    this.random = random;
    this.warnings = warnings;
    this.interval = scenario.queueIntervalMinutes();
    scenario.staff().forEach((name, staff) -> counters.put(name, new Counter(staff)));
  }

  /**
   * Simulates a day whose residents arrive at {@code arrivals} (minutes after opening, ascending), drawing their
   * routes and service times from {@code random}.
   */
  static DayOutcome run(Scenario scenario, Routes routes, double[] arrivals, RandomGenerator random,
      Set<String> warnings) {
    CounterDay day = new CounterDay(scenario, routes, random, warnings);
    // Arrivals are already in order: taking them from the array keeps the event queue short.
    int next = 0;
    while (next < arrivals.length || !day.events.isEmpty()) {
      Event event = day.events.peek();
      if (next < arrivals.length && (event == null || arrivals[next] < event.time())) {
        day.arrive(arrivals[next++]);
      } else {
        day.events.poll();
        event.action().accept(event.time());
      }
    }
    double end = Math.max(scenario.hours().minutes(), day.lastDeparture);
    Map<String, DayOutcome.CounterOutcome> outcomes = new LinkedHashMap<>();
    day.counters.forEach((name, counter) -> outcomes.put(name, counter.outcome(end)));
    return new DayOutcome(day.residents, day.waitSum, day.waitMax, outcomes);
  }

  private void schedule(double time, DoubleConsumer action) {
    events.add(new Event(time, scheduled++, action));
  }

  private void arrive(double now) {
    proceed(new Resident(routes.draw(random, warnings)), now);
  }

  private void proceed(Resident resident, double now) {
    if (resident.next == resident.stops.size()) {
      residents++;
      waitSum += resident.wait;
      waitMax = Math.max(waitMax, resident.wait);
      lastDeparture = Math.max(lastDeparture, now);
      return;
    }
    Stop stop = resident.stops.get(resident.next++);
    if (stop.counter() == null) {
      schedule(now + stop.minutes(), time -> proceed(resident, time));
      return;
    }
    Counter counter = counters.get(stop.counter());
    counter.advanceTo(now);
    counter.visits++;
    if (counter.busy < counter.staff) {
      serve(counter, resident, stop.minutes(), now, 0);
    } else {
      resident.queuedAt = now;
      resident.serviceMinutes = stop.minutes();
      counter.queue.add(resident);
    }
  }

  private void serve(Counter counter, Resident resident, double minutes, double now, double wait) {
    counter.busy++;
    counter.waitSum += wait;
    counter.waitMax = Math.max(counter.waitMax, wait);
    resident.wait += wait;
    schedule(now + minutes, time -> served(counter, resident, time));
  }

  private void served(Counter counter, Resident resident, double now) {
    counter.advanceTo(now);
    counter.busy--;
    Resident nextInLine = counter.queue.poll();
    if (nextInLine != null) {
      serve(counter, nextInLine, nextInLine.serviceMinutes, now, now - nextInLine.queuedAt);
    }
    proceed(resident, now);
  }

  private record Event(double time, long order, DoubleConsumer action) implements Comparable<Event> {

    @Override
    public int compareTo(Event other) {
      int byTime = Double.compare(time, other.time);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }

  private static final class Resident {

    final List<Stop> stops;
    int next;
    double wait;
    double queuedAt;
    double serviceMinutes;

    Resident(List<Stop> stops) {
      this.stops = stops;
    }
  }

  /** A counter's staff and queue, with what it accumulates over the day. */
  private final class Counter {

    final int staff;
    final ArrayDeque<Resident> queue = new ArrayDeque<>();
    int busy;
    int visits;
    double waitSum;
    double waitMax;
    double busyMinutes;
    /** Residents waiting × minutes, per interval of the day. */
    double[] waitingMinutes = new double[64];
    double changedAt;

    Counter(int staff) {
      this.staff = staff;
    }

    /** Accounts for the time since the last change, during which the queue and the busy staff stayed the same. */
    void advanceTo(double now) {
      busyMinutes += busy * (now - changedAt);
      int waiting = queue.size();
      for (double from = changedAt; waiting > 0 && from < now; ) {
        int bin = (int) (from / interval);
        double to = Math.min(now, (bin + 1) * interval);
        if (bin >= waitingMinutes.length) {
          waitingMinutes = Arrays.copyOf(waitingMinutes, Math.max(bin + 1, waitingMinutes.length * 2));
        }
        waitingMinutes[bin] += waiting * (to - from);
        from = to;
      }
      changedAt = now;
    }

    DayOutcome.CounterOutcome outcome(double end) {
      double[] queueLength = new double[(int) Math.ceil(end / interval)];
      for (int bin = 0; bin < queueLength.length && bin < waitingMinutes.length; bin++) {
        queueLength[bin] = waitingMinutes[bin] / interval;
      }
      return new DayOutcome.CounterOutcome(visits, waitSum, waitMax, busyMinutes, staff * end, queueLength);
    }
  }
}
