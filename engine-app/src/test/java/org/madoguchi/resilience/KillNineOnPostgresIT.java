package org.madoguchi.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.madoguchi.support.ApplicationProcess;
import org.madoguchi.support.EnabledIfPostgresAvailable;
import org.madoguchi.support.PostgresDatabase;

/**
 * The application process killed with SIGKILL while a batch of submissions is on its way in, and started
 * again on the same database: every visit the counter submitted, and every one it goes on with, ends completed,
 * with nothing lost and nothing done twice. What was committed stays; what was not is done again, once.
 */
@EnabledIfPostgresAvailable
class KillNineOnPostgresIT {

  private static final String DATABASE = "madoguchi_it_kill_nine";
  private static final int VISITS = 8;
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  /** Jobs the dead process had locked wait this long for the new one: short here, 5 minutes by default. */
  private static final String LOCK_TIME = "camunda.bpm.job-execution.lock-time-in-millis=10000";

  private static String url;

  @BeforeAll
  static void database() {
    url = PostgresDatabase.fresh(DATABASE);
  }

  @AfterAll
  static void dropDatabase() {
    PostgresDatabase.drop(DATABASE);
  }

  @Test
  void anApplicationKilledMidBatchAndStartedAgainFinishesEveryVisitOnce() throws Exception {
    List<String> visits;
    try (ApplicationProcess first = ApplicationProcess.start("kill-nine-first", url, VISITS, LOCK_TIME)) {
      StaffAtWork counter = new StaffAtWork(List.of(first));
      visits = counter.pendingNotices(VISITS).stream().map(counter::openAndInterview).toList();

      // The whole batch is submitted at once; the process dies once half of the answers are in.
      CountDownLatch halfAnswered = new CountDownLatch(VISITS / 2);
      ExecutorService submitters = Executors.newFixedThreadPool(4);
      try {
        List<CompletableFuture<Void>> submissions = visits.stream().map(visitId -> CompletableFuture.runAsync(() -> {
          try {
            if (counter.submit(visitId) == 202) {
              halfAnswered.countDown();
            }
          } catch (StaffAtWork.NoNodeAnswers killedMeanwhile) {
            // the answer died with the process: whether it committed is read after the restart
          }
        }, submitters)).toList();
        assertThat(halfAnswered.await(60, TimeUnit.SECONDS)).as("half of the submissions answered").isTrue();
        assertThat(first.kill()).as("exit status of a process killed by SIGKILL")
            .isEqualTo(ApplicationProcess.KILLED_BY_SIGKILL);
        CompletableFuture.allOf(submissions.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      } finally {
        submitters.shutdownNow();
      }
    }

    // The kill interrupted the batch: visits not yet submitted, or submitted with their jobs still to run.
    BatchLedger ledger = new BatchLedger(url);
    assertThat(ledger.jdbc().sql("select count(*) from visit where status in ('CONFIRMATION', 'SUBMITTED', "
        + "'REGISTERED')").query(Long.class).single()).as("visits the kill left unfinished").isPositive();

    try (ApplicationProcess second = ApplicationProcess.start("kill-nine-second", url, VISITS, LOCK_TIME)) {
      StaffAtWork staff = new StaffAtWork(List.of(second));
      ExecutorService workers = Executors.newFixedThreadPool(4);
      try {
        CompletableFuture.allOf(visits.stream()
            .map(visitId -> CompletableFuture.runAsync(() -> staff.completeVisit(visitId, PATIENCE), workers))
            .toArray(CompletableFuture[]::new)).get(PATIENCE.toSeconds() + 30, TimeUnit.SECONDS);
      } finally {
        workers.shutdownNow();
      }
    }

    ledger.assertEveryVisitDoneOnce("KillNineOnPostgresIT", visits);
  }
}
