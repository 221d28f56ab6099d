package org.madoguchi.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the run ran on. */
final class Machine {

  private Machine() {
  }

  static Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("cpu", cpuModel());
    m.put("memoryGb", memoryGb());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("postgres", postgres());
    m.put("loadAverageAtStart", loadAverage());
    m.put("driverJvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
    return m;
  }

  static String loadAverage() {
    try {
      return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).trim().split(" ")).subList(0, 3));
    } catch (IOException e) {
      return "?";
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  private static Object memoryGb() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .map(l -> Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0 * 10) / 10.0).findFirst()
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static String postgres() {
    try (Connection c = DriverManager.getConnection(BenchMain.PG_HOST + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      StringBuilder text = new StringBuilder();
      try (ResultSet rs = s.executeQuery("select version()")) {
        rs.next();
        text.append(rs.getString(1).replaceAll(" on .*", ""));
      }
      for (String setting : new String[] {"shared_buffers", "synchronous_commit", "fsync", "max_connections"}) {
        try (ResultSet rs = s.executeQuery("show " + setting)) {
          rs.next();
          text.append(", ").append(setting).append("=").append(rs.getString(1));
        }
      }
      return text.toString();
    } catch (SQLException e) {
      return "not reachable: " + e.getMessage();
    }
  }
}
