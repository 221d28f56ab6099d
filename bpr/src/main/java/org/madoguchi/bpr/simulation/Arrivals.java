package org.madoguchi.bpr.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When residents arrive over a day. The day is cut into hours from opening (the last one may be shorter); a profile
 * gives one value per hour, or a single value for the whole day.
 */
public sealed interface Arrivals {

  /** The days a replication simulates, in order. */
  List<Day> days();

  /** The profile's values, hour by hour from opening (one value: the whole day). */
  List<Double> hourly();

  /** The arrival times of one day, in minutes after opening, ascending. */
  double[] times(OpeningHours hours, Day day, RandomGenerator random);

  /**
   * A day to simulate.
   *
   * @param label how results name the day
   * @param cases how many residents arrive that day, or {@code null} when arrivals are a Poisson process
   */
  record Day(String label, Integer cases) {

    public Day {
      if (cases != null && cases < 0) {
        throw new IllegalArgumentException("day " + label + ": cases cannot be negative");
      }
    }
  }

  /**
   * Poisson arrivals at a rate that changes hour by hour: queueing theory's "M" arrivals.
   *
   * @param perHour arrivals per hour, hour by hour from opening (one value: the whole day)
   */
  record PerHour(List<Double> perHour) implements Arrivals {

    public PerHour {
      perHour = checked(perHour, "perHour");
    }

    @Override
    public List<Day> days() {
      return List.of(new Day("day", null));
    }

    @Override
    public List<Double> hourly() {
      return perHour;
    }

    @Override
    public double[] times(OpeningHours hours, Day day, RandomGenerator random) {
      double[] rates = hours.hourly(perHour);
      double[] times = new double[16];
      int count = 0;
      for (int hour = 0; hour < rates.length; hour++) {
        double perMinute = rates[hour] / 60;
        double end = 60.0 * hour + hours.hourLength(hour);
        // Exponential gaps are memoryless, so restarting them at each hour's start keeps the process exact.
        for (double at = 60.0 * hour; perMinute > 0; ) {
          at += -StrictMath.log(1 - random.nextDouble()) / perMinute;
          if (at >= end) {
            break;
          }
          if (count == times.length) {
            times = Arrays.copyOf(times, count * 2);
          }
          times[count++] = at;
        }
      }
      return Arrays.copyOf(times, count);
    }
  }

  /**
   * Exactly the given number of residents each day, each arriving at a random time drawn from the profile (a
   * Poisson process given its day's count): how a municipality's counts per day are replayed.
   *
   * @param profile relative arrivals per hour, hour by hour from opening (one value: evenly over the day)
   * @param days the days, each with its number of cases
   */
  record CasesPerDay(List<Double> profile, List<Day> days) implements Arrivals {

    public CasesPerDay {
      profile = checked(profile, "profile");
      days = List.copyOf(days);
      if (days.isEmpty() || days.stream().anyMatch(day -> day.cases() == null)) {
        throw new IllegalArgumentException("every day needs its number of cases");
      }
      if (profile.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
        throw new IllegalArgumentException("the profile needs a positive value");
      }
    }

    @Override
    public List<Double> hourly() {
      return profile;
    }

    @Override
    public double[] times(OpeningHours hours, Day day, RandomGenerator random) {
      double[] weights = hours.hourly(profile);
      double[] cumulative = new double[weights.length];
      double total = 0;
      for (int hour = 0; hour < weights.length; hour++) {
        total += weights[hour] * hours.hourLength(hour);
        cumulative[hour] = total;
      }
      double[] times = new double[day.cases()];
      for (int i = 0; i < times.length; i++) {
        double drawn = random.nextDouble() * total;
        int hour = 0;
        while (hour < cumulative.length - 1 && drawn >= cumulative[hour]) {
          hour++;
        }
        double start = hour == 0 ? 0 : cumulative[hour - 1];
        times[i] = 60.0 * hour + (drawn - start) / weights[hour];
      }
      Arrays.sort(times);
      return times;
    }
  }

  private static List<Double> checked(List<Double> values, String name) {
    if (values == null || values.isEmpty() || values.stream().anyMatch(v -> v == null || !(v >= 0))) {
      throw new IllegalArgumentException(name + " needs one value of 0 or more per hour");
    }
    return List.copyOf(values);
  }
}
