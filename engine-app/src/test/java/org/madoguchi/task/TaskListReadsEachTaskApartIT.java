package org.madoguchi.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.madoguchi.connectors.notice.EmbeddedMoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.procedure.ProcedureCatalog;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.DemoHouseholds;
import org.madoguchi.system.MunicipalityProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Another staff member completes a task after the list has found it and before it has read it: the task is
 * left out and the list still answers. The failed read of the vanished task must not take the whole list down
 * (as it did while the list ran in one transaction, which the failed engine read marked rollback-only).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "madoguchi.data-dir=target/it-data/h2-task-list",
    "spring.datasource.url=jdbc:h2:mem:madoguchi-it-task-list;DB_CLOSE_DELAY=-1"})
class TaskListReadsEachTaskApartIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  TaskService taskService;
  @Autowired
  EmbeddedMoveOutNoticeConnector notices;
  @Autowired
  MunicipalityProperties municipality;
  /** The list's first read of each task: the moment to complete one behind its back. */
  @MockitoSpyBean
  ProcedureCatalog procedures;

  @Test
  void aTaskCompletedWhileTheListReadsItIsLeftOutAndTheListStillAnswers() {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
    ApiClient counter = ApiClient.as(rest, "counter");
    String visitId = counter.post("/api/visits", Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", notice.id()))
        .getBody().path("id").asText();
    Task interview = taskService.createTaskQuery().processInstanceBusinessKey(visitId).singleResult();
    AtomicBoolean completed = new AtomicBoolean();
    doAnswer(read -> {
      if (completed.compareAndSet(false, true)) {
        // another user, another transaction
        CompletableFuture.runAsync(() -> taskService.complete(interview.getId())).join();
      }
      return read.callRealMethod();
    }).when(procedures).forDefinition(any());

    ResponseEntity<JsonNode> list = counter.get("/api/tasks?department=counter");

    assertThat(completed).isTrue();
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list.getBody().findValuesAsText("id")).doesNotContain(interview.getId());
  }
}
