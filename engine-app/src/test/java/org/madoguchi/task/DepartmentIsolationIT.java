package org.madoguchi.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
import org.springframework.http.HttpStatus;

/** A department sees and works only its own tasks: not another department's list, nor its tasks by id. */
@ApplicationOnH2
class DepartmentIsolationIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  EmbeddedMoveOutNoticeConnector notices;
  @Autowired
  MunicipalityProperties municipality;
  @Autowired
  TaskService taskService;

  @Test
  void departmentCannotListClaimOrCompleteAnotherDepartmentsTask() {
    String visitId = submittedVisit();
    ApiClient counter = ApiClient.as(rest, "counter");
    counter.tasks("counter", visitId).forEach(task ->
        counter.post("/api/tasks/" + task.path("id").asText() + "/complete", Map.of()));
    ApiClient insurance = ApiClient.as(rest, "hoken");
    ApiClient childSupport = ApiClient.as(rest, "kosodate");
    List<JsonNode> insuranceTasks = insurance.tasks("insurance-pension", visitId);
    assertThat(insuranceTasks).isNotEmpty();
    String insuranceTask = insuranceTasks.get(0).path("id").asText();

    assertThat(childSupport.get("/api/tasks?department=insurance-pension").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(childSupport.get("/api/tasks").getBody().findValuesAsText("id")).doesNotContain(insuranceTask);
    assertThat(childSupport.get("/api/tasks/" + insuranceTask).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(childSupport.post("/api/tasks/" + insuranceTask + "/claim", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(childSupport.post("/api/tasks/" + insuranceTask + "/complete", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(insurance.get("/api/tasks/" + insuranceTask).getBody().path("assignee").isMissingNode()).isTrue();
  }

  @Test
  void aVisitsTaskListHoldsThatVisitsTasksOnly() {
    String oneVisit = submittedVisit();
    String otherVisit = submittedVisit();
    ApiClient counter = ApiClient.as(rest, "counter");

    List<String> ofOne = counter.get("/api/tasks?department=counter&visitId=" + oneVisit).getBody()
        .findValuesAsText("id");
    List<String> ofOther = counter.get("/api/tasks?department=counter&visitId=" + otherVisit).getBody()
        .findValuesAsText("id");
    JsonNode all = counter.get("/api/tasks?department=counter").getBody();

    assertThat(ofOne).isNotEmpty().doesNotContainAnyElementsOf(ofOther);
    assertThat(ofOther).isNotEmpty();
    assertThat(all.findValuesAsText("id")).containsAll(ofOne).containsAll(ofOther);
    all.forEach(task -> {
      String visitId = task.path("visitId").asText();
      assertThat(ofOne.contains(task.path("id").asText())).isEqualTo(visitId.equals(oneVisit));
    });
    assertThat(ApiClient.as(rest, "kosodate").get("/api/tasks?department=counter&visitId=" + oneVisit)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(counter.get("/api/tasks?department=counter&visitId=no-such-visit").getBody()).isEmpty();
  }

  @Test
  void taskClaimedByOneStaffMemberCannotBeCompletedByAnother() {
    String visitId = submittedVisit();
    ApiClient counter = ApiClient.as(rest, "counter");
    JsonNode accept = counter.tasks("counter", visitId).get(0);
    var claimed = counter.post("/api/tasks/" + accept.path("id").asText() + "/claim", null);
    assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(claimed.getBody().path("assignee").asText()).isEqualTo("counter");

    JsonNode refused = ApiClient.as(rest, "admin")
        .post("/api/tasks/" + accept.path("id").asText() + "/complete", Map.of()).getBody();

    assertThat(refused.path("error").asText()).isEqualTo("task-claimed-by-other");
  }

  @Test
  void aTaskOutsideAnyProcessIsNotFound() {
    Task standalone = taskService.newTask();
    standalone.setName("手作業");
    taskService.saveTask(standalone);
    taskService.addCandidateGroup(standalone.getId(), "counter");
    try {
      JsonNode answer = ApiClient.as(rest, "counter").get("/api/tasks/" + standalone.getId()).getBody();
      assertThat(answer.path("error").asText()).isEqualTo("task-not-found");
    } finally {
      taskService.deleteTask(standalone.getId(), true);
    }
  }

  @Test
  void formValuesThatWouldOverwriteTheProcessDecisionAreRefused() {
    String visitId = submittedVisit();
    ApiClient counter = ApiClient.as(rest, "counter");
    JsonNode accept = counter.tasks("counter", visitId).get(0);

    var response = counter.post("/api/tasks/" + accept.path("id").asText() + "/complete",
        Map.of("decision", "RETURN"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().path("error").asText()).isEqualTo("invalid-field");
    assertThat(counter.tasks("counter", visitId)).extracting(t -> t.path("id").asText())
        .contains(accept.path("id").asText());
  }

  private String submittedVisit() {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
    return MoveInDriver.submitted(rest, notice.id());
  }
}
