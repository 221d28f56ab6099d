package org.madoguchi.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.madoguchi.support.ApplicationProcess;
import org.madoguchi.support.EnabledIfPostgresAvailable;
import org.madoguchi.support.PostgresDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one PostgreSQL database, as Camunda's homogeneous cluster: the same jar, every
 * job executor free to run any job. Staff work a batch of move-ins on both nodes at once; one node is killed
 * with SIGKILL while it holds jobs; the other takes those jobs over once their locks expire and finishes every
 * visit, each step once.
 */
@EnabledIfPostgresAvailable
class TwoNodesOnPostgresIT {

  private static final String DATABASE = "madoguchi_it_two_nodes";
  private static final int VISITS = 8;
  private static final Duration PATIENCE = Duration.ofSeconds(150);
  /** How long a job stays locked by the node that took it: short here, 5 minutes by default. */
  private static final String LOCK_TIME = "camunda.bpm.job-execution.lock-time-in-millis=10000";
  /** The job executor's successful-job state in ACT_HI_JOB_LOG. */
  private static final int JOB_SUCCESSFUL = 2;

  private static String url;

  @BeforeAll
  static void database() {
    url = PostgresDatabase.fresh(DATABASE);
  }

  @AfterAll
  static void dropDatabase() {
    PostgresDatabase.drop(DATABASE);
  }

  /** A job as ACT_RU_JOB shows it locked. */
  record LockedJob(String id, String activityId, String lockOwner, Timestamp lockExpires) {
  }

  @Test
  void bothNodesWorkAndTheSurvivorFinishesEverythingAfterTheOtherIsKilled() throws Exception {
    JdbcClient db = new BatchLedger(url).jdbc();
    List<String> visits = new ArrayList<>();
    List<LockedJob> orphaned;
    try (ApplicationProcess a = ApplicationProcess.start("node-a", url, VISITS, LOCK_TIME, hostname("node-a"))) {
      // A's job executor locks jobs under an id of its own: learnt from a first visit that A works alone.
      StaffAtWork onA = new StaffAtWork(List.of(a));
      List<String> notices = onA.pendingNotices(VISITS);
      visits.add(onA.openAndInterview(notices.get(0)));
      assertThat(onA.submit(visits.get(0))).isEqualTo(202);
      String ownerA = firstLockOwner(db);

      try (ApplicationProcess b = ApplicationProcess.start("node-b", url, VISITS, LOCK_TIME, hostname("node-b"))) {
        StaffAtWork staff = new StaffAtWork(List.of(a, b));
        notices.subList(1, VISITS).forEach(notice -> visits.add(staff.openAndInterview(notice)));
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
          CompletableFuture<?>[] work = visits.stream()
              .map(visitId -> CompletableFuture.runAsync(() -> staff.completeVisit(visitId, PATIENCE), workers))
              .toArray(CompletableFuture[]::new);

          orphaned = killWhileItHoldsJobs(b, ownerA, db);
          assertThat(staff.answeredBy("node-b")).as("staff calls node B answered before it died").isPositive();

          CompletableFuture.allOf(work).get(PATIENCE.toSeconds() + 30, TimeUnit.SECONDS);
        } finally {
          workers.shutdownNow();
        }
      }
    }

    assertThat(successes(db, "node-a")).as("jobs node A ran").isPositive();
    assertThat(successes(db, "node-b")).as("jobs node B ran before it died").isPositive();
    assertThat(orphaned).as("jobs node B held when it died").isNotEmpty().allSatisfy(job -> {
      List<Object[]> runs = db.sql("select hostname_, timestamp_ from act_hi_job_log where job_id_ = ? "
              + "and job_state_ = ?").params(job.id(), JOB_SUCCESSFUL)
          .query((rs, row) -> new Object[] {rs.getString(1), rs.getTimestamp(2)}).list();
      assertThat(runs).as("runs of %s (%s)", job.activityId(), job.id()).singleElement().satisfies(run -> {
        assertThat(run[0]).isEqualTo("node-a");
        assertThat((Timestamp) run[1]).as("taken over only once B's lock had expired")
            .isAfterOrEqualTo(job.lockExpires());
      });
    });
    new BatchLedger(url).assertEveryVisitDoneOnce("TwoNodesOnPostgresIT", visits);
  }

  /** Names the node in the engine's job log (ACT_HI_JOB_LOG.HOSTNAME_), where operators see who ran a job. */
  private static String hostname(String node) {
    return "camunda.bpm.generic-properties.properties.hostname=" + node;
  }

  /** The lock owner of the first job seen locked: while only one node runs, that node's. */
  private static String firstLockOwner(JdbcClient db) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      List<String> owners = db.sql("select lock_owner_ from act_ru_job where lock_owner_ is not null")
          .query(String.class).list();
      if (!owners.isEmpty()) {
        return owners.get(0);
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no job was seen locked within 60 s");
  }

  /**
   * Kills {@code node} (named as its hostname) once it has run a job and holds another, preferring the moment it
   * renders a visit's applications (the longest job, so the kill surely lands before the job ends); returns the
   * jobs it held, as they stay.
   */
  private static List<LockedJob> killWhileItHoldsJobs(ApplicationProcess node, String otherOwner, JdbcClient db)
      throws InterruptedException {
    long preferUntil = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      List<LockedJob> held = lockedJobs(db, otherOwner);
      boolean rendering = held.stream().anyMatch(job -> "ArchiveApplications".equals(job.activityId()));
      boolean hasWorked = successes(db, node.name()) > 0;
      if (hasWorked && !held.isEmpty() && (rendering || System.nanoTime() > preferUntil)) {
        assertThat(node.kill()).as("exit status of a process killed by SIGKILL")
            .isEqualTo(ApplicationProcess.KILLED_BY_SIGKILL);
        return lockedJobs(db, otherOwner);
      }
      Thread.sleep(5);
    }
    throw new AssertionError(node.name() + " never held a job within 90 s");
  }

  private static List<LockedJob> lockedJobs(JdbcClient db, String otherOwner) {
    return db.sql("select j.id_, d.act_id_, j.lock_owner_, j.lock_exp_time_ from act_ru_job j "
            + "left join act_ru_jobdef d on d.id_ = j.job_def_id_ "
            + "where j.lock_owner_ is not null and j.lock_owner_ <> ?").param(otherOwner)
        .query((rs, row) -> new LockedJob(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4)))
        .list();
  }

  private static long successes(JdbcClient db, String hostname) {
    return db.sql("select count(*) from act_hi_job_log where hostname_ = ? and job_state_ = ?")
        .params(hostname, JOB_SUCCESSFUL).query(Long.class).single();
  }
}
