package org.madoguchi.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * With --profile: a Java Flight Recorder recording (CPU samples every 10 ms) of exactly the window,
 * in this JVM or, through jcmd, in the application's, summarised as where the CPU samples are: by the
 * library of the innermost non-JDK frame ("self"), and by what is anywhere on the stack ("inclusive").
 */
public final class JfrProbe implements LoadRun.Probe {

  /** Inclusive categories: a sample counts in each whose frames it contains. */
  private static final String[][] FEATURES = {
      {"Camunda engine (any)", "org.camunda.bpm.engine."},
      {"engine history events", "org.camunda.bpm.engine.impl.history."},
      {"engine persistence (DbEntityManager, flush)", "org.camunda.bpm.engine.impl.db."},
      {"MyBatis", "org.apache.ibatis."},
      {"JDBC driver / H2 database", "org.postgresql.", "org.h2."},
      {"DMN / FEEL", "org.camunda.bpm.dmn.", "org.camunda.feel.", "camundajar."},
      {"Jackson JSON", "com.fasterxml.jackson."},
      {"Spring Security filter chain", "org.springframework.security."},
      {"Tomcat / HTTP", "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."},
      {"Madoguchi code (any)", "org.madoguchi."},
      {"Madoguchi audit log", "org.madoguchi.audit."},
      {"Madoguchi visit view (GET visit)", "org.madoguchi.visit.VisitViews."},
      {"Madoguchi task list view", "org.madoguchi.task.DepartmentTaskService.view"},
      {"password check (sign-in)", "org.camunda.bpm.engine.impl.digest.",
          "org.madoguchi.security.CamundaIdentityAuthenticationProvider."},
      {"benchmark driver", "org.madoguchi.bench."},
  };
  private static final String[][] LIBRARIES = {
      {"org.camunda.bpm.engine.impl.history.", "Camunda history"},
      {"org.camunda.bpm.engine.", "Camunda engine"},
      {"org.camunda.bpm.dmn.", "DMN / FEEL"}, {"org.camunda.feel.", "DMN / FEEL"}, {"camundajar.", "DMN / FEEL"},
      {"org.camunda.", "Camunda other"},
      {"org.apache.ibatis.", "MyBatis"},
      {"org.postgresql.", "PostgreSQL JDBC"}, {"org.h2.", "H2"},
      {"com.zaxxer.hikari.", "Hikari"},
      {"com.fasterxml.jackson.", "Jackson"},
      {"org.springframework.security.", "Spring Security"},
      {"org.springframework.", "Spring"},
      {"org.apache.catalina.", "Tomcat"}, {"org.apache.coyote.", "Tomcat"}, {"org.apache.tomcat.", "Tomcat"},
      {"org.madoguchi.bench.", "benchmark driver"},
      {"org.madoguchi.", "Madoguchi"},
      {"org.HdrHistogram.", "benchmark driver"},
  };

  private final Path file;
  private final Consumer<String> remoteStart;
  private final Consumer<Path> remoteStop;
  private Recording local;

  /** A recording in this JVM. */
  static JfrProbe local(Path file) {
    return new JfrProbe(file, null, null);
  }

