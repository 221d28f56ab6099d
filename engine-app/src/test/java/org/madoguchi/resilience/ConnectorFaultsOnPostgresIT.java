package org.madoguchi.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.connectors.notice.EmbeddedMoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.resilience.FaultInjectingApi.Outcome;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.DemoHouseholds;
import org.madoguchi.support.EnabledIfPostgresAvailable;
import org.madoguchi.support.MoveInDriver;
import org.madoguchi.support.PostgresDatabase;
import org.madoguchi.system.MunicipalityProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A batch of concurrent move-ins while the resident registry and the department hand-off API fail in every
 * way a network fails: refused connections, 503 answers, and answers that come after the connector gave up
 * although the case was stored. Each visit ends either completed or with an incident; once the faults stop
 * and an operator retries the incidents, every visit completes, and no procedure was started twice, no
 * move-in registered twice, no case handed over twice.
 *
 * <p>The HTTP connectors run with short timeouts and two attempts per call. The models retry a failed job
 * after a minute (R3/PT1M); the test stands in for those minutes by moving each failed job's due date to
 * now, as an impatient operator could, so that three failures become an incident in seconds.
 */
@EnabledIfPostgresAvailable
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // Its own engine name: the shared application's engine stays the one the engine REST API answers for.
    "camunda.bpm.process-engine-name=connectorFaults",
    "madoguchi.connectors.registry.mode=http",
    "madoguchi.connectors.registry.connect-timeout=250ms",
    "madoguchi.connectors.registry.read-timeout=500ms",
    "madoguchi.connectors.registry.max-attempts=2",
    "madoguchi.connectors.registry.initial-backoff=50ms",
    "madoguchi.connectors.handoff.mode=http",
    "madoguchi.connectors.handoff.connect-timeout=250ms",
    "madoguchi.connectors.handoff.read-timeout=500ms",
    "madoguchi.connectors.handoff.max-attempts=2",
    "madoguchi.connectors.handoff.initial-backoff=50ms",
    // the injected faults' stack traces: the test reads the failures from the engine's job log instead
    "logging.level.org.camunda.bpm.engine.context=OFF",
    "logging.level.org.camunda.bpm.engine.jobexecutor=ERROR"})
// its own engine and job executor, on a database of its own: closed after the class rather than kept running
@DirtiesContext
class ConnectorFaultsOnPostgresIT {

  private static final int VISITS = 6;
  /** Past the connectors' deadline of 250 ms connect + 500 ms read. */
  private static final Duration TOO_LATE = Duration.ofMillis(1200);
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String REGISTER = "RegisterMoveIn";
  private static final String HAND_OVER = "HandOver";

