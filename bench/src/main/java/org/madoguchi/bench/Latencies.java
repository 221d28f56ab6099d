package org.madoguchi.bench;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency of each API call, recorded from every driver thread into HdrHistogram recorders (microseconds,
 * up to 2 minutes, 3 significant digits). {@link #startWindow()} and {@link #endWindow()} cut out the
 * measured window: only calls that end inside it are in the result.
 */
final class Latencies {

  private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);

  private final Map<Op, Recorder> recorders = new EnumMap<>(Op.class);
  private final Map<Op, AtomicLong> errors = new EnumMap<>(Op.class);
  private final Recorder bundles = new Recorder(HIGHEST_MICROS, 3);
  private final Map<Op, Histogram> window = new EnumMap<>(Op.class);
  private Histogram bundleWindow;

  Latencies() {
    for (Op op : Op.values()) {
      recorders.put(op, new Recorder(HIGHEST_MICROS, 3));
      errors.put(op, new AtomicLong());
    }
  }

  void record(Op op, long nanos) {
    recorders.get(op).recordValue(Math.min(HIGHEST_MICROS, Math.max(1, nanos / 1000)));
  }

  void error(Op op) {
    errors.get(op).incrementAndGet();
  }

  void bundle(long nanos) {
    bundles.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, nanos / 1000)));
  }

  long errors() {
    return errors.values().stream().mapToLong(AtomicLong::get).sum();
  }

  Map<String, Long> errorsByOp() {
    Map<String, Long> result = new LinkedHashMap<>();
    errors.forEach((op, count) -> {
      if (count.get() > 0) {
        result.put(op.label, count.get());
      }
    });
    return result;
  }

  /** Drops what was recorded so far (the warm-up). */
  void startWindow() {
    recorders.values().forEach(Recorder::reset);
    bundles.reset();
  }

  void endWindow() {
    recorders.forEach((op, recorder) -> window.put(op, recorder.getIntervalHistogram()));
    bundleWindow = bundles.getIntervalHistogram();
  }

  Map<Op, Histogram> window() {
    return window;
  }

  Histogram bundleWindow() {
    return bundleWindow;
  }

  /** Every call of the window in one histogram. */
  Histogram allCalls() {
    Histogram all = new Histogram(HIGHEST_MICROS, 3);
    window.values().forEach(all::add);
    return all;
  }

  static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
  }
}
