package org.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.support.ApiClient.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.madoguchi.connectors.notice.EmbeddedMoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.ApplicationOnH2;
import org.madoguchi.support.DemoHouseholds;
import org.madoguchi.support.MoveInDriver;
import org.madoguchi.system.MunicipalityProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With the engine's authorizations on, {@code /engine-rest} answers every signed-in staff member as the engine's
 * grants for their role allow: a department sees its own procedures' cases, tasks and history and nothing of another
 * department's or another municipality's; the counter cannot deploy or delete a case, nor start one for another
 * municipality; an advisor cannot start one; the installation's administrator sees everything. The grants are made
 * once however often, and by however many nodes at once, they are made.
 */
@ApplicationOnH2
class EngineAuthorizationsIT {

  private static final String INSURANCE = "insurance-pension";
  private static final String KIRISHIMA = "462187";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  EmbeddedMoveOutNoticeConnector notices;
  @Autowired
  MunicipalityProperties municipality;
  @Autowired
  EngineAuthorizations engineAuthorizations;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  AuthorizationService authorizationService;

  @Test
  void aDepartmentSeesItsOwnProceduresCasesTasksAndHistoryOnly() {
    String visitId = MoveInDriver.accepted(rest, newNotice());
    JsonNode procedures = ApiClient.as(rest, "counter").get("/api/visits/" + visitId).getBody().path("procedures");
    Set<String> insuranceCases = new HashSet<>();
    Set<String> otherCases = new HashSet<>();
    procedures.forEach(procedure -> (INSURANCE.equals(procedure.path("department").asText()) ? insuranceCases
        : otherCases).add(procedure.path("processInstanceId").asText()));
    assertThat(insuranceCases).isNotEmpty();
    assertThat(otherCases).isNotEmpty();
    ApiClient insurance = ApiClient.as(rest, "hoken");

    assertThat(insurance.get("/engine-rest/task?processInstanceBusinessKey=" + visitId).getBody()
        .findValuesAsText("processInstanceId")).isNotEmpty().allMatch(insuranceCases::contains);
    assertThat(ids(insurance.get("/engine-rest/process-instance?businessKey=" + visitId).getBody()))
        .containsExactlyInAnyOrderElementsOf(insuranceCases);
    assertThat(ids(insurance.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + visitId)
        .getBody())).containsExactlyInAnyOrderElementsOf(insuranceCases);
    String otherCase = otherCases.iterator().next();
    assertThat(insurance.get("/engine-rest/process-instance/" + otherCase + "/variables").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // The same department of another municipality sees nothing of this municipality's visit.
    ApiClient kirishimaInsurance = ApiClient.as(rest, "kirishimaHoken");
    assertThat(kirishimaInsurance.get("/engine-rest/task?processInstanceBusinessKey=" + visitId).getBody()).isEmpty();
    assertThat(kirishimaInsurance.get("/engine-rest/process-instance?businessKey=" + visitId).getBody()).isEmpty();
    assertThat(kirishimaInsurance.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + visitId)
        .getBody()).isEmpty();

