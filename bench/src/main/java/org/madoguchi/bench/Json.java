package org.madoguchi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The JSON of results: one run's figures, written by the bare-engine child and by the main run. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {
  }

  static void write(Path file, Object value) {
    try {
      MAPPER.writeValue(file.toFile(), value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> read(Path file) {
    try {
      return MAPPER.readValue(file.toFile(), LinkedHashMap.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One run (bare or Madoguchi) as the result file holds it. */
  static Map<String, Object> of(LoadRun.Result r) {
    Map<String, Object> run = new LinkedHashMap<>();
    Histogram all = r.latencies().allCalls();
    run.put("bundlesPerSecond", round(r.bundlesPerSecond()));
    run.put("bundlesCompletedInWindow", r.completedInWindow());
    run.put("windowSeconds", round(r.windowSeconds()));
    run.put("p50Ms", round(Latencies.ms(all, 50)));
    run.put("p95Ms", round(Latencies.ms(all, 95)));
    run.put("p99Ms", round(Latencies.ms(all, 99)));
    run.put("maxMs", round(Latencies.ms(all, 100)));
    run.put("callsInWindow", r.calls());
    run.put("callsPerBundle", r.completedInWindow() == 0 ? null : round((double) r.calls() / r.completedInWindow()));
    run.put("errors", r.errors());
    run.put("callErrors", r.callErrors());
    run.put("bundleFailures", r.bundleFailures());
    run.put("callsInRun", r.callsInRun());
    run.put("errorRate", r.callsInRun() == 0 ? null : r.errors() / (double) r.callsInRun());
    run.put("errorsByCall", r.latencies().errorsByOp());
    run.put("errorSamples", r.errorSamples());
    run.put("bundlesOpened", r.opened());
    run.put("bundlesCompleted", r.completed());
    run.put("bundlesUnfinishedAfterDrain", r.unfinished());
    run.put("bundleCapReached", r.bundleCapReached());
    Histogram bundle = r.latencies().bundleWindow();
    Map<String, Object> bundleLatency = new LinkedHashMap<>();
    bundleLatency.put("p50Ms", round(Latencies.ms(bundle, 50)));
    bundleLatency.put("p95Ms", round(Latencies.ms(bundle, 95)));
    bundleLatency.put("maxMs", round(Latencies.ms(bundle, 100)));
    run.put("bundleDuration", bundleLatency);
    Map<String, Object> calls = new LinkedHashMap<>();
    r.latencies().window().forEach((op, h) -> {
      if (h.getTotalCount() > 0) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("count", h.getTotalCount());
        c.put("p50Ms", round(Latencies.ms(h, 50)));
        c.put("p95Ms", round(Latencies.ms(h, 95)));
        c.put("p99Ms", round(Latencies.ms(h, 99)));
        c.put("maxMs", round(Latencies.ms(h, 100)));
        calls.put(op.label, c);
      }
    });
    run.put("latencyByCall", calls);
    run.putAll(r.probes());
    return run;
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
