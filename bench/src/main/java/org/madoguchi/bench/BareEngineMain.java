package org.madoguchi.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bare-engine half of one database's run, in its own JVM (started by {@link BenchMain} with the same
 * heap settings as the application): builds the engine, runs the same load through the Java API, writes
 * the figures as JSON to {@code --out}.
 */
public final class BareEngineMain {

  private BareEngineMain() {
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    String db = options.string("bare-db", "h2");
    Path out = options.path("out", "bare.json");
    String url = options.string("jdbc-url", "jdbc:h2:mem:bare;DB_CLOSE_DELAY=-1");
    String user = options.string("jdbc-user", "sa");
    LoadRun.Settings settings = options.settings();
    int pool = "postgres".equals(db) ? 20 : 10; // as Madoguchi's Hikari pool on each database
    long started = System.nanoTime();
    try (BareEngineApi api = new BareEngineApi(url, user, "", pool)) {
      System.out.printf("  [bare %s] engine up and models deployed in %.1f s (%s)%n", db,
          (System.nanoTime() - started) / 1e9, url.startsWith("jdbc:h2:mem") ? "in-memory H2" : url);
      // Ended in this order when the window closes: CPU first (exactly the window), the profile, then the rest.
      List<LoadRun.Probe> probes = new ArrayList<>();
      probes.add(new CpuProbe(Map.of("benchJvm(engine+driver)", ProcessHandle.current().pid()),
          "postgres".equals(db)));
      if (options.flag("profile")) {
        probes.add(JfrProbe.local(options.path("jfr", "bare.jfr")));
      }
      if ("postgres".equals(db)) {
        if (options.flag("profile")) {
          probes.add(new StatementLogProbe(options.string("pg-admin-url", ""), options.string("pg-database", "")));
        }
        probes.add(new PgStatsProbe(url, options.string("pg-database", "")));
        if (options.flag("priority")) {
          probes.add(new PgBackendPriority(options.string("pg-admin-url", ""), options.string("pg-database", "")));
        }
      }
      AtomicInteger sequence = new AtomicInteger();
      int max = settings.maxBundles();
      LoadRun run = new LoadRun(api, settings, () -> sequence.incrementAndGet() <= max ? "bare" : null, false,
          new JitActivity(ProcessHandle.current().pid()), probes);
      LoadRun.Result result = run.run("bare " + db);
      Map<String, Object> json = new LinkedHashMap<>(Json.of(result));
      json.put("database", "postgres".equals(db) ? "PostgreSQL (" + options.string("pg-database", "") + ")"
          : "H2 in-memory");
      Json.write(out, json);
      System.gc(); // with the engine still up: the live heap size for the GC log
    }
    System.exit(0);
  }
}
