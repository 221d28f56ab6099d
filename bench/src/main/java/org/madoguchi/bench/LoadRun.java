package org.madoguchi.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The load run: counter sessions open visits of the benchmark household and take them to the point where
 * every procedure is accepted (at most {@code inFlightPerSession} unfinished bundles each), department users
 * work their own task lists (claim; check and approve; the NHI check is returned once per bundle and the
 * counter that opened the visit corrects it; each department refreshes its list, then its staff work every task on
 * it in parallel), and a watcher notes when each visit shows every procedure
 * completed. Everything is bounded: a warm-up, a measured window, a drain, a bundle count, a per-bundle
 * time limit. A bundle is counted when the visit is seen COMPLETED inside the window.
 */
final class LoadRun {

  /** How hard and how long. */
  record Settings(int counterSessions, int inFlightPerSession, Map<String, Integer> workersPerDepartmentUser,
      Duration warmup, int warmupBundles, Duration jitWarmupMax, Duration measure, Duration drain, int maxBundles,
      double ratePerSecond, Duration visitPoll, Duration idle, Duration bundleTimeout) {

    Map<String, Object> describe() {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("counterSessions", counterSessions);
      d.put("inFlightPerSession", inFlightPerSession);
      d.put("departmentUsers", workersPerDepartmentUser);
      d.put("warmupSeconds", warmup.toSeconds());
      d.put("warmupBundlesAtLeast", warmupBundles);
      d.put("warmupUntilJitSettledSecondsAtMost", jitWarmupMax.toSeconds());
      d.put("measureSeconds", measure.toSeconds());
      d.put("drainSecondsMax", drain.toSeconds());
      d.put("maxBundles", maxBundles);
      d.put("ratePerSecond", ratePerSecond <= 0 ? "unlimited (closed loop)" : ratePerSecond);
      d.put("visitPollMs", visitPoll.toMillis());
      d.put("idleMs", idle.toMillis());
      d.put("bundleTimeoutSeconds", bundleTimeout.toSeconds());
      return d;
    }
  }

  /** Something measured over exactly the window (CPU, database counters). */
  interface Probe {
    void start();

    Map<String, Object> end(long completedBundles);
  }

  record Result(double windowSeconds, long completedInWindow, double bundlesPerSecond, long opened, long completed,
      long unfinished, long callErrors, long bundleFailures, long calls, long callsInRun, boolean bundleCapReached,
      Latencies latencies, Map<String, Object> probes, List<String> errorSamples) {

    long errors() {
      return callErrors + bundleFailures;
    }
  }

  private static final class Bundle {
    final String visitId;
    final int session;
    final long openedAt = System.nanoTime();
    final AtomicInteger approvals = new AtomicInteger();
    final AtomicBoolean returned = new AtomicBoolean();
    final AtomicBoolean finished = new AtomicBoolean();
    volatile boolean correctionPending;
    volatile long lastPoll;

    Bundle(String visitId, int session) {
      this.visitId = visitId;
      this.session = session;
    }
  }

  private final WorkApi api;
  private final Settings settings;
  private final Supplier<String> notices;
  private final boolean listsNotices;
  private final List<Probe> probes;
  /** The JIT compiler of the JVM under test: the warm-up waits for it to settle. */
  private final JitActivity jit;
  private final Latencies latencies = new Latencies();
  private final Map<String, Bundle> bundles = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Bundle> watched = new ConcurrentLinkedQueue<>();
  private final AtomicInteger[] inFlight;
  private final AtomicLong opened = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong bundleFailures = new AtomicLong();
  private final AtomicLong calls = new AtomicLong();
  private final List<String> errorSamples = new ArrayList<>();
  private volatile boolean stopOpening;
  private volatile boolean stopAll;
  private volatile boolean capReached;
  private volatile boolean inWindow;
  private long nextSlot;

  LoadRun(WorkApi api, Settings settings, Supplier<String> notices, boolean listsNotices, JitActivity jit,
      List<Probe> probes) {
    this.api = api;
    this.jit = jit;
    this.settings = settings;
    this.notices = notices;
    this.listsNotices = listsNotices;
    this.probes = probes;
    this.inFlight = new AtomicInteger[settings.counterSessions()];
    for (int i = 0; i < inFlight.length; i++) {
      inFlight[i] = new AtomicInteger();
    }
  }

