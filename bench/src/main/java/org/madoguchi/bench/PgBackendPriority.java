package org.madoguchi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * With --priority (on a machine that other work shares): run.sh starts the benchmark in a scheduling group
 * of its own at nice -10 (Linux autogroup, so that the raised priority counts against other sessions' work);
 * this raises the PostgreSQL server's group the same way for the run (restored afterwards, also on a kill)
 * and gives the backends serving the bench database nice -10 within it. The backends end with the run.
 */
final class PgBackendPriority implements LoadRun.Probe {

  private final String adminUrl;
  private final String database;

  PgBackendPriority(String adminUrl, String database) {
    this.adminUrl = adminUrl;
    this.database = database;
  }

  @Override
  public void start() {
    List<String> command = new ArrayList<>(List.of("renice", "-n", "-10", "-p"));
    try (Connection c = DriverManager.getConnection(adminUrl, "postgres", ""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select pid from pg_stat_activity where datname = '"
            + database.replace("'", "") + "'")) {
      while (rs.next()) {
        command.add(String.valueOf(rs.getInt(1)));
      }
    } catch (SQLException e) {
      return;
    }
    if (command.size() > 4) {
      try {
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start().waitFor();
      } catch (IOException e) {
        // no renice: the run goes on at normal priority
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String previousServerNice;
  private static Path serverAutogroup;

  /** Raises the PostgreSQL server's autogroup to nice -10 until {@link #restoreServer()}. */
  static synchronized void raiseServer(String adminUrl) {
    try (Connection c = DriverManager.getConnection(adminUrl, "postgres", ""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("show data_directory")) {
      rs.next();
      String pid = Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0).trim();
      Path autogroup = Path.of("/proc", pid, "autogroup");
      String current = Files.readString(autogroup).trim(); // "/autogroup-5 nice 0"
      previousServerNice = current.substring(current.lastIndexOf(' ') + 1);
      Files.writeString(autogroup, "-10");
      serverAutogroup = autogroup;
      Runtime.getRuntime().addShutdownHook(new Thread(PgBackendPriority::restoreServer));
    } catch (SQLException | IOException | RuntimeException e) {
      System.out.println("  (could not raise the PostgreSQL server's priority: " + e.getMessage() + ")");
    }
  }

  static synchronized void restoreServer() {
    if (serverAutogroup != null) {
      try {
        Files.writeString(serverAutogroup, previousServerNice);
      } catch (IOException ignored) {
        // the server was restarted meanwhile
      }
      serverAutogroup = null;
    }
  }

  @Override
  public Map<String, Object> end(long completedBundles) {
    return Map.of();
  }
}