  /** A recording in the application's JVM, through jcmd. */
  static JfrProbe remote(AppProcess app, Path file) {
    Path settings = file.resolveSibling("cpu-samples.jfc");
    try {
      java.nio.file.Files.writeString(settings, CPU_SAMPLES_ONLY);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new JfrProbe(file, name -> app.jcmd("JFR.start", "name=" + name, "settings=" + settings),
        out -> app.jcmd("JFR.stop", "name=bench", "filename=" + out));
  }

  /** Only the CPU samples, every 10 ms: what the summary reads, at the least cost to the run. */
  private static final String CPU_SAMPLES_ONLY = """
      <?xml version="1.0" encoding="UTF-8"?>
      <configuration version="2.0" label="CPU samples">
        <event name="jdk.ExecutionSample">
          <setting name="enabled">true</setting>
          <setting name="period">10 ms</setting>
        </event>
      </configuration>
      """;

  private JfrProbe(Path file, Consumer<String> remoteStart, Consumer<Path> remoteStop) {
    this.file = file;
    this.remoteStart = remoteStart;
    this.remoteStop = remoteStop;
  }

  @Override
  public void start() {
    if (remoteStart != null) {
      remoteStart.accept("bench");
      return;
    }
    local = new Recording();
    local.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
    local.start();
  }

  @Override
  public Map<String, Object> end(long completedBundles) {
    try {
      if (remoteStop != null) {
        remoteStop.accept(file);
      } else {
        local.stop();
        local.dump(file);
        local.close();
      }
      return Map.of("profile", summarise(file));
    } catch (IOException | RuntimeException e) {
      return Map.of("profile", Map.of("error", String.valueOf(e)));
    }
  }

  /** Summarises a recording file: {@code java -cp ... org.madoguchi.bench.JfrProbe file.jfr}. */
  public static void main(String[] args) throws IOException {
    System.out.println(Json.MAPPER.writeValueAsString(summarise(Path.of(args[0]))));
  }

  static Map<String, Object> summarise(Path recording) throws IOException {
    long samples = 0;
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> inclusive = new HashMap<>();
    Map<String, Long> threads = new HashMap<>();
    Map<String, Long> hot = new HashMap<>();
    Map<String, Long> commands = new HashMap<>();
    Map<String, Long> entryPoints = new HashMap<>();
    try (RecordingFile file = new RecordingFile(recording)) { // streamed: a recording can exceed the heap
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if ("jdk.ExecutionSample".equals(event.getEventType().getName()) && event.getStackTrace() != null
            && !isMainThread(event)) {
          samples++;
          count(event, self, inclusive, threads, hot, commands, entryPoints);
        }
      }
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("cpuSamples", samples);
    summary.put("selfPercentByLibrary", percent(self, samples, 14));
    summary.put("inclusivePercent", percent(inclusive, samples, 30));
    summary.put("percentByThread", percent(threads, samples, 10));
    summary.put("byEngineCommandPercent", percent(commands, samples, 20));
    summary.put("byEntryPointPercent", percent(entryPoints, samples, 25));
    summary.put("hottestMethodsPercent", percent(hot, samples, 12));
    return summary;
  }

  private static void count(RecordedEvent event, Map<String, Long> self, Map<String, Long> inclusive,
      Map<String, Long> threads, Map<String, Long> hot, Map<String, Long> commands, Map<String, Long> entryPoints) {
    List<RecordedFrame> frames = event.getStackTrace().getFrames();
    String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
    threads.merge(threadGroup(thread), 1L, Long::sum);
    String selfLibrary = "JDK (java.*, jdk.*)";
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (!isJdk(type)) {
        selfLibrary = library(type);
        break;
      }
    }
    self.merge(selfLibrary, 1L, Long::sum);
    if (!frames.isEmpty()) {
      RecordedFrame top = frames.get(0);
      hot.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1L, Long::sum);
    }
    commands.merge(outermost(frames, JfrProbe::isEngineCommand), 1L, Long::sum);
    entryPoints.merge(entryPoint(frames), 1L, Long::sum);
    Set<String> seen = new HashSet<>();
    for (RecordedFrame frame : frames) {
      String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
      for (String[] feature : FEATURES) {
        for (int i = 1; i < feature.length; i++) {
          if (method.startsWith(feature[i])) {
            seen.add(feature[0]);
          }
        }
      }
    }
    seen.forEach(f -> inclusive.merge(f, 1L, Long::sum));
  }


  /** The outermost frame (closest to the thread's start) that {@code test} accepts, as Class.method. */
  private static String outermost(List<RecordedFrame> frames, java.util.function.Predicate<String> test) {
    for (int i = frames.size() - 1; i >= 0; i--) {
      RecordedFrame frame = frames.get(i);
      String type = frame.getMethod().getType().getName();
      if (test.test(type + "." + frame.getMethod().getName())) {
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
      }
    }
    return "(none)";
  }

  /** An engine command or query: what the engine was asked to do. */
  private static boolean isEngineCommand(String method) {
    String type = method.substring(0, method.lastIndexOf('.'));
    return type.startsWith("org.camunda.bpm.engine.impl.") && (type.endsWith("Cmd") || type.endsWith("QueryImpl"))
        && (method.endsWith(".execute") || method.endsWith(".executeList") || method.endsWith(".executeCount")
        || method.endsWith(".executeSingleResult"));
  }

  /** Where the work came from: a Madoguchi controller, delegate or sign-in, the job executor, the driver. */
  private static boolean isEntryPoint(String method) {
    return (method.startsWith("org.madoguchi.") && !method.startsWith("org.madoguchi.bench.")
        && (method.contains("Controller.") || method.contains("Delegate.execute")
        || method.contains("AuthenticationProvider.authenticate")))
        || method.startsWith("org.madoguchi.bench.BareEngineApi.")
        || method.startsWith("org.madoguchi.bench.BareEngineApi$")
        || method.startsWith("org.camunda.bpm.engine.impl.jobexecutor.AcquireJobsRunnable.")
        || method.startsWith("org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobsRunnable.");
  }

  private static String entryPoint(List<RecordedFrame> frames) {
    String entry = outermost(frames, JfrProbe::isEntryPoint);
    if (!"(none)".equals(entry)) {
      return entry;
    }
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (type.startsWith("org.apache.catalina.") || type.startsWith("org.apache.coyote.")
          || type.startsWith("org.springframework.security.")) {
        return "HTTP outside controllers (Tomcat, filters, security, JSON)";
      }
    }
    return "(other)";
  }

  /** The bench JVM's main thread only sleeps through the window and then reads the probes: not the work. */
  private static boolean isMainThread(RecordedEvent event) {
    return event.getThread("sampledThread") != null && "main".equals(event.getThread("sampledThread").getJavaName());
  }

  private static String threadGroup(String thread) {
    if (thread.startsWith("http-nio")) {
      return "HTTP request threads";
    }
    if (thread.contains("JobExecutor") || thread.contains("camundaTaskExecutor") || thread.startsWith("pool-")) {
      return "job executor";
    }
    if (thread.startsWith("counter-") || thread.startsWith("watcher")) {
      return "driver: counter sessions and watcher";
    }
    for (String[] d : MoveInBundle.DEPARTMENTS) {
      if (thread.startsWith(d[0] + "-")) {
        return "driver: department users";
      }
    }
    return "other (" + thread.replaceAll("[-#0-9]+$", "") + ")";
  }

  private static boolean isJdk(String type) {
    return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.") || type.startsWith("sun.")
        || type.startsWith("com.sun.");
  }

  private static String library(String type) {
    for (String[] l : LIBRARIES) {
      if (type.startsWith(l[0])) {
        return l[1];
      }
    }
    String[] parts = type.split("\\.");
    return parts.length > 2 ? parts[0] + "." + parts[1] + "." + parts[2] : type;
  }

  private static Map<String, Double> percent(Map<String, Long> counts, long total, int limit) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    Map<String, Double> result = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : entries.subList(0, Math.min(limit, entries.size()))) {
      result.put(e.getKey(), total == 0 ? 0 : Math.round(e.getValue() * 1000.0 / total) / 10.0);
    }
    return result;
  }
}