    // The installation's administrator sees every case of the visit, the visit's own process included.
    ApiClient admin = ApiClient.as(rest, "admin");
    assertThat(ids(admin.get("/engine-rest/process-instance?businessKey=" + visitId).getBody()))
        .containsAll(insuranceCases).containsAll(otherCases);
    assertThat(admin.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + visitId).getBody()
        .findValuesAsText("processDefinitionKey")).contains("move-in-visit");
    assertThat(admin.get("/engine-rest/task?processInstanceBusinessKey=" + visitId).getBody()
        .findValuesAsText("processInstanceId")).anyMatch(otherCases::contains);
  }

  @Test
  void theCounterReadsThroughTheEngineRestApiButCannotDeployDeleteStartOrComplete() {
    String visitId = MoveInDriver.submitted(rest, newNotice());
    ApiClient counter = ApiClient.as(rest, "counter");
    List<String> cases = ids(counter.get("/engine-rest/process-instance?businessKey=" + visitId).getBody());
    assertThat(cases).isNotEmpty();

    assertThat(counter.upload("/engine-rest/deployment/create", file("counter.bpmn", minimalProcess()))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(counter.send(HttpMethod.DELETE, "/engine-rest/process-instance/" + cases.get(0), null)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(ApiClient.as(rest, "admin").get("/engine-rest/process-instance/" + cases.get(0)).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // reads and queries only: work on a case goes through Madoguchi's API and its checks
    var start = counter.post("/engine-rest/process-definition/key/move-in-visit/start",
        Map.of("variables", Map.of("municipalityCode", Map.of("value", KIRISHIMA))));
    assertThat(start.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(start.getBody().path("error").asText()).isEqualTo("engine-rest-read-only");
    String accept = counter.tasks("counter", visitId).get(0).path("id").asText();
    assertThat(counter.post("/engine-rest/task/" + accept + "/complete",
        Map.of("variables", Map.of("decision", Map.of("value", "APPROVE")))).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(counter.get("/api/tasks/" + accept).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ids(counter.post("/engine-rest/task", Map.of("processInstanceBusinessKey", visitId)).getBody()))
        .contains(accept);
    assertThat(counter.post("/engine-rest/task/count", Map.of("processInstanceBusinessKey", visitId)).getBody()
        .path("count").asInt()).isPositive();
  }

  @Test
  void anAdvisorCannotStartACaseAndAnonymousCallersAreNotServed() {
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    assertThat(newAdvisor().exchange("/engine-rest/process-definition/key/move-in-visit/start", HttpMethod.POST,
        new HttpEntity<>(Map.of(), json), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/engine-rest/process-definition/key/move-in-visit", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void grantingAgainAddsNothing() {
    long before = grantRows();

    assertThat(engineAuthorizations.grant()).isZero();
    assertThat(grantRows()).isEqualTo(before);
  }

  @Test
  void nodesGrantingAtTheSameTimeLeaveEachGrantOnce() throws Exception {
    long before = grantRows();
    // The counter's and the municipality administrators' grants, as if they had never been made.
    int removed = jdbc.sql("delete from ACT_RU_AUTHORIZATION where GROUP_ID_ in ('counter', 'tenant-admin') "
            + "and RESOURCE_TYPE_ in (?, ?, ?, ?)")
        .params(Resources.PROCESS_DEFINITION.resourceType(), Resources.PROCESS_INSTANCE.resourceType(),
            Resources.DECISION_DEFINITION.resourceType(), Resources.APPLICATION.resourceType())
        .update();
    assertThat(removed).isPositive();
    int nodes = 4;
    CyclicBarrier together = new CyclicBarrier(nodes);
    ExecutorService executor = Executors.newFixedThreadPool(nodes);
    try {
      List<Future<Integer>> granted = new ArrayList<>();
      for (int node = 0; node < nodes; node++) {
        granted.add(executor.submit(() -> {
          together.await();
          return engineAuthorizations.grant();
        }));
      }
      int written = 0;
      for (Future<Integer> node : granted) {
        written += node.get();
      }
      assertThat(written).isGreaterThanOrEqualTo(removed);
    } finally {
      executor.shutdownNow();
    }

    assertThat(grantRows()).isEqualTo(before);
  }

  @Test
  void anOpenTaskFromBeforeAuthorizationsWereOnGetsTheGrantsOfItsCandidates() {
    String visitId = MoveInDriver.submitted(rest, newNotice());
    ApiClient counter = ApiClient.as(rest, "counter");
    String accept = counter.tasks("counter", visitId).get(0).path("id").asText();
    jdbc.sql("delete from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = ? and RESOURCE_ID_ = ?")
        .params(Resources.TASK.resourceType(), accept).update();
    assertThat(counterMayWork(accept)).isFalse();
    // Madoguchi goes by the same grants: a grant deleted takes the right away through its API too
    assertThat(counter.post("/api/tasks/" + accept + "/complete", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(engineAuthorizations.grant()).isPositive();

    assertThat(counterMayWork(accept)).isTrue();
    assertThat(counter.post("/api/tasks/" + accept + "/complete", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  /** Whether the engine's grants let the counter group work {@code taskId} (as /engine-rest and the webapps see it). */
  private boolean counterMayWork(String taskId) {
    return authorizationService.isUserAuthorized("someone-at-the-counter", List.of("counter"), Permissions.TASK_WORK,
        Resources.TASK, taskId);
  }

  /**
   * An advisor account of its own: the demo's may be in the engine's sign-in delay after SecurityIT's wrong
   * password. Its grants come with its group.
   */
  private TestRestTemplate newAdvisor() {
    String id = "advisor" + System.nanoTime() % 1_000_000_000;
    String password = "advisor-password-" + id;
    assertThat(ApiClient.as(rest, "admin").post("/api/users", Map.of("id", id, "firstName", "六子", "lastName", "試験",
        "password", password, "groups", List.of(Roles.ADVISOR_GROUP))).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return rest.withBasicAuth(id, password);
  }

  /** The authorizations other than the engine's own per task, which come and go with the tasks. */
  private long grantRows() {
    return jdbc.sql("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ <> ?")
        .param(Resources.TASK.resourceType()).query(Long.class).single();
  }

  private String newNotice() {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
    return notice.id();
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  private static String minimalProcess() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://madoguchi.example/test">
          <bpmn:process id="counter-deployed" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start" />
          </bpmn:process>
        </bpmn:definitions>
        """;
  }
}
