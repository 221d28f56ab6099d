package org.madoguchi.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line options ({@code --name=value}, or {@code --flag}); the same for the run and the bare-engine child. */
final class Options {

  final Map<String, String> values = new LinkedHashMap<>();

  static Options parse(String[] args) {
    Options o = new Options();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + arg + " (options are --name=value)");
      }
      int eq = arg.indexOf('=');
      if (eq < 0) {
        o.values.put(arg.substring(2), "true");
      } else {
        o.values.put(arg.substring(2, eq), arg.substring(eq + 1));
      }
    }
    return o;
  }

  boolean quick() {
    return flag("quick");
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(values.getOrDefault(name, "false"));
  }

  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback) {
    return Integer.parseInt(values.getOrDefault(name, String.valueOf(fallback)));
  }

  double decimal(String name, double fallback) {
    return Double.parseDouble(values.getOrDefault(name, String.valueOf(fallback)));
  }

  Path path(String name, String fallback) {
    return Path.of(string(name, fallback)).toAbsolutePath().normalize();
  }

  List<String> databases() {
    return List.of(string("db", "h2,postgres").split(","));
  }

  /** The load: quick (under 5 minutes for both databases with the application's start) or full. */
  LoadRun.Settings settings() {
    boolean quick = quick();
    Map<String, Integer> workers = new LinkedHashMap<>();
    for (String pair : string("department-users", "hoken=3,kosodate=2,gakko=2,shimin=1").split(",")) {
      String[] kv = pair.split("=");
      workers.put(kv[0], Integer.parseInt(kv[1]));
    }
    return new LoadRun.Settings(
        integer("sessions", 4),
        integer("in-flight", 2),
        workers,
        Duration.ofSeconds(integer("warmup", quick ? 6 : 20)),
        integer("warmup-bundles", quick ? 2 : 4),
        Duration.ofSeconds(integer("jit-warmup-max", quick ? 0 : 480)),
        Duration.ofSeconds(integer("measure", quick ? 20 : 90)),
        Duration.ofSeconds(integer("drain", quick ? 5 : 60)),
        integer("max-bundles", quick ? 600 : 6000),
        decimal("rate", 0),
        Duration.ofMillis(integer("visit-poll-ms", 100)),
        Duration.ofMillis(integer("idle-ms", 200)),
        Duration.ofSeconds(integer("bundle-timeout", 120)));
  }

  /** The options again, for the bare-engine child process. */
  List<String> asArguments() {
    List<String> args = new ArrayList<>();
    values.forEach((k, v) -> args.add("--" + k + "=" + v));
    return args;
  }
}