  static final FakeResidentRegistryApi registry = new FakeResidentRegistryApi(TOO_LATE);
  static final FakeDepartmentHandoffApi departments = new FakeDepartmentHandoffApi(TOO_LATE);

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry properties) {
    properties.add("spring.datasource.url", () -> PostgresDatabase.fresh("madoguchi_it_faults"));
    properties.add("spring.datasource.username", () -> PostgresDatabase.USER);
    properties.add("spring.datasource.password", () -> PostgresDatabase.PASSWORD);
    properties.add("madoguchi.connectors.registry.base-url", registry::baseUrl);
    properties.add("madoguchi.connectors.handoff.base-url", departments::baseUrl);
  }

  @AfterAll
  static void stopApis() {
    registry.close();
    departments.close();
  }

  @Autowired
  TestRestTemplate rest;
  @Autowired
  EmbeddedMoveOutNoticeConnector notices;
  @Autowired
  MunicipalityProperties municipality;
  @Autowired
  ManagementService management;
  @Autowired
  RuntimeService runtime;
  @Autowired
  HistoryService history;

  private final ExecutorService staff = Executors.newFixedThreadPool(3);
  private final ScheduledExecutorService operator = Executors.newSingleThreadScheduledExecutor();
  private volatile boolean hurrying;

  @AfterEach
  void stopThreads() {
    staff.shutdownNow();
    operator.shutdownNow();
  }

  @Test
  void everyVisitEndsCompletedOrWithAnIncidentAndAllCompleteOnceTheFaultsStop() {
    operator.scheduleWithFixedDelay(this::hurryFailedJobs, 200, 200, TimeUnit.MILLISECONDS);

    // Neither system listens: the counter submits the batch, and every registration job fails once.
    List<String> visits = submitConcurrently();
    await().atMost(PATIENCE).until(() -> failedJobsAt(REGISTER) == VISITS);

    // The registry answers, faultily: the visits whose registration keeps failing end in an incident.
    registry.injectFaults();
    hurrying = true;
    await().atMost(PATIENCE).until(() -> visits.stream().allMatch(v -> proceduresStarted(v) || hasIncident(v)));
    List<String> registered = visits.stream().filter(this::proceduresStarted).toList();
    List<String> notRegistered = visits.stream().filter(v -> !registered.contains(v)).toList();
    assertThat(notRegistered).as("one visit in three keeps failing at the registry").hasSize(VISITS / 3)
        .allSatisfy(v -> {
          assertThat(incidentActivities(v)).containsOnly(REGISTER);
          assertThat(progress(v).path("incident").asBoolean()).as("the visit's own process stopped").isTrue();
        });

    // The departments approve every case while the hand-off API does not listen: each hand-over fails once.
    hurrying = false;
    int handOvers = registered.stream().mapToInt(v -> view(v).path("procedures").size()).sum();
    forEachInParallel(registered, v -> MoveInDriver.workTasks(rest, v));
    await().atMost(PATIENCE).until(() -> failedJobsAt(HAND_OVER) == handOvers);

    // The hand-off API answers, faultily: the visits whose hand-overs keep failing end in incidents.
    departments.injectFaults();
    hurrying = true;
    // Settled: done, or every case of the visit stopped at an incident (a first incident is not the end of it).
    await().atMost(PATIENCE).until(() -> registered.stream().allMatch(v -> isCompleted(v) || allCasesStopped(v)));
    List<String> notHandedOver = registered.stream().filter(v -> !isCompleted(v)).toList();
    assertThat(notHandedOver).as("one visit in three keeps failing at the departments")
        .hasSize(registered.size() / 3)
        .allSatisfy(v -> {
          assertThat(incidentActivities(v)).containsOnly(HAND_OVER);
          // the procedures stopped, each shows it; the visit's own process did not
          assertThat(progress(v).path("incident").asBoolean()).isFalse();
          assertThat(view(v).path("procedures")).allSatisfy(p -> assertThat(p.path("state").asText())
              .isEqualTo("INCIDENT"));
        });

    // The faults stop; an operator retries every incident (Cockpit's "retry"); the counter and the
    // departments work the visits that had stopped at the registry.
    registry.heal();
    departments.heal();
    retryIncidents();
    forEachInParallel(notRegistered, v -> {
      await().atMost(PATIENCE).until(() -> proceduresStarted(v));
      MoveInDriver.workTasks(rest, v);
    });
    await().atMost(PATIENCE).until(() -> visits.stream().allMatch(this::isCompleted));

    long procedureInstances = visits.stream().mapToLong(v -> history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(v).list().stream()
        .filter(p -> !"move-in-visit".equals(p.getProcessDefinitionKey())).count()).sum();
    long proposed = visits.stream().mapToLong(v -> view(v).path("proposedProcedures").size()).sum();
    System.out.printf("[ConnectorFaultsOnPostgresIT] visits submitted=%d, completed=%d, "
            + "visits stopped by an incident=%d (registry %d, hand-off %d) then retried, incidents left=%d, "
            + "duplicates found=%d (procedure starts %d over %d proposed, hand-overs stored %d for %d cases, "
            + "registrations stored %d for %d visits)%n",
        visits.size(), visits.stream().filter(this::isCompleted).count(), notRegistered.size() + notHandedOver.size(),
        notRegistered.size(), notHandedOver.size(), runtime.createIncidentQuery().count(),
        (procedureInstances - proposed) + (departments.stored().size() - procedureInstances)
            + (registry.stored().size() - visits.size()),
        procedureInstances, proposed, departments.stored().size(), procedureInstances, registry.stored().size(),
        visits.size());
    assertThat(runtime.createIncidentQuery().count()).isZero();
    everyProcedureStartedAndHandedOverOnce(visits);
    everyMoveInRegisteredOnce(visits);
    theFaultsReachedBothConnectors();
  }

  private void everyProcedureStartedAndHandedOverOnce(List<String> visits) {
    List<String> procedureInstances = new ArrayList<>();
    for (String visitId : visits) {
      JsonNode visit = view(visitId);
      List<String> started = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(visitId).list()
          .stream().filter(p -> !"move-in-visit".equals(p.getProcessDefinitionKey()))
          .map(HistoricProcessInstance::getId).toList();
      assertThat(started).as("procedure instances of visit %s", visitId)
          .hasSize(visit.path("proposedProcedures").size())
          .hasSize(visit.path("procedures").size());
      procedureInstances.addAll(started);
    }
    Map<String, JsonNode> handedOver = departments.stored();
    assertThat(handedOver.keySet()).as("one hand-over per procedure instance, keyed by it")
        .containsExactlyInAnyOrderElementsOf(procedureInstances);
    Set<List<String>> cases = new HashSet<>();
    handedOver.values().forEach(c -> cases.add(List.of(c.path("visitId").asText(), c.path("procedureKey").asText(),
        c.path("atenaNumbers").toString())));
    assertThat(cases).as("one case per visit, procedure and members").hasSize(handedOver.size());
    assertThat(departments.received()).extracting(FaultInjectingApi.Received::outcome)
        .doesNotContain(Outcome.CONFLICT)
        .as("late answers were followed by repeats of the same key, answered with the first receipt")
        .contains(Outcome.ANSWERED_TOO_LATE, Outcome.REPEATED);
  }

  private void everyMoveInRegisteredOnce(List<String> visits) {
    assertThat(registry.stored().keySet()).containsExactlyInAnyOrderElementsOf(visits);
    assertThat(registry.received()).extracting(FaultInjectingApi.Received::outcome)
        .doesNotContain(Outcome.CONFLICT)
        .contains(Outcome.ANSWERED_TOO_LATE, Outcome.REPEATED);
    for (String visitId : visits) {
      // the visit keeps the numbers the registry issued the first time, not a second set
      JsonNode issued = registry.answerFor(visitId);
      JsonNode household = view(visitId).path("household");
      assertThat(household.path("householdNumber").asText()).isEqualTo(issued.path("householdNumber").asText());
      household.path("members").forEach(member -> assertThat(member.path("atenaNumber").asText())
          .isEqualTo(issued.path("atenaNumbers").path(member.path("id").asText()).asText()));
    }
  }

  private void theFaultsReachedBothConnectors() {
    for (String activity : List.of(REGISTER, HAND_OVER)) {
      List<String> failures = history.createHistoricJobLogQuery().failureLog().activityIdIn(activity).list().stream()
          .map(HistoricJobLog::getJobExceptionMessage).toList();
      assertThat(failures).as("failures at %s", activity)
          .anySatisfy(m -> assertThat(m).contains("last: could not connect"))
          .anySatisfy(m -> assertThat(m).contains("last: HTTP 503"))
          .anySatisfy(m -> assertThat(m).contains("last: no complete answer within 750 ms"));
    }
  }

  /** Opens, interviews and submits one family of five per thread at a time; returns the visit ids. */
  private List<String> submitConcurrently() {
    List<String> noticeIds = new ArrayList<>();
    for (int i = 0; i < VISITS; i++) {
      MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
      notices.add(notice);
      noticeIds.add(notice.id());
    }
    return inParallel(noticeIds, noticeId -> {
      ApiClient counter = ApiClient.as(rest, "counter");
      String visitId = counter.post("/api/visits", Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", noticeId))
          .getBody().path("id").asText();
      assertThat(counter.put("/api/visits/" + visitId + "/interview", Map.of()).getStatusCode())
          .isEqualTo(HttpStatus.OK);
      assertThat(counter.post("/api/visits/" + visitId + "/submit", Map.of("signaturePng", ApiClient.SIGNATURE_PNG))
          .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
      return visitId;
    });
  }

  private <T> List<T> inParallel(List<String> items, Function<String, T> work) {
    List<CompletableFuture<T>> futures = items.stream()
        .map(item -> CompletableFuture.supplyAsync(() -> work.apply(item), staff)).toList();
    return futures.stream().map(CompletableFuture::join).toList();
  }

  private void forEachInParallel(List<String> items, Consumer<String> work) {
    inParallel(items, item -> {
      work.accept(item);
      return item;
    });
  }

  /** Stands in for the models' minute between job retries: a failed job with retries left runs now. */
  private void hurryFailedJobs() {
    if (!hurrying) {
      return;
    }
    Date now = new Date();
    try {
      for (Job job : management.createJobQuery().withException().withRetriesLeft().duedateHigherThan(now).list()) {
        management.setJobDuedate(job.getId(), now);
      }
    } catch (ProcessEngineException changedMeanwhile) {
      // a job ran or failed again in between; the next round sees it as it is now
    }
  }

  /** What an operator does in Cockpit: give every failed job one more try. */
  private void retryIncidents() {
    for (Incident incident : runtime.createIncidentQuery().list()) {
      management.setJobRetries(incident.getConfiguration(), 1);
    }
  }

  private long failedJobsAt(String activityId) {
    return management.createJobQuery().activityId(activityId).withException().count();
  }

  private JsonNode progress(String visitId) {
    return ApiClient.as(rest, "counter").get("/api/visits/" + visitId + "/progress").getBody();
  }

  private JsonNode view(String visitId) {
    return ApiClient.as(rest, "counter").get("/api/visits/" + visitId).getBody();
  }

  private boolean proceduresStarted(String visitId) {
    return !view(visitId).path("procedures").isEmpty();
  }

  private boolean isCompleted(String visitId) {
    return "COMPLETED".equals(view(visitId).path("status").asText());
  }

  private boolean allCasesStopped(String visitId) {
    JsonNode procedures = view(visitId).path("procedures");
    return procedures.size() > 0 && java.util.stream.StreamSupport.stream(procedures.spliterator(), false)
        .allMatch(p -> "INCIDENT".equals(p.path("state").asText()));
  }

  private boolean hasIncident(String visitId) {
    return !incidentActivities(visitId).isEmpty();
  }

  /** The activities of the incidents of the visit's process and its procedures (they share its business key). */
  private List<String> incidentActivities(String visitId) {
    List<String> activities = new ArrayList<>();
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(visitId).list()) {
      runtime.createIncidentQuery().processInstanceId(instance.getId()).list()
          .forEach(incident -> activities.add(incident.getActivityId()));
    }
    return activities;
  }
}
