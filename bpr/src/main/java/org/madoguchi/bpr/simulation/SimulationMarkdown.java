package org.madoguchi.bpr.simulation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.madoguchi.bpr.simulation.SimulationResult.CounterResult;
import org.madoguchi.bpr.simulation.SimulationResult.DayResult;
import org.madoguchi.bpr.simulation.SimulationResult.TaskResult;

/** A simulation result as Markdown tables, for a person to read or paste into a report. */
public final class SimulationMarkdown {

  private SimulationMarkdown() {
  }

  /** The result, headed by the scenario's name at heading {@code level}. */
  public static String render(SimulationResult result, int level) {
    StringBuilder md = new StringBuilder();
    String heading = "#".repeat(level);
    md.append(heading).append(' ').append(result.scenario()).append("\n\n");
    md.append("Open ").append(result.hours()).append(", seed ").append(result.seed()).append(", ")
        .append(result.replications()).append(" replications. Times in minutes; each figure is the mean over the "
            + "replications with its 95% confidence interval.\n\n");
    md.append("| process | task | where | service time |\n|---|---|---|---|\n");
    for (TaskResult task : result.tasks()) {
      md.append("| ").append(task.process()).append(" | ").append(task.name() != null ? task.name() : task.task())
          .append(" | ").append(task.counter() != null ? task.counter() : "the resident's own time").append(" | ")
          .append(task.serviceTime()).append(" |\n");
    }
    md.append('\n');
    md.append("| | mean (95% CI) |\n|---|---:|\n");
    md.append("| residents per day | ").append(estimate(result.residentsPerDay())).append(" |\n");
    md.append("| average wait of a resident, all counters | ").append(estimate(result.waits().average()))
        .append(" |\n");
    md.append("| longest wait of a resident | ").append(estimate(result.waits().maximum())).append(" |\n\n");

    md.append("| counter | staff | visits per day | average wait | longest wait | utilisation |\n");
    md.append("|---|---:|---:|---:|---:|---:|\n");
    for (CounterResult counter : result.counters()) {
      md.append("| ").append(counter.counter()).append(" | ").append(counter.staff()).append(" | ")
          .append(estimate(counter.visitsPerDay())).append(" | ").append(estimate(counter.waits().average()))
          .append(" | ").append(estimate(counter.waits().maximum())).append(" | ")
          .append(percent(counter.utilisation())).append(" |\n");
    }
    md.append('\n');

    if (result.days().size() > 1) {
      List<String> counters = result.counters().stream().map(CounterResult::counter).toList();
      md.append("| day | cases | average wait | longest wait |");
      counters.forEach(counter -> md.append(' ').append(counter).append(" average wait |"));
      md.append("\n|---|---:|---:|---:|").append("---:|".repeat(counters.size())).append('\n');
      for (DayResult day : result.days()) {
        md.append("| ").append(day.label()).append(" | ").append(day.cases()).append(" | ")
            .append(estimate(day.waits().average())).append(" | ").append(estimate(day.waits().maximum()))
            .append(" |");
        counters.forEach(counter -> md.append(' ').append(estimate(day.counters().get(counter).average()))
            .append(" |"));
        md.append('\n');
      }
      md.append('\n');
    }

    Map<String, List<Double>> queues = result.queueLength().counters();
    md.append("Residents waiting (mean over each ").append(number(result.queueLength().intervalMinutes()))
        .append(" minutes):\n\n| from |");
    queues.keySet().forEach(counter -> md.append(' ').append(counter).append(" |"));
    md.append("\n|---|").append("---:|".repeat(queues.size())).append('\n');
    List<String> times = result.queueLength().times();
    for (int i = 0; i < times.size(); i++) {
      int interval = i;
      md.append("| ").append(times.get(i)).append(" |");
      queues.values().forEach(queue -> md.append(' ').append(number(queue.get(interval))).append(" |"));
      md.append('\n');
    }
    if (!result.warnings().isEmpty()) {
      md.append("\nWarnings:\n\n");
      result.warnings().forEach(warning -> md.append("- ").append(warning).append('\n'));
    }
    return md.toString();
  }

  /** {@code 57.3 (55.1–59.5)}. */
  public static String estimate(Estimate estimate) {
    return number(estimate.mean()) + " (" + number(estimate.low()) + "–" + number(estimate.high()) + ")";
  }

  /** {@code 93% (92–94%)}. */
  public static String percent(Estimate estimate) {
    return String.format(Locale.ROOT, "%.0f%% (%.0f–%.0f%%)", estimate.mean() * 100, estimate.low() * 100,
        estimate.high() * 100);
  }

  /** One decimal, whatever the platform's locale. */
  public static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
