package org.madoguchi.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * With --profile on PostgreSQL: counts the SQL statements the database executed for the bench database in
 * the window, by kind and by table family, from the server log with {@code log_statement = 'all'} switched on
 * for the window only (ALTER SYSTEM … ; pg_reload_conf(), reset afterwards). Logging every statement slows the
 * server down: a profiling run's throughput is not a benchmark figure.
 */
final class StatementLogProbe implements LoadRun.Probe {

  private static final Pattern LINE = Pattern.compile(
      "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d[.\\d]* \\w+ \\[\\d+\\] (?:\\S*@(\\S+) )?(\\w+):\\s+(.*)$");
  private static final Pattern STATEMENT = Pattern.compile("^(?:execute [^:]+|statement): (.*)$", Pattern.DOTALL);
  private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|into|update|join)\\s+(\\w+)");

  private final String adminUrl;
  private final String database;
  private Path logFile;
  private long offset;

  StatementLogProbe(String adminUrl, String database) {
    this.adminUrl = adminUrl;
    this.database = database;
  }

  static void resetServerLogging(String adminUrl) {
    try (Connection c = DriverManager.getConnection(adminUrl, "postgres", ""); Statement s = c.createStatement()) {
      s.execute("alter system reset log_statement");
      s.execute("select pg_reload_conf()");
    } catch (SQLException ignored) {
      // nothing to reset
    }
  }

  @Override
  public void start() {
    logFile = newestLog();
    try {
      offset = logFile == null ? 0 : Files.size(logFile);
      try (Connection c = DriverManager.getConnection(adminUrl, "postgres", ""); Statement s = c.createStatement()) {
        s.execute("alter system set log_statement = 'all'");
        s.execute("select pg_reload_conf()");
      }
    } catch (IOException | SQLException e) {
      logFile = null;
    }
  }

  @Override
  public Map<String, Object> end(long completedBundles) {
    resetServerLogging(adminUrl);
    if (logFile == null) {
      return Map.of("statements", Map.of("error", "no PostgreSQL log file found under /var/log/postgresql"));
    }
    Map<String, Long> byKind = new TreeMap<>();
    Map<String, Long> byFamily = new TreeMap<>();
    Map<String, Long> byTable = new LinkedHashMap<>();
    long total = 0;
    try (RandomAccessFile in = new RandomAccessFile(logFile.toFile(), "r")) {
      in.seek(offset);
      // streamed line by line: a minute of log_statement = 'all' is hundreds of megabytes
      BufferedReader reader = new BufferedReader(new InputStreamReader(
          java.nio.channels.Channels.newInputStream(in.getChannel()), StandardCharsets.UTF_8), 1 << 16);
      StringBuilder current = null;
      String line;
      while ((line = reader.readLine()) != null) {
        Matcher m = LINE.matcher(line);
        if (m.matches()) {
          if (current != null) {
            total += count(current.toString(), byKind, byFamily, byTable);
            current = null;
          }
          if (database.equals(m.group(1)) && "LOG".equals(m.group(2))) {
            Matcher statement = STATEMENT.matcher(m.group(3));
            if (statement.matches()) {
              current = new StringBuilder(statement.group(1));
            }
          }
        } else if (current != null && current.length() < 4000) {
          current.append(' ').append(line.trim());
        }
      }
      if (current != null) {
        total += count(current.toString(), byKind, byFamily, byTable);
      }
    } catch (IOException e) {
      return Map.of("statements", Map.of("error", String.valueOf(e)));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("perBundle", perBundle(total, completedBundles));
    result.put("byKindPerBundle", perBundle(byKind, completedBundles));
    result.put("byTableFamilyPerBundle", perBundle(byFamily, completedBundles));
    Map<String, Long> top = new LinkedHashMap<>();
    byTable.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    result.put("topStatementsPerBundle", perBundle(top, completedBundles));
    return Map.of("statements", result);
  }

  private static int count(String sql, Map<String, Long> byKind, Map<String, Long> byFamily,
      Map<String, Long> byTable) {
    String kind = sql.trim().split("\\s+")[0].toLowerCase();
    if (!List.of("select", "insert", "update", "delete").contains(kind)) {
      kind = "other (" + kind + ")";
    }
    byKind.merge(kind, 1L, Long::sum);
    Matcher t = TABLE.matcher(sql);
    String table = t.find() ? t.group(1).toLowerCase() : "-";
    String family = table.startsWith("act_hi_") ? "engine history (ACT_HI_*)"
        : table.startsWith("act_ru_") ? "engine runtime (ACT_RU_*)"
        : table.startsWith("act_") ? "engine other (ACT_RE/GE/ID_*)"
        : "-".equals(table) ? "no table" : "Madoguchi tables";
    byFamily.merge(family, 1L, Long::sum);
    byTable.merge(kind + " " + table, 1L, Long::sum);
    return 1;
  }

  private static Object perBundle(long count, long bundles) {
    return bundles == 0 ? null : Math.round(count * 10.0 / bundles) / 10.0;
  }

  private static Map<String, Object> perBundle(Map<String, Long> counts, long bundles) {
    Map<String, Object> result = new LinkedHashMap<>();
    counts.forEach((k, v) -> result.put(k, perBundle(v, bundles)));
    return result;
  }

  private static Path newestLog() {
    try (Stream<Path> logs = Files.list(Path.of("/var/log/postgresql"))) {
      return logs.filter(p -> p.getFileName().toString().endsWith(".log"))
          .max(Comparator.comparingLong(p -> p.toFile().lastModified())).orElse(null);
    } catch (IOException e) {
      return null;
    }
  }
}
