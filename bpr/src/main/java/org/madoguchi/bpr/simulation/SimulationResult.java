package org.madoguchi.bpr.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scenario's simulation came to. Every time is in minutes; every figure with a confidence interval is an
 * {@link Estimate} over the replications.
 *
 * @param scenario the scenario's name
 * @param seed the seed the run derived its random numbers from
 * @param replications how many times every day was simulated
 * @param hours the opening hours
 * @param tasks every task that takes a resident's time, with the counter and the service time the run used
 * @param residentsPerDay residents served per day
 * @param waits a resident's wait: the sum of their waits at every counter of their route, from joining a queue to
 *     being served, averaged over every resident of every day (as a municipality averages its tickets) and at its
 *     longest over the days
 * @param counters each counter, in the scenario's order
 * @param days each day of the scenario, with its own waits
 * @param queueLength the mean number of residents waiting over the day, per counter
 * @param warnings what the models or the walks through them made worth saying
 */
@JsonPropertyOrder({"scenario", "seed", "replications", "hours", "tasks", "residentsPerDay", "waits", "counters",
    "days", "queueLength", "warnings"})
public record SimulationResult(String scenario, long seed, int replications, String hours, List<TaskResult> tasks,
    Estimate residentsPerDay, Waits waits, List<CounterResult> counters, List<DayResult> days, QueueLength queueLength,
    List<String> warnings) {

  public SimulationResult {
    tasks = List.copyOf(tasks);
    counters = List.copyOf(counters);
    days = List.copyOf(days);
    warnings = List.copyOf(warnings);
  }

  /** The counter of this name. */
  public CounterResult counter(String name) {
    return counters.stream().filter(c -> c.counter().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no counter '" + name + "' in scenario " + scenario));
  }

  /**
   * A task that takes a resident's time.
   *
   * @param process the process's id
   * @param task the task's id
   * @param name the task's name
   * @param counter the counter serving it, or {@code null} when it is the resident's own time (writing a form)
   * @param serviceTime the distribution of its minutes
   */
  @JsonPropertyOrder({"process", "task", "name", "counter", "serviceTime"})
  public record TaskResult(String process, String task, String name, String counter, String serviceTime) {
  }

  /**
   * Average and longest wait.
   *
   * @param average the mean wait of a resident (of a visit, for one counter)
   * @param maximum the longest wait
   */
  @JsonPropertyOrder({"average", "maximum"})
  public record Waits(Estimate average, Estimate maximum) {
  }

  /**
   * One counter.
   *
   * @param counter its name (its lane's)
   * @param staff its staff
   * @param visitsPerDay residents it served per day
   * @param waits the wait at this counter, per visit
   * @param utilisation the share of the staff's time spent serving (until closing, or until the last resident left)
   */
  @JsonPropertyOrder({"counter", "staff", "visitsPerDay", "waits", "utilisation"})
  public record CounterResult(String counter, int staff, Estimate visitsPerDay, Waits waits, Estimate utilisation) {
  }

  /**
   * One day of the scenario.
   *
   * @param label the day's label
   * @param cases the residents the scenario sends that day, or {@code null} for Poisson arrivals
   * @param waits a resident's wait that day
   * @param counters the wait at each counter that day
   */
  @JsonPropertyOrder({"label", "cases", "waits", "counters"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DayResult(String label, Integer cases, Waits waits, Map<String, Waits> counters) {

    public DayResult {
      counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters));
    }
  }

  /**
   * The queue over the day: for each counter, the mean number of residents waiting in each interval from opening,
   * averaged over the days and replications.
   *
   * @param intervalMinutes the intervals' width
   * @param times the time of day each interval starts
   * @param counters the mean queue per interval, by counter
   */
  @JsonPropertyOrder({"intervalMinutes", "times", "counters"})
  public record QueueLength(double intervalMinutes, List<String> times, Map<String, List<Double>> counters) {

    public QueueLength {
      times = List.copyOf(times);
      counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters));
    }
  }
}
