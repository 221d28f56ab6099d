package org.madoguchi.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.madoguchi.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A new version of a department's procedure is deployed while cases wait on the old one; the cases are
 * migrated and finish on the new version. A plan that cannot map a waiting step is refused with reasons.
 * Its own database: it deploys versions of a shared procedure that other tests must not see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // Its own engine name: the shared application's engine stays the one the engine REST API answers for.
    "camunda.bpm.process-engine-name=migration",
    "madoguchi.data-dir=target/it-data/migration",
    "spring.datasource.url=jdbc:h2:mem:migration;DB_CLOSE_DELAY=-1"})
class ProcessMigrationIT {

  private static final String KEY = "nhi-enrollment";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  HistoryService historyService;

  @Test
  void casesWaitingOnVersionOneAreMigratedAndCompleteOnVersionTwo() {
    ProcessDefinition v1 = deployVariant(model -> { });
    List<ProcessInstance> cases = List.of(waitingAtCheck(v1, "visit-m1"), waitingAtCheck(v1, "visit-m2"));
    ProcessDefinition v2 = deployVariant(model -> task(model, "Check").setName("資格審査（第2版）"));
    assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);
    ApiClient admin = ApiClient.as(rest, "admin");
    JsonNode listed = admin.get("/api/process-versions?key=" + KEY).getBody();
    assertThat(listed.findValuesAsText("id")).contains(v1.getId(), v2.getId());

    JsonNode dryRun = admin.post("/api/migrations",
        Map.of("sourceDefinitionId", v1.getId(), "targetDefinitionId", v2.getId(), "dryRun", true)).getBody();
    assertThat(dryRun.path("migrated").asBoolean()).isFalse();
    assertThat(dryRun.path("instances").findValuesAsText("ok")).containsOnly("true").hasSize(2);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(v1.getId()).count()).isEqualTo(2);

    JsonNode migrated = admin.post("/api/migrations",
        Map.of("sourceDefinitionId", v1.getId(), "targetDefinitionId", v2.getId(), "dryRun", false)).getBody();
    assertThat(migrated.path("migrated").asBoolean()).isTrue();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(v2.getId()).count()).isEqualTo(2);

    ApiClient insurance = ApiClient.as(rest, "hoken");
    for (ProcessInstance instance : cases) {
      String check = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
      assertThat(insurance.post("/api/tasks/" + check + "/complete", Map.of()).getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
      String approve = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
      assertThat(insurance.post("/api/tasks/" + approve + "/complete", Map.of()).getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> cases.stream().allMatch(i -> historyService
        .createHistoricProcessInstanceQuery().processInstanceId(i.getId()).finished().count() == 1));
    cases.forEach(i -> assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(i.getId())
        .singleResult().getProcessDefinitionId()).isEqualTo(v2.getId()));
  }

  @Test
  void planThatCannotMapAWaitingStepIsRefusedWithTheReasonAndMigratesNothing() {
    ProcessDefinition current = deployVariant(model -> { });
    ProcessInstance waiting = waitingAtCheck(current, "visit-m3");
    ProcessDefinition renamed = deployVariant(model -> task(model, "Check").setId("Review"));

    JsonNode report = ApiClient.as(rest, "admin").post("/api/migrations",
        Map.of("sourceDefinitionId", current.getId(), "targetDefinitionId", renamed.getId(), "dryRun", false))
        .getBody();

    assertThat(report.path("migrated").asBoolean()).isFalse();
    assertThat(report.path("planProblems").toString()).contains("Check");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(waiting.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(current.getId());
  }

  @Test
  void suspendedVersionIsListedAsSuspendedUntilActivated() {
    ProcessDefinition v = latest();
    ApiClient admin = ApiClient.as(rest, "admin");

    assertThat(admin.post("/api/process-versions/" + v.getId() + "/suspend", null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(repositoryService.getProcessDefinition(v.getId()).isSuspended()).isTrue();
    assertThat(admin.post("/api/process-versions/" + v.getId() + "/activate", null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(repositoryService.getProcessDefinition(v.getId()).isSuspended()).isFalse();
    assertThat(admin.post("/api/process-versions/no-such-id/suspend", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private ProcessInstance waitingAtCheck(ProcessDefinition version, String visitId) {
    ProcessInstance instance = runtimeService.startProcessInstanceById(version.getId(), visitId, Map.of("visitId", visitId,
        "municipalityCode", "462012", "householdNumber", "0000500011", "atenaNumbers", "0001000012"));
    taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Check");
    return instance;
  }

  private ProcessDefinition latest() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
  }

  /**
   * Deploys the procedure as the processes module ships it, changed by {@code change}, as a new version
   * (a stamp in the exporter version keeps duplicate filtering from skipping it).
   */
  private ProcessDefinition deployVariant(java.util.function.Consumer<BpmnModelInstance> change) {
    BpmnModelInstance model = Bpmn.readModelFromStream(getClass().getResourceAsStream("/bpmn/" + KEY + ".bpmn"));
    change.accept(model);
    model.getDefinitions().setExporterVersion(Long.toString(System.nanoTime()));
    ResponseEntity<JsonNode> deployed = ApiClient.as(rest, "admin")
        .upload("/api/deployments", ApiClient.file(KEY + ".bpmn", Bpmn.convertToString(model)));
    assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.CREATED);
    return latest();
  }

  private static UserTask task(BpmnModelInstance model, String id) {
    return model.getModelElementById(id);
  }
}
