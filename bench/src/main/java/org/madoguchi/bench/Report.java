package org.madoguchi.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The table on the console, and the acceptance check. */
final class Report {

  private Report() {
  }

  /** The benchmark issue's bar, checked on PostgreSQL. */
  static Map<String, Object> acceptance(Map<String, Object> result) {
    Map<String, Object> check = new LinkedHashMap<>();
    Map<String, Object> pg = map(result.get("postgres"));
    Map<String, Object> app = pg == null ? null : map(pg.get("madoguchi"));
    if (app == null) {
      check.put("checked", false);
      return check;
    }
    double rate = num(app.get("bundlesPerSecond"));
    double p95 = num(app.get("p95Ms"));
    double errors = num(app.get("errors"));
    Object ratio = pg.get("ratio");
    check.put("checked", true);
    check.put("twoCoreMachine", num(result.get("cores")) == 2);
    check.put("atLeast5BundlesPerSecond", rate >= 5);
    check.put("p95Under300Ms", p95 < 300);
    check.put("noErrors", errors == 0);
    check.put("ratioAtLeast0.8", ratio != null && num(ratio) >= 0.8);
    check.put("met", rate >= 5 && p95 < 300 && errors == 0 && ratio != null && num(ratio) >= 0.8);
    return check;
  }

  static void print(Map<String, Object> result, PrintStream out) {
    out.println();
    out.printf("Madoguchi benchmark — %s, %s cores (%s)%n", result.get("mode"), result.get("cores"),
        map(result.get("machine")).get("cpu"));
    out.println("Bundle: the 5-person move-in (1 visit + 8 procedures, 28 user tasks, 10 jobs); same load for both.");
    String header = String.format("%-9s %-10s %9s %8s %8s %8s %7s %8s %9s %9s %s", "database", "run", "bundles/s",
        "p50 ms", "p95 ms", "p99 ms", "errors", "calls/b", "peak MB", "live MB", "CPU ms/bundle");
    out.println(header);
    out.println("-".repeat(header.length() + 30));
    for (String db : List.of("h2", "postgres")) {
      Map<String, Object> r = map(result.get(db));
      if (r == null) {
        continue;
      }
      for (String run : List.of("bare", "madoguchi")) {
        Map<String, Object> x = map(r.get(run));
        if (x == null) {
          continue;
        }
        Map<String, Object> heap = map(x.get("heap"));
        out.printf("%-9s %-10s %9.2f %8.1f %8.1f %8.1f %7s %8s %9s %9s %s%n", db, run, num(x.get("bundlesPerSecond")),
            num(x.get("p50Ms")), num(x.get("p95Ms")), num(x.get("p99Ms")), x.get("errors"), x.get("callsPerBundle"),
            heap == null ? "?" : heap.get("peakHeapMb"), heap == null ? "?" : heap.get("liveHeapAfterRunMb"),
            cpu(x));
      }
      out.printf("%-9s %-10s %9s%n", db, "ratio", r.get("ratio") == null ? "-" : String.format("%.3f",
          num(r.get("ratio"))));
    }
    out.println();
    out.println("Latency of each call in the window, p50 / p95 / p99 ms (count); bare: the Java API calls doing the "
        + "same engine work");
    for (String db : List.of("h2", "postgres")) {
      Map<String, Object> r = map(result.get(db));
      if (r == null) {
        continue;
      }
      Map<String, Object> bare = latencies(r.get("bare"));
      Map<String, Object> app = latencies(r.get("madoguchi"));
      Set<String> calls = new LinkedHashSet<>();
      for (Op op : Op.values()) {
        if (bare.containsKey(op.label) || app.containsKey(op.label)) {
          calls.add(op.label);
        }
      }
      out.printf("  %-9s %-34s %-24s %-24s%n", db, "call", "bare", "madoguchi");
      for (String call : calls) {
        out.printf("  %-9s %-34s %-24s %-24s%n", "", call, percentiles(map(bare.get(call))),
            percentiles(map(app.get(call))));
      }
    }
    Map<String, Object> acceptance = map(result.get("acceptance"));
    if (acceptance != null && Boolean.TRUE.equals(acceptance.get("checked"))) {
      out.println();
      out.println("Issue bar on PostgreSQL (>= 5 bundles/s, p95 < 300 ms, 0 errors, ratio >= 0.8): "
          + (Boolean.TRUE.equals(acceptance.get("met")) ? "MET" : "NOT MET") + " " + acceptance);
    }
    for (String db : List.of("h2", "postgres")) {
      Map<String, Object> r = map(result.get(db));
      if (r != null && r.get("notes") instanceof List<?> notes) {
        notes.forEach(n -> out.println("Note (" + db + "): " + n));
      }
    }
  }

  private static Map<String, Object> latencies(Object run) {
    Map<String, Object> calls = map(run) == null ? null : map(map(run).get("latencyByCall"));
    return calls == null ? Map.of() : calls;
  }

  private static String percentiles(Map<String, Object> c) {
    if (c == null) {
      return "-";
    }
    return String.format("%.1f / %.1f / %.1f (%s)", num(c.get("p50Ms")), num(c.get("p95Ms")), num(c.get("p99Ms")),
        c.get("count"));
  }

  private static String cpu(Map<String, Object> run) {
    Map<String, Object> cpu = map(run.get("cpu"));
    if (cpu == null) {
      return "?";
    }
    StringBuilder text = new StringBuilder();
    cpu.forEach((name, value) -> {
      if ("machine".equals(name) && value instanceof Map<?, ?> v) {
        text.append("; other processes ").append(v.get("otherProcessesCores")).append(" cores");
      } else if (value instanceof Map<?, ?> v && v.get("cpuMsPerBundle") != null) {
        if (text.length() > 0) {
          text.append(", ");
        }
        text.append(name).append(' ').append(Math.round(num(v.get("cpuMsPerBundle"))));
        if (v.get("jitCpuMsPerBundle") != null) {
          text.append(" (JIT ").append(Math.round(num(v.get("jitCpuMsPerBundle")))).append(", GC ")
              .append(Math.round(num(v.get("gcCpuMsPerBundle")))).append(')');
        }
      }
    });
    return text.toString();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  static double num(Object value) {
    return value instanceof Number n ? n.doubleValue() : 0;
  }
}
