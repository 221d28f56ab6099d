package org.madoguchi.bpr.simulation;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * When residents can arrive: from {@code opens} for {@code minutes}. Residents still waiting at closing time are
 * served (they hold a ticket), so a simulated day can end later.
 *
 * @param opens the time of day the counters open
 * @param minutes how long they take new residents
 */
public record OpeningHours(LocalTime opens, double minutes) {

  public OpeningHours {
    if (!(minutes > 0)) {
      throw new IllegalArgumentException("opening hours must last more than 0 minutes");
    }
  }

  /** Reads {@code 08:30-17:15}. */
  public static OpeningHours parse(String text) {
    String[] times = text == null ? new String[0] : text.split("[-–]");
    try {
      if (times.length == 2) {
        LocalTime opens = LocalTime.parse(times[0].strip());
        LocalTime closes = LocalTime.parse(times[1].strip());
        if (closes.isAfter(opens)) {
          return new OpeningHours(opens, (closes.toSecondOfDay() - opens.toSecondOfDay()) / 60.0);
        }
      }
    } catch (DateTimeParseException e) {
      // reported below with what to write instead
    }
    throw new IllegalArgumentException("not opening hours: '" + text + "' (write 08:30-17:15)");
  }

  /** The hours from opening, the last one started but maybe not full. */
  public int hourCount() {
    return (int) Math.ceil(minutes / 60);
  }

  /** How many minutes of hour {@code hour} (from 0) the counters are open. */
  public double hourLength(int hour) {
    return Math.min(60, minutes - 60.0 * hour);
  }

  /** One value per hour from {@code values}, which gives one per hour or a single one for every hour. */
  public double[] hourly(List<Double> values) {
    double[] hourly = new double[hourCount()];
    if (values.size() == 1) {
      Arrays.fill(hourly, values.get(0));
      return hourly;
    }
    if (values.size() != hourly.length) {
      throw new IllegalArgumentException("the opening hours " + text() + " have " + hourly.length
          + " hours (the last may be shorter): give one value for each, or one for all, not " + values.size());
    }
    for (int hour = 0; hour < hourly.length; hour++) {
      hourly[hour] = values.get(hour);
    }
    return hourly;
  }

  /** The time of day {@code minute} minutes after opening, as {@code HH:mm}. */
  public String timeAt(double minute) {
    return opens.plusSeconds(Math.round(minute * 60)).toString();
  }

  /** As {@link #parse} reads them. */
  public String text() {
    return opens + "-" + timeAt(minutes);
  }
}
