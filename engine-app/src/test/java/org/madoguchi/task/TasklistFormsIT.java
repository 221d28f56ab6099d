package org.madoguchi.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.madoguchi.connectors.notice.EmbeddedMoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.ApplicationOnH2;
import org.madoguchi.support.DemoHouseholds;
import org.madoguchi.system.MunicipalityProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The deployed application forms are the ones Camunda Tasklist opens for a department's task. */
@ApplicationOnH2
class TasklistFormsIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  EmbeddedMoveOutNoticeConnector notices;
  @Autowired
  MunicipalityProperties municipality;
  @Autowired
  TaskService taskService;
  @Autowired
  FormService formService;

  @Test
  void everyProcedureTaskResolvesItsDeployedApplicationForm() throws Exception {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
    ApiClient counter = ApiClient.as(rest, "counter");
    String visitId = counter.post("/api/visits", Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", notice.id()))
        .getBody().path("id").asText();
    counter.put("/api/visits/" + visitId + "/interview", Map.of());
    counter.post("/api/visits/" + visitId + "/submit", Map.of("signaturePng", ApiClient.SIGNATURE_PNG));
    await().atMost(Duration.ofSeconds(60)).until(() -> !counter.tasks("counter", visitId).isEmpty());

    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(visitId).list()) {
      String processKey = task.getProcessDefinitionId().substring(0, task.getProcessDefinitionId().indexOf(':'));
      try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
        String json = new String(form.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(json).as("form of %s", task.getName()).contains("\"id\": \"" + processKey + "-application\"");
      }
    }
  }
}
