package org.madoguchi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds spent in the window by each process that does the work, read from /proc (Linux): the JVM
 * under test, the driver's JVM when it is another one, and every PostgreSQL process. On a 2-core machine
 * these shares are what caps the throughput. For each JVM also the part its JIT compiler threads and its GC
 * threads took: on two cores a large application's compiler can still take a fifth of its CPU minutes into a
 * run, which is warm-up, not work.
 */
final class CpuProbe implements LoadRun.Probe {

  private static final double TICKS_PER_SECOND = 100.0;
  private static final String MACHINE = "machine";
  private static final String JIT = "#jit";
  private static final String GC = "#gc";

  private final Map<String, Long> pids;
  private final boolean postgres;
  private final Map<String, Double> before = new LinkedHashMap<>();
  private long startNanos;

  /** {@code pids}: name → process id; {@code postgres}: also sum every process named postgres. */
  CpuProbe(Map<String, Long> pids, boolean postgres) {
    this.pids = pids;
    this.postgres = postgres;
  }

  @Override
  public void start() {
    before.clear();
    before.putAll(sample());
    startNanos = System.nanoTime();
  }

  @Override
  public Map<String, Object> end(long completedBundles) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    Map<String, Double> after = sample();
    Map<String, Object> cpu = new LinkedHashMap<>();
    double total = 0;
    for (Map.Entry<String, Double> e : after.entrySet()) {
      if (MACHINE.equals(e.getKey()) || e.getKey().contains("#")) {
        continue;
      }
      double used = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
      total += used;
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("cpuSeconds", round(used));
      one.put("coresBusy", round(used / seconds));
      one.put("cpuMsPerBundle", perBundle(used, completedBundles));
      if (after.containsKey(e.getKey() + JIT)) {
        one.put("jitCpuMsPerBundle", perBundle(after.get(e.getKey() + JIT)
            - before.getOrDefault(e.getKey() + JIT, 0.0), completedBundles));
        one.put("gcCpuMsPerBundle", perBundle(after.get(e.getKey() + GC)
            - before.getOrDefault(e.getKey() + GC, 0.0), completedBundles));
      }
      cpu.put(e.getKey(), one);
    }
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("cpuSeconds", round(total));
    all.put("coresBusy", round(total / seconds));
    all.put("cpuMsPerBundle", perBundle(total, completedBundles));
    cpu.put("total", all);
    double machine = after.getOrDefault(MACHINE, 0.0) - before.getOrDefault(MACHINE, 0.0);
    Map<String, Object> others = new LinkedHashMap<>();
    others.put("machineBusyCores", round(machine / seconds));
    others.put("otherProcessesCores", round(Math.max(0, machine - total) / seconds));
    cpu.put("machine", others);
    cpu.put("machineCores", Runtime.getRuntime().availableProcessors());
    return Map.of("cpu", cpu);
  }

  private static Double perBundle(double cpuSeconds, long completedBundles) {
    return completedBundles == 0 ? null : round(cpuSeconds * 1000 / completedBundles);
  }

  private Map<String, Double> sample() {
    Map<String, Double> result = new LinkedHashMap<>();
    pids.forEach((name, pid) -> {
      result.put(name, cpuSeconds(pid, false));
      result.put(name + JIT, threadCpuSeconds(pid, "C1 CompilerThre", "C2 CompilerThre"));
      result.put(name + GC, threadCpuSeconds(pid, "GC Thread", "G1 "));
    });
    if (postgres) {
      double sum = 0;
      try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
        for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
          try {
            if ("postgres".equals(Files.readString(p.resolve("comm")).trim())) {
              // the postmaster's reaped children (backends that ended) count in its cutime/cstime
              sum += cpuSeconds(Long.parseLong(p.getFileName().toString()), true);
            }
          } catch (IOException | RuntimeException ignored) {
            // the process ended meanwhile
          }
        }
      } catch (IOException ignored) {
        // no /proc
      }
      result.put("postgres", sum);
    }
    result.put(MACHINE, machineBusySeconds());
    return result;
  }

  /** CPU seconds all cores spent busy (not idle, not waiting for I/O) since boot, from /proc/stat. */
  static double machineBusySeconds() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        if (i != 4 && i != 5) { // idle, iowait
          busy += Long.parseLong(f[i]);
        }
      }
      return busy / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** CPU seconds of the threads of {@code pid} whose name starts with one of {@code prefixes} (they live as long as it). */
  static double threadCpuSeconds(long pid, String... prefixes) {
    double sum = 0;
    try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      for (Path thread : threads.toList()) {
        try {
          String name = Files.readString(thread.resolve("comm")).trim();
          if (Stream.of(prefixes).anyMatch(name::startsWith)) {
            sum += statSeconds(thread.resolve("stat"), false);
          }
        } catch (IOException | RuntimeException ignored) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException ignored) {
      // no /proc
    }
    return sum;
  }

  /** utime + stime (+ the children's, when asked) of a process, in seconds; 0 if unreadable. */
  static double cpuSeconds(long pid, boolean withChildren) {
    try {
      return statSeconds(Path.of("/proc", String.valueOf(pid), "stat"), withChildren);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** utime + stime (+ cutime + cstime) of a process's or a thread's {@code stat} file, in seconds. */
  private static double statSeconds(Path statFile, boolean withChildren) throws IOException {
    String stat = Files.readString(statFile);
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    if (withChildren) {
      ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }
    return ticks / TICKS_PER_SECOND;
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
