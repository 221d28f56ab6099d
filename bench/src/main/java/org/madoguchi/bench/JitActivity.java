package org.madoguchi.bench;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * How busy a JVM's JIT compiler threads are, read from /proc. On two cores under full load a large application's
 * compiler keeps compiling for minutes (Madoguchi's: about six), taking a fifth of its CPU meanwhile and leaving
 * code in its slower, profiling tiers; the warm-up lasts until the compiler has nearly nothing left to do, so that
 * the window measures the steady state a node that has run for a while is in.
 */
final class JitActivity {

  /** Less than this share of a core over {@link #TRAILING} counts as settled. */
  static final double QUIET_CORES = 0.05;
  static final Duration TRAILING = Duration.ofSeconds(20);

  private final long pid;
  /** {nanoTime, compiler threads' CPU seconds}, oldest first, reaching back a little over {@link #TRAILING}. */
  private final Deque<double[]> samples = new ArrayDeque<>();

  JitActivity(long pid) {
    this.pid = pid;
  }

  /** Takes a sample; the compiler threads' cores over the trailing window, or NaN until it spans {@link #TRAILING}. */
  double cores() {
    double now = System.nanoTime();
    samples.addLast(new double[] {now, CpuProbe.threadCpuSeconds(pid, "C1 CompilerThre", "C2 CompilerThre")});
    // drop the oldest sample while the next one still reaches back the whole trailing window
    while (samples.size() > 2) {
      Iterator<double[]> oldest = samples.iterator();
      oldest.next();
      if (now - oldest.next()[0] < TRAILING.toNanos()) {
        break;
      }
      samples.removeFirst();
    }
    double[] first = samples.getFirst();
    double span = now - first[0];
    if (span < TRAILING.toNanos()) {
      return Double.NaN;
    }
    return (samples.getLast()[1] - first[1]) / (span / 1e9);
  }

}
