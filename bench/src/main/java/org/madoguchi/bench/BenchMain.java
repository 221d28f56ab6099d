package org.madoguchi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One benchmark run: for each database (H2, PostgreSQL) the bare engine in its own JVM, then the real
 * application jar in its own JVM driven over HTTP by this one, with the same load; then the table and
 * {@code target/benchmark/result.json}. Started by bench/run.sh.
 */
public final class BenchMain {

  static final String PG_HOST = "jdbc:postgresql://127.0.0.1:5432/";

  private BenchMain() {
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    // Whatever happens, no application or bare-engine JVM outlives the run.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
        .forEach(ProcessHandle::destroy)));
    Path root = options.path("root", ".");
    Path out = options.path("out", root.resolve("target/benchmark").toString());
    Files.createDirectories(out);
    try (Stream<Path> old = Files.list(out)) { // the previous run's logs and recordings
      old.filter(p -> p.getFileName().toString().matches(".*(-gc\\.log.*|\\.jfr|\\.log|\\.json)"))
          .forEach(p -> p.toFile().delete());
    }
    Path jar = options.path("app-jar", root.resolve("engine-app/target/madoguchi.jar").toString());
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no application jar at " + jar + " (mvn -B -DskipTests package builds it)");
    }
    List<String> jvm = new ArrayList<>(List.of("-Xmx" + options.string("heap", "2g"), "-XX:+UseG1GC"));
    String extraJvmOptions = options.string("jvm", "");
    if (!extraJvmOptions.isBlank()) {
      jvm.addAll(List.of(extraJvmOptions.strip().split("\\s+")));
    }
    if (options.flag("profile")) {
      jvm.add("-XX:FlightRecorderOptions:stackdepth=512"); // Spring and the engine nest deeper than the default 64
    }
    LoadRun.Settings settings = options.settings();
    boolean profile = options.flag("profile");
    if (profile) {
      StatementLogProbe.resetServerLogging(PG_HOST + "postgres");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("generatedAt", Instant.now().toString());
    result.put("mode", (options.quick() ? "quick" : "full") + (profile ? " + profile (figures slowed by profiling)"
        : "") + (options.flag("priority") ? " + priority (nice -10)" : ""));
    result.put("cores", Runtime.getRuntime().availableProcessors());
    result.put("machine", Machine.describe());
    Map<String, Object> described = settings.describe();
    described.put("jvmOptions", jvm);
    result.put("settings", described);
    System.out.printf("Madoguchi benchmark (%s), %d cores; work folder %s; load average now %s%n", result.get("mode"),
        Runtime.getRuntime().availableProcessors(), out, Machine.loadAverage());
    System.out.println("The figures are only as good as the machine is quiet: each run reports the cores other "
        + "processes kept busy in its window (cpu.machine.otherProcessesCores).");
    if (options.flag("priority") && options.databases().contains("postgres")) {
      PgBackendPriority.raiseServer(PG_HOST + "postgres");
    }
    for (String db : options.databases()) {
      Map<String, Object> dbResult = new LinkedHashMap<>();
      List<String> notes = new ArrayList<>();
      Map<String, Object> bare = options.flag("skip-bare") ? null : bare(db, options, out, jvm, notes);
      Map<String, Object> app = options.flag("skip-app") ? null
          : madoguchi(db, options, settings, out, jar, jvm, notes);
      dbResult.put("bare", bare);
      dbResult.put("madoguchi", app);
      if (bare != null && app != null) {
        double b = ((Number) bare.get("bundlesPerSecond")).doubleValue();
        double m = ((Number) app.get("bundlesPerSecond")).doubleValue();
        dbResult.put("ratio", b == 0 ? null : Json.round(m / b * 1000) / 1000.0);
      }
      dbResult.put("notes", notes);
      result.put(db, dbResult);
      Json.write(out.resolve("result.json"), result); // as far as it got
    }
    PgBackendPriority.restoreServer();
    result.put("acceptance", Report.acceptance(result));
    Json.write(out.resolve("result.json"), result);
    Report.print(result, System.out);
    System.out.println("\nWritten: " + out.resolve("result.json"));
    System.exit(0);
  }

  // --- the bare engine, in a JVM of its own --------------------------------------------------------------

  private static Map<String, Object> bare(String db, Options options, Path out, List<String> jvm, List<String> notes)
      throws IOException, InterruptedException {
    String database = "madoguchi_bench_bare";
    List<String> args = new ArrayList<>(options.asArguments());
    args.add("--bare-db=" + db);
    args.add("--out=" + out.resolve("bare-" + db + ".json"));
    args.add("--jfr=" + out.resolve("bare-" + db + ".jfr"));
    if ("postgres".equals(db)) {
      recreate(database);
      args.add("--jdbc-url=" + PG_HOST + database);
      args.add("--jdbc-user=postgres");
      args.add("--pg-database=" + database);
      args.add("--pg-admin-url=" + PG_HOST + "postgres");
    } else {
      args.add("--jdbc-url=jdbc:h2:mem:bare;DB_CLOSE_DELAY=-1");
      notes.add("bare engine on in-memory H2 (jdbc:h2:mem), Madoguchi on an H2 file database in a temporary folder");
    }
    Path gcLog = out.resolve("bare-" + db + "-gc.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.add("-Xlog:gc:file=" + gcLog);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(BareEngineMain.class.getName());
    command.addAll(args);
    System.out.printf("%n== %s: bare engine (Java API, no-op delegates) ==%n", db);
    Process child = new ProcessBuilder(command).inheritIO().start();
    LoadRun.Settings s = options.settings();
    long limit = s.warmup().multipliedBy(4).plus(s.measure()).plus(s.drain()).plus(Duration.ofMinutes(4)).toSeconds();
    if (!child.waitFor(limit, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      throw new IllegalStateException("the bare-engine run did not end within " + limit + " s");
    }
    try {
      Path json = out.resolve("bare-" + db + ".json");
      if (!Files.exists(json)) {
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("error", "the bare-engine JVM ended with " + child.exitValue() + " and wrote no result");
        failed.put("bundlesPerSecond", 0);
        return failed;
      }
      Map<String, Object> result = Json.read(json);
      result.put("heap", GcLog.read(gcLog));
      return result;
    } finally {
      if ("postgres".equals(db)) {
        drop(database);
      }
    }
  }

  // --- Madoguchi: the application jar, driven over HTTP ------------------------------------------------------

  private static Map<String, Object> madoguchi(String db, Options options, LoadRun.Settings settings, Path out,
      Path jar, List<String> jvm, List<String> notes) throws Exception {
    String database = "madoguchi_bench_app";
    List<String> appArgs = new ArrayList<>();
    Map<String, String> env = new LinkedHashMap<>();
    String jdbcUrl;
    String jdbcUser;
    Path dataDir = null;
    if ("postgres".equals(db)) {
      recreate(database);
      jdbcUrl = PG_HOST + database;
      jdbcUser = "postgres";
      appArgs.add("--spring.profiles.active=postgres");
      env.put("MADOGUCHI_DB_URL", jdbcUrl);
      env.put("MADOGUCHI_DB_USER", "postgres");
      env.put("MADOGUCHI_DB_PASSWORD", "");
    } else {
      dataDir = Files.createTempDirectory("madoguchi-bench-h2-");
      // AUTO_SERVER: the application opens the file embedded, as usual; this process reaches it over loopback
      // only to write the notices before the run and to release one as its household arrives.
      jdbcUrl = "jdbc:h2:file:" + dataDir.resolve("madoguchi") + ";AUTO_SERVER=TRUE";
      jdbcUser = "sa";
      appArgs.add("--madoguchi.data-dir=" + dataDir);
      appArgs.add("--spring.datasource.url=" + jdbcUrl);
      notes.add("Madoguchi's H2 file database: " + dataDir + " (AUTO_SERVER=TRUE, deleted after the run)");
    }
    System.out.printf("%n== %s: Madoguchi (application jar over HTTP, connectors embedded, audit and security on) ==%n",
        db);
    long started = System.nanoTime();
    try (AppProcess app = AppProcess.start(jar, "app-" + db, out, jvm, appArgs, env, Duration.ofMinutes(4))) {
      System.out.printf("  [madoguchi %s] application up on 127.0.0.1:%d in %.1f s (pid %d)%n", db, app.port,
          (System.nanoTime() - started) / 1e9, app.pid());
      Map<String, Object> result;
      try (NoticePool notices = new NoticePool(jdbcUrl, jdbcUser, "")) {
        long t = System.nanoTime();
        notices.fill("postgres".equals(db) ? "PG" : "H2", settings.maxBundles(), MoveInBundle.MUNICIPALITY_CODE);
        System.out.printf("  [madoguchi %s] %d move-out notices written in %.1f s%n", db, settings.maxBundles(),
            (System.nanoTime() - t) / 1e9);
        // Ended in this order when the window closes: CPU first (exactly the window), the profile, then the rest.
        List<LoadRun.Probe> probes = new ArrayList<>();
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("appJvm", app.pid());
        pids.put("driverJvm", ProcessHandle.current().pid());
        probes.add(new CpuProbe(pids, "postgres".equals(db)));
        if (options.flag("profile")) {
          probes.add(JfrProbe.remote(app, out.resolve("app-" + db + ".jfr")));
        }
        if ("postgres".equals(db)) {
          if (options.flag("profile")) {
            probes.add(new StatementLogProbe(PG_HOST + "postgres", database));
          }
          probes.add(new PgStatsProbe(jdbcUrl, database));
          if (options.flag("priority")) {
            probes.add(new PgBackendPriority(PG_HOST + "postgres", database));
          }
        }
        try (HttpWorkApi api = new HttpWorkApi(app.port, notices)) {
          LoadRun.Result run = new LoadRun(api, settings, notices::next, true, new JitActivity(app.pid()), probes)
              .run("madoguchi " + db);
          result = new LinkedHashMap<>(Json.of(run));
        }
      }
      app.jcmd("GC.run");
      Thread.sleep(500);
      result.put("database", "postgres".equals(db) ? "PostgreSQL (" + database + ")" : "H2 file (" + dataDir + ")");
      app.close();
      result.put("heap", GcLog.read(app.gcLog));
      return result;
    } finally {
      if ("postgres".equals(db)) {
        drop(database);
      }
      if (dataDir != null) {
        deleteTree(dataDir);
      }
    }
  }

  // --- PostgreSQL databases ------------------------------------------------------------------------------------

  static void recreate(String database) {
    drop(database);
    admin("create database " + database);
  }

  static void drop(String database) {
    admin("drop database if exists " + database + " with (force)");
  }

  private static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(PG_HOST + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 (user postgres): " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder
    }
  }
}
