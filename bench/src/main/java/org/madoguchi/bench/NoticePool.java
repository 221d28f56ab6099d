package org.madoguchi.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.madoguchi.connectors.notice.EmbeddedMoveOutNoticeConnector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Move-out notices of the benchmark household, written into the application's database with the
 * application's own connector before the timed run, and held back (marked used by a placeholder) so
 * that the pending list the counter reads stays as short as a real one: each is released just before
 * its household arrives at the counter.
 */
final class NoticePool implements AutoCloseable {

  static final String HELD = "held-by-benchmark";

  private final HikariDataSource dataSource;
  private final JdbcClient jdbc;
  private final ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();

  NoticePool(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(2);
    config.setPoolName("bench-notices");
    dataSource = new HikariDataSource(config);
    jdbc = JdbcClient.create(dataSource);
  }

  /** Writes {@code count} notices (ids B + run + sequence) in one transaction, all held back. */
  void fill(String run, int count, String municipalityCode) {
    EmbeddedMoveOutNoticeConnector connector = new EmbeddedMoveOutNoticeConnector(jdbc);
    List<String> created = new ArrayList<>();
    new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
      for (int i = 1; i <= count; i++) {
        String id = "B" + run + String.format("%06d", i);
        connector.add(MoveInBundle.notice(id, municipalityCode));
        created.add(id);
      }
      jdbc.sql("update move_out_notice set used_by_visit = ? where id like ? and used_by_visit is null")
          .params(HELD, "B" + run + "%").update();
    });
    ids.addAll(created);
  }

  /** The next notice for a counter session, or null when all are taken (the run's count bound). */
  String next() {
    return ids.poll();
  }

  void release(String noticeId) {
    jdbc.sql("update move_out_notice set used_by_visit = null where id = ? and used_by_visit = ?")
        .params(noticeId, HELD).update();
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
