package org.madoguchi.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the database did in the window, from PostgreSQL's cumulative statistics: transactions committed and
 * rows written, by table family (engine history ACT_HI_*, engine runtime ACT_RU_*, other engine tables,
 * Madoguchi's own tables), per completed bundle. Statistics reach the views within about a second, so
 * the figures are approximate at the edges of the window.
 */
final class PgStatsProbe implements LoadRun.Probe {

  private final String url;
  private final String database;
  private Map<String, Long> before;

  PgStatsProbe(String url, String database) {
    this.url = url;
    this.database = database;
  }

  @Override
  public void start() {
    before = sample();
  }

  @Override
  public Map<String, Object> end(long completedBundles) {
    try {
      Thread.sleep(1200); // let the backends flush their statistics
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Map<String, Long> after = sample();
    Map<String, Object> perBundle = new LinkedHashMap<>();
    after.forEach((key, value) -> {
      long delta = value - before.getOrDefault(key, 0L);
      perBundle.put(key, completedBundles == 0 ? null : Math.round(delta * 10.0 / completedBundles) / 10.0);
    });
    return Map.of("postgresPerBundle", perBundle);
  }

  private Map<String, Long> sample() {
    Map<String, Long> values = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select xact_commit, xact_rollback, tup_returned, tup_fetched, "
          + "blks_hit + blks_read from pg_stat_database where datname = '" + database.replace("'", "") + "'")) {
        if (rs.next()) {
          values.put("transactionsCommitted", rs.getLong(1));
          values.put("transactionsRolledBack", rs.getLong(2));
          values.put("rowsReturned", rs.getLong(3));
          values.put("rowsFetched", rs.getLong(4));
          values.put("bufferAccesses", rs.getLong(5));
        }
      }
      try (ResultSet rs = s.executeQuery("""
          select case when relname like 'act\\_hi\\_%' then 'history'
                      when relname like 'act\\_ru\\_%' then 'runtime'
                      when relname like 'act\\_%' then 'engineOther'
                      else 'madoguchi' end as family,
                 sum(n_tup_ins), sum(n_tup_upd), sum(n_tup_del), sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0))
            from pg_stat_user_tables group by 1""")) {
        while (rs.next()) {
          String family = rs.getString(1);
          values.put(family + "RowsInserted", rs.getLong(2));
          values.put(family + "RowsUpdated", rs.getLong(3));
          values.put(family + "RowsDeleted", rs.getLong(4));
          values.put(family + "TableScans", rs.getLong(5));
        }
      }
    } catch (SQLException e) {
      values.put("unavailable", 1L);
    }
    return values;
  }
}