  Result run(String label) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int s = 0; s < settings.counterSessions(); s++) {
      int session = s;
      threads.add(thread("counter-" + s, () -> counterSession(session)));
    }
    settings.workersPerDepartmentUser().forEach((user, workers) -> {
      String department = MoveInBundle.DEPARTMENTS.stream().filter(d -> d[0].equals(user)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown department user " + user))[1];
      threads.add(thread(user + "-list", () -> department(user, department, workers)));
    });
    threads.add(thread("watcher", this::watcher));
    threads.forEach(Thread::start);

    // A cold JVM (the application's FEEL engine, JIT) can take long over its first bundles: the warm-up also
    // waits for a few completed bundles, within a bound, and until the JIT compiler has settled, within another.
    long start = System.nanoTime();
    long bundlesBound = start + settings.warmup().toNanos() * 4 + Duration.ofSeconds(60).toNanos();
    long jitBound = start + settings.jitWarmupMax().toNanos();
    double jitCores;
    while (true) {
      jitCores = jit.cores();
      long now = System.nanoTime();
      boolean fixedDone = now - start >= settings.warmup().toNanos();
      boolean bundlesDone = completed.get() >= settings.warmupBundles() || now >= bundlesBound;
      boolean jitDone = jitCores < JitActivity.QUIET_CORES || now >= jitBound;
      if (capReached || fixedDone && bundlesDone && jitDone) {
        break;
      }
      Thread.sleep(1000);
    }
    double warmupSeconds = (System.nanoTime() - start) / 1e9;
    latencies.startWindow();
    for (int i = probes.size() - 1; i >= 0; i--) { // started in reverse order, ended in order: the first is exact
      probes.get(i).start();
    }
    long completedBefore = completed.get();
    long callsBefore = calls.get();
    long t0 = System.nanoTime();
    inWindow = true;
    System.out.printf("  [%s] warm-up done after %.0f s (%d bundles completed, JIT compiler %.2f cores), "
        + "measuring %d s%n", label, warmupSeconds, completedBefore, jitCores, settings.measure().toSeconds());
    sleepUntil(t0 + settings.measure().toNanos());
    long completedInWindow = completed.get() - completedBefore;
    long t1 = System.nanoTime();
    inWindow = false;
    latencies.endWindow();
    long windowCalls = calls.get() - callsBefore;
    Map<String, Object> probeResults = new LinkedHashMap<>();
    for (Probe probe : probes) {
      probeResults.putAll(probe.end(completedInWindow));
    }
    Map<String, Object> warmup = new LinkedHashMap<>();
    warmup.put("seconds", Json.round(warmupSeconds));
    warmup.put("bundlesCompleted", completedBefore);
    warmup.put("jitCompilerCoresAtEnd", Double.isNaN(jitCores) ? null : Json.round(jitCores));
    probeResults.put("warmup", warmup);
    stopOpening = true;
    long drainEnd = System.nanoTime() + settings.drain().toNanos();
    while (System.nanoTime() < drainEnd && bundles.values().stream().anyMatch(b -> !b.finished.get())) {
      Thread.sleep(100);
    }
    stopAll = true;
    for (Thread t : threads) {
      t.join(30_000);
      if (t.isAlive()) {
        t.interrupt();
        t.join(5_000);
      }
    }
    long unfinished = bundles.values().stream().filter(b -> !b.finished.get()).count();
    double seconds = (t1 - t0) / 1e9;
    synchronized (errorSamples) {
      return new Result(seconds, completedInWindow, completedInWindow / seconds, opened.get(), completed.get(),
          unfinished, latencies.errors(), bundleFailures.get(), windowCalls, calls.get(), capReached, latencies,
          probeResults, List.copyOf(errorSamples));
    }
  }

  // --- counter sessions ---------------------------------------------------------------------------------

  private void counterSession(int session) {
    while (!stopOpening) {
      if (inFlight[session].get() >= settings.inFlightPerSession()) {
        if (!correct(session)) {
          pause(settings.idle());
        }
        continue;
      }
      if (!ratePermit()) {
        continue;
      }
      String noticeId = notices.get();
      if (noticeId == null) {
        capReached = true;
        break;
      }
      Bundle bundle = null;
      try {
        if (listsNotices) {
          timed(Op.NOTICES, () -> {
            api.pickNotice(noticeId);
            return null;
          });
        }
        String visitId = timed(Op.OPEN, () -> api.openVisit(noticeId));
        bundle = new Bundle(visitId, session);
        bundles.put(visitId, bundle);
        inFlight[session].incrementAndGet();
        opened.incrementAndGet();
        timed(Op.INTERVIEW, () -> {
          api.recordInterview(visitId, MoveInBundle.headMemberId(noticeId));
          return null;
        });
        timed(Op.SUBMIT, () -> {
          api.submit(visitId);
          return null;
        });
        awaitStarted(bundle);
        accept(bundle);
      } catch (RuntimeException e) {
        if (bundle != null) {
          fail(bundle, e.getMessage());
        }
      }
    }
    while (!stopAll) {
      if (!correct(session)) {
        pause(settings.idle());
      }
    }
  }

  private void awaitStarted(Bundle bundle) {
    while (true) {
      WorkApi.Progress progress = timed(Op.VISIT, () -> api.progress(bundle.visitId));
      if (progress == WorkApi.Progress.STARTED || progress == WorkApi.Progress.COMPLETED) {
        return;
      }
      if (progress == WorkApi.Progress.FAILED) {
        throw new WorkApi.CallFailed("visit " + bundle.visitId + " shows an incident");
      }
      if (timedOut(bundle) || stopAll) {
        throw new WorkApi.CallFailed("visit " + bundle.visitId + " did not start its procedures in time");
      }
      pause(settings.visitPoll());
    }
  }

  /**
   * Accepts the bundle's eight applications from its visit's task list, as the visit's status page does (and corrects
   * any of this session's returned ones on the way).
   */
  private void accept(Bundle bundle) {
    int accepted = 0;
    for (int attempt = 0; accepted < MoveInBundle.CASES.size(); attempt++) {
      if (attempt > 0) {
        if (timedOut(bundle) || stopAll) {
          throw new WorkApi.CallFailed("visit " + bundle.visitId + ": only " + accepted + " applications to accept");
        }
        pause(settings.visitPoll());
      }
      for (WorkApi.TaskRef task : list("counter", "counter", bundle.visitId)) {
        if ("Accept".equals(task.taskDefinitionKey())) {
          timed(Op.COMPLETE, () -> {
            api.complete("counter", task.id());
            return null;
          });
          accepted++;
        }
      }
      correctReturned(bundle.session);
    }
  }

  /** Corrects this session's returned applications, if any is waiting, and pauses; false when there was nothing to do. */
  private boolean correct(int session) {
    if (!correctReturned(session)) {
      return false;
    }
    pause(settings.visitPoll());
    return true;
  }

  /** Corrects this session's returned applications, each from its visit's task list; false when none was waiting. */
  private boolean correctReturned(int session) {
    List<Bundle> returned = bundles.values().stream()
        .filter(b -> b.session == session && b.correctionPending && !b.finished.get()).toList();
    for (Bundle bundle : returned) {
      try {
        for (WorkApi.TaskRef task : list("counter", "counter", bundle.visitId)) {
          if ("Correct".equals(task.taskDefinitionKey())) {
            correctIfMine(session, task);
          }
        }
      } catch (RuntimeException e) {
        // counted as a call error
      }
    }
    return !returned.isEmpty();
  }

  private void correctIfMine(int session, WorkApi.TaskRef task) {
    Bundle owner = bundles.get(task.visitId());
    if (owner == null || owner.session != session) {
      return;
    }
    try {
      timed(Op.COMPLETE, () -> {
        api.complete("counter", task.id());
        return null;
      });
      owner.correctionPending = false;
    } catch (RuntimeException e) {
      fail(owner, e.getMessage());
    }
  }

  // --- department users ---------------------------------------------------------------------------------

  /**
   * A department: one of its staff refreshes the department's task list, the team ({@code workers} staff
   * signed in as the department's user) works every task on it in parallel, then the list is refreshed.
   */
  private void department(String user, String department, int workers) {
    AtomicInteger names = new AtomicInteger();
    ExecutorService team = Executors.newFixedThreadPool(workers, r -> thread(user + "-" + names.getAndIncrement(), r));
    try {
      while (!stopAll) {
        List<WorkApi.TaskRef> open;
        try {
          open = list(user, department, null).stream()
              .filter(t -> t.visitId() != null && bundles.containsKey(t.visitId()))
              .toList();
        } catch (RuntimeException e) {
          pause(settings.idle());
          continue;
        }
        if (open.isEmpty()) {
          pause(settings.idle());
          continue;
        }
        List<Callable<Void>> work = new ArrayList<>();
        for (WorkApi.TaskRef task : open) {
          work.add(() -> {
            work(user, task);
            return null;
          });
        }
        try {
          team.invokeAll(work);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    } finally {
      team.shutdownNow();
    }
  }

  private void work(String user, WorkApi.TaskRef task) {
    Bundle bundle = bundles.get(task.visitId());
    if (stopAll || bundle == null || bundle.finished.get()) {
      return;
    }
    try {
      if (!user.equals(task.assignee())) {
        timed(Op.CLAIM, () -> {
          api.claim(user, task.id());
          return null;
        });
      }
      if (MoveInBundle.RETURNED_PROCEDURE.equals(task.processKey()) && "Check".equals(task.taskDefinitionKey())
          && bundle.returned.compareAndSet(false, true)) {
        timed(Op.RETURN, () -> {
          api.returnTask(user, task.id(), MoveInBundle.RETURN_REASON);
          return null;
        });
        bundle.correctionPending = true;
      } else {
        timed(Op.COMPLETE, () -> {
          api.complete(user, task.id());
          return null;
        });
        if ("Approve".equals(task.taskDefinitionKey())
            && bundle.approvals.incrementAndGet() == MoveInBundle.CASES.size()) {
          watched.add(bundle);
        }
      }
    } catch (RuntimeException e) {
      fail(bundle, e.getMessage());
    }
  }

  // --- the watcher ---------------------------------------------------------------------------------------

  private void watcher() {
    long pollNanos = settings.visitPoll().toNanos() * 2;
    while (!stopAll) {
      for (Bundle bundle : watched) {
        if (stopAll) {
          return;
        }
        if (bundle.finished.get()) {
          watched.remove(bundle);
          continue;
        }
        if (System.nanoTime() - bundle.lastPoll < pollNanos) {
          continue;
        }
        bundle.lastPoll = System.nanoTime();
        try {
          WorkApi.Progress progress = timed(Op.VISIT, () -> api.progress(bundle.visitId));
          if (progress == WorkApi.Progress.COMPLETED) {
            finish(bundle);
            watched.remove(bundle);
          } else if (progress == WorkApi.Progress.FAILED) {
            fail(bundle, "visit " + bundle.visitId + " shows an incident");
            watched.remove(bundle);
          }
        } catch (RuntimeException e) {
          // counted as a call error; polled again
        }
      }
      for (Bundle bundle : bundles.values()) {
        if (!bundle.finished.get() && timedOut(bundle)) {
          fail(bundle, "visit " + bundle.visitId + " not completed within " + settings.bundleTimeout().toSeconds()
              + " s (" + bundle.approvals.get() + " approvals)");
          watched.remove(bundle);
        }
      }
      pause(Duration.ofMillis(10));
    }
  }

  // --- bookkeeping -------------------------------------------------------------------------------------

  private void finish(Bundle bundle) {
    if (bundle.finished.compareAndSet(false, true)) {
      inFlight[bundle.session].decrementAndGet();
      latencies.bundle(System.nanoTime() - bundle.openedAt);
      completed.incrementAndGet();
    }
  }

  private void fail(Bundle bundle, String why) {
    if (bundle.finished.compareAndSet(false, true)) {
      inFlight[bundle.session].decrementAndGet();
      bundleFailures.incrementAndGet();
      sample("bundle failed: " + why);
    }
  }

  private boolean timedOut(Bundle bundle) {
    return System.nanoTime() - bundle.openedAt > settings.bundleTimeout().toNanos();
  }

  /** A task list; a failed refresh is tried again, up to five times in all (each failure counts as an error). */
  private List<WorkApi.TaskRef> list(String user, String department, String visitId) {
    for (int attempt = 1; ; attempt++) {
      try {
        return timed(Op.TASKS, () -> api.tasks(user, department, visitId));
      } catch (RuntimeException e) {
        if (attempt == 5 || stopAll) {
          throw e;
        }
        pause(settings.visitPoll());
      }
    }
  }

  private <T> T timed(Op op, Supplier<T> call) {
    long start = System.nanoTime();
    try {
      T result = call.get();
      latencies.record(op, System.nanoTime() - start);
      calls.incrementAndGet();
      return result;
    } catch (RuntimeException e) {
      latencies.record(op, System.nanoTime() - start);
      calls.incrementAndGet();
      latencies.error(op);
      sample(op.label + ": " + e);
      throw e;
    }
  }

  private void sample(String message) {
    synchronized (errorSamples) {
      if (errorSamples.size() < 20) {
        errorSamples.add(message.length() > 500 ? message.substring(0, 500) + "…" : message);
      }
    }
  }

  /** At most {@code ratePerSecond} bundle starts per second over all sessions, without banking credit. */
  private boolean ratePermit() {
    if (settings.ratePerSecond() <= 0) {
      return true;
    }
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(nextSlot, now);
      nextSlot = slot + (long) (1e9 / settings.ratePerSecond());
      wait = slot - now;
    }
    if (wait > 0) {
      pause(Duration.ofNanos(wait));
    }
    return !stopOpening;
  }

  private static Thread thread(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long remaining;
    while ((remaining = nanoTime - System.nanoTime()) > 0) {
      Thread.sleep(Math.max(1, Math.min(1000, remaining / 1_000_000)));
    }
  }
}
