package org.madoguchi.bpr.simulation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.madoguchi.bpr.Bundle;

/**
 * A counter day to simulate: the bundle residents go through, when they arrive, how many staff each counter has and
 * how long tasks take. Read from YAML by {@link ScenarioFile}; built directly by code that sweeps a parameter.
 *
 * @param name what results call the scenario
 * @param bundle the visit and the procedures it spawns
 * @param procedureShares the share of residents (0 to 1) going through each procedure, by process id; a procedure
 *     not listed is gone through by every resident
 * @param hours when residents arrive
 * @param arrivals how many arrive, hour by hour, on which days
 * @param staff the staff of each counter, by counter (lane) name, in the order results list them
 * @param defaultServiceTime the service time of a counter task that neither the model nor {@code serviceTimes} gives
 * @param serviceTimes service times by task id, overriding the models' {@value ServiceTime#PROPERTY}
 * @param branchProbabilities the probability of each outgoing flow of a gateway, by flow id, overriding the models'
 *     {@value #PROBABILITY_PROPERTY}
 * @param replications how many times every day is simulated, each with its own random numbers (at least 2, for a
 *     confidence interval)
 * @param seed the seed every random number of the run derives from: the same seed gives the same result
 * @param queueIntervalMinutes the width of the intervals the queue length over the day is averaged over
 */
public record Scenario(String name, Bundle bundle, Map<String, Double> procedureShares, OpeningHours hours,
    Arrivals arrivals, Map<String, Integer> staff, ServiceTime defaultServiceTime,
    Map<String, ServiceTime> serviceTimes, Map<String, Double> branchProbabilities, int replications, long seed,
    double queueIntervalMinutes) {

  /** The sequence flow extension property giving the probability a gateway takes the flow. */
  public static final String PROBABILITY_PROPERTY = "madoguchi.probability";

  public Scenario {
    procedureShares = ordered(procedureShares);
    staff = ordered(staff);
    serviceTimes = ordered(serviceTimes);
    branchProbabilities = ordered(branchProbabilities);
    procedureShares.forEach((process, share) -> requireProbability(share, "the share of procedure " + process));
    branchProbabilities.forEach((flow, p) -> requireProbability(p, "the probability of flow " + flow));
    staff.forEach((counter, people) -> {
      if (people == null || people < 1) {
        throw new IllegalArgumentException("counter " + counter + " needs 1 staff member or more");
      }
    });
    if (replications < 2) {
      throw new IllegalArgumentException("replications must be 2 or more (for a confidence interval)");
    }
    if (!(queueIntervalMinutes > 0)) {
      throw new IllegalArgumentException("the queue interval must be longer than 0 minutes");
    }
    hours.hourly(arrivals.hourly());
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map == null ? Map.of() : map));
  }

  private static void requireProbability(Double value, String what) {
    if (value == null || !(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(what + " must be between 0 and 1");
    }
  }
}
