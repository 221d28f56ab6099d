package org.madoguchi.bpr.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.madoguchi.bpr.simulation.DayOutcome.CounterOutcome;
import org.madoguchi.bpr.simulation.SimulationResult.CounterResult;
import org.madoguchi.bpr.simulation.SimulationResult.DayResult;
import org.madoguchi.bpr.simulation.SimulationResult.QueueLength;
import org.madoguchi.bpr.simulation.SimulationResult.Waits;

/**
 * Simulates a scenario: every day of it, {@code replications} times, and the mean of each figure over the
 * replications with its confidence interval. Every random number derives from the scenario's seed — each
 * replication and day splits its own generator off in a fixed order — so the same scenario gives the same result.
 */
public final class Simulation {

  private Simulation() {
  }

  /**
   * Runs {@code scenario}.
   *
   * @throws IllegalArgumentException when the scenario does not fit its models (a counter without staff, a service
   *     time for a task the bundle does not have, a probability that is not one)
   */
  public static SimulationResult run(Scenario scenario) {
    Routes routes = new Routes(scenario);
    Set<String> warnings = new LinkedHashSet<>(routes.warnings());
    List<Arrivals.Day> days = scenario.arrivals().days();
    DayOutcome[][] outcomes = new DayOutcome[scenario.replications()][days.size()];
    SplittableRandom seeded = new SplittableRandom(scenario.seed());
    for (DayOutcome[] replication : outcomes) {
      SplittableRandom replicationRandom = seeded.split();
      for (int day = 0; day < days.size(); day++) {
        SplittableRandom arrivalRandom = replicationRandom.split();
        SplittableRandom routeRandom = replicationRandom.split();
        double[] arrivals = scenario.arrivals().times(scenario.hours(), days.get(day), arrivalRandom);
        replication[day] = CounterDay.run(scenario, routes, arrivals, routeRandom, warnings);
      }
    }

    List<CounterResult> counters = new ArrayList<>();
    scenario.staff().forEach((name, staff) -> counters.add(new CounterResult(name, staff,
        estimate(outcomes, r -> sum(r, d -> d.counters().get(name).visits()) / r.length),
        new Waits(
            estimate(outcomes, r -> ratio(sum(r, d -> d.counters().get(name).waitSum()),
                sum(r, d -> d.counters().get(name).visits()))),
            estimate(outcomes, r -> max(r, d -> d.counters().get(name).waitMax()))),
        estimate(outcomes, r -> ratio(sum(r, d -> d.counters().get(name).busyMinutes()),
            sum(r, d -> d.counters().get(name).availableMinutes()))))));

    List<DayResult> dayResults = new ArrayList<>();
    for (int day = 0; day < days.size(); day++) {
      DayOutcome[][] oneDay = column(outcomes, day);
      Map<String, Waits> dayCounters = new LinkedHashMap<>();
      scenario.staff().keySet().forEach(name -> dayCounters.put(name, new Waits(
          estimate(oneDay, r -> ratio(r[0].counters().get(name).waitSum(), r[0].counters().get(name).visits())),
          estimate(oneDay, r -> r[0].counters().get(name).waitMax()))));
      dayResults.add(new DayResult(days.get(day).label(), days.get(day).cases(), residentWaits(oneDay), dayCounters));
    }

    return new SimulationResult(scenario.name(), scenario.seed(), scenario.replications(), scenario.hours().text(),
        routes.tasks(), estimate(outcomes, r -> sum(r, DayOutcome::residents) / r.length), residentWaits(outcomes),
        counters, dayResults, queueLength(scenario, outcomes), List.copyOf(warnings));
  }

  /** A resident's wait, over every day of each replication. */
  private static Waits residentWaits(DayOutcome[][] outcomes) {
    return new Waits(estimate(outcomes, r -> ratio(sum(r, DayOutcome::waitSum), sum(r, DayOutcome::residents))),
        estimate(outcomes, r -> max(r, DayOutcome::waitMax)));
  }

  private static QueueLength queueLength(Scenario scenario, DayOutcome[][] outcomes) {
    double interval = scenario.queueIntervalMinutes();
    int intervals = 0;
    int dayCount = 0;
    for (DayOutcome[] replication : outcomes) {
      for (DayOutcome day : replication) {
        dayCount++;
        for (CounterOutcome counter : day.counters().values()) {
          intervals = Math.max(intervals, counter.queueLength().length);
        }
      }
    }
    List<String> times = new ArrayList<>();
    for (int i = 0; i < intervals; i++) {
      times.add(scenario.hours().timeAt(i * interval));
    }
    Map<String, List<Double>> counters = new LinkedHashMap<>();
    for (String name : scenario.staff().keySet()) {
      double[] mean = new double[intervals];
      for (DayOutcome[] replication : outcomes) {
        for (DayOutcome day : replication) {
          double[] queue = day.counters().get(name).queueLength();
          for (int i = 0; i < queue.length; i++) {
            mean[i] += queue[i] / dayCount;
          }
        }
      }
      List<Double> rounded = new ArrayList<>();
      for (double value : mean) {
        rounded.add(Estimate.round(value));
      }
      counters.put(name, rounded);
    }
    return new QueueLength(interval, times, counters);
  }

  /** One value per replication, each computed from that replication's days. */
  private static Estimate estimate(DayOutcome[][] outcomes, ToDoubleFunction<DayOutcome[]> perReplication) {
    double[] values = new double[outcomes.length];
    for (int r = 0; r < outcomes.length; r++) {
      values[r] = perReplication.applyAsDouble(outcomes[r]);
    }
    return Estimate.of(values);
  }

  /** Day {@code day} of every replication, as replications of one day each. */
  private static DayOutcome[][] column(DayOutcome[][] outcomes, int day) {
    DayOutcome[][] column = new DayOutcome[outcomes.length][];
    for (int r = 0; r < outcomes.length; r++) {
      column[r] = new DayOutcome[] {outcomes[r][day]};
    }
    return column;
  }

  private static double sum(DayOutcome[] days, ToDoubleFunction<DayOutcome> value) {
    double sum = 0;
    for (DayOutcome day : days) {
      sum += value.applyAsDouble(day);
    }
    return sum;
  }

  private static double max(DayOutcome[] days, ToDoubleFunction<DayOutcome> value) {
    double max = 0;
    for (DayOutcome day : days) {
      max = Math.max(max, value.applyAsDouble(day));
    }
    return max;
  }

  /** A mean over nothing (no resident came) is 0 minutes of waiting. */
  private static double ratio(double sum, double count) {
    return count == 0 ? 0 : sum / count;
  }
}
