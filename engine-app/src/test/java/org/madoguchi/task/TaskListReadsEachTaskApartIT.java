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
 * Another staff member completes a task after the list has found it and while it reads what the rows need:
 * the list still answers (it once failed whole, when a read of the vanished task marked its transaction
 * rollback-only), and working the vanished task then says it is gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // Its own engine name: the shared application's engine stays the one the engine REST API answers for.
    "camunda.bpm.process-engine-name=taskList",
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
  void aTaskCompletedWhileTheListReadsItLeavesTheListAnsweringAndSaysItIsGoneWhenWorked() {
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
    assertThat(counter.post("/api/tasks/" + interview.getId() + "/claim", Map.of()).getBody().path("error").asText())
        .isEqualTo("task-not-found");
  }
}
