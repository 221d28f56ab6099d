package org.madoguchi.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.madoguchi.support.EnabledIfPostgresAvailable;
import org.madoguchi.support.PostgresDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Archive jobs of several visits (on one node or several) append to the one hash chain at the same moment:
 * they take turns, and none fails (a failure would be retried a minute later and, three times over, end the
 * visit in an incident although nothing was wrong).
 */
@EnabledIfPostgresAvailable
class ConcurrentArchivingOnPostgresIT {

  private static final String DATABASE = "madoguchi_it_archive";
  private static final int WRITERS = 4;
  private static final int DOCUMENTS_EACH = 3;

  @AfterAll
  static void dropDatabase() {
    PostgresDatabase.drop(DATABASE);
  }

  @Test
  void concurrentWritersTakeTurnsOnTheChainAndNoneFails() throws Exception {
    DataSource dataSource = new DriverManagerDataSource(PostgresDatabase.fresh(DATABASE), PostgresDatabase.USER,
        PostgresDatabase.PASSWORD);
    // The placeholder the application sets from madoguchi.municipality.code (application.yml).
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .placeholders(java.util.Map.of("home-municipality", "462012")).load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    DocumentArchive archive = new DocumentArchive(jdbc, Clock.systemUTC());
    TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    List<String> visits = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      visits.add(visit(jdbc, "V" + i));
    }

    CyclicBarrier together = new CyclicBarrier(WRITERS);
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    try {
      List<CompletableFuture<Void>> appends = visits.stream().map(visitId -> CompletableFuture.runAsync(() ->
          transaction.executeWithoutResult(status -> {
            await(together);
            for (int d = 0; d < DOCUMENTS_EACH; d++) {
              archive.store(visitId, "form-" + d, "申請書 " + d,
                  ("%PDF " + visitId + " " + d).getBytes(StandardCharsets.US_ASCII));
            }
          }), writers)).toList();
      CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } finally {
      writers.shutdownNow();
    }

    assertThat(jdbc.sql("select chain_position from application_document order by chain_position")
        .query(Long.class).list()).containsExactlyElementsOf(
            LongStream.rangeClosed(1, WRITERS * DOCUMENTS_EACH).boxed().toList());
    visits.forEach(visitId -> assertThat(archive.verify(visitId)).as("chain of %s", visitId).isEmpty());
  }

  private static String visit(JdbcClient jdbc, String id) {
    jdbc.sql("insert into visit (id, life_event, municipality_code, status, household, proposed_procedures, "
            + "opened_by, opened_at, version) values (?, 'MOVE_IN', '462012', 'SUBMITTED', '{}', '[]', 'counter', ?, 0)")
        .params(id, Timestamp.from(Instant.now())).update();
    return id;
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the writers did not meet", e);
    }
  }
}
