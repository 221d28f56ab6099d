package org.madoguchi.fitgap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.ApplicationOnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Two versions of a process compared element by element, by definition id or by key and version. */
@ApplicationOnH2
class FitGapApiIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RepositoryService repositoryService;

  @Test
  void variantIsComparedWithTheStandardByIdAndByKeyAndVersion() {
    String key = "fit-gap-test-" + System.nanoTime() % 100000;
    ProcessDefinition standard = deploy(key, "<userTask id=\"Check\" name=\"審査\"/>", "Check");
    ProcessDefinition variant = deploy(key, "<userTask id=\"Check\" name=\"簡易審査\"/>"
        + "<userTask id=\"Confirm\" name=\"本人確認\"/>", "Check", "Confirm");

    JsonNode byId = ApiClient.as(rest, "admin").get("/api/fit-gap?standard=" + standard.getId() + "&variant="
        + variant.getId()).getBody();
    JsonNode byVersion = ApiClient.as(rest, "advisor").get("/api/fit-gap?standardKey=" + key
        + "&standardVersion=1&variantKey=" + key).getBody();

    for (JsonNode comparison : new JsonNode[] {byId, byVersion}) {
      assertThat(comparison.path("standard").path("version").asInt()).isEqualTo(1);
      assertThat(comparison.path("variant").path("version").asInt()).isEqualTo(2);
      JsonNode fitGap = comparison.path("fitGap");
      assertThat(fitGap.path("added").findValuesAsText("id")).containsExactlyInAnyOrder("Confirm",
          "Flow_Check_Confirm", "Flow_Confirm_End");
      assertThat(fitGap.path("removed").findValuesAsText("id")).containsExactly("Flow_Check_End");
      assertThat(fitGap.path("changed").get(0).path("id").asText()).isEqualTo("Check");
      assertThat(fitGap.path("changed").get(0).path("differences").get(0).path("standard").asText()).isEqualTo("審査");
      assertThat(fitGap.path("changed").get(0).path("differences").get(0).path("variant").asText())
          .isEqualTo("簡易審査");
      // 3 added, 1 removed, 1 changed of the 8 elements either has
      assertThat(fitGap.path("departurePercent").asDouble()).isEqualTo(62.5);
    }
  }

  @Test
  void theLatestShippedProcessDepartsFromItselfByNothing() {
    JsonNode fitGap = ApiClient.as(rest, "admin").get("/api/fit-gap?standardKey=nhi-enrollment"
        + "&variantKey=nhi-enrollment").getBody().path("fitGap");

    assertThat(fitGap.path("departurePercent").asDouble()).isZero();
    assertThat(fitGap.path("unchanged").asInt()).isEqualTo(fitGap.path("standardElements").asInt()).isPositive();
  }

  @Test
  void missingOrUnknownVersionsAreRefusedWithAReason() {
    ApiClient admin = ApiClient.as(rest, "admin");

    ResponseEntity<JsonNode> missing = admin.get("/api/fit-gap?standardKey=nhi-enrollment");
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(missing.getBody().path("error").asText()).isEqualTo("version-required");
    assertThat(missing.getBody().path("message").asText()).contains("variant");

    ResponseEntity<JsonNode> unknown = admin.get("/api/fit-gap?standard=no-such-id&variantKey=nhi-enrollment");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(admin.get("/api/fit-gap?standardKey=nhi-enrollment&standardVersion=0&variantKey=nhi-enrollment")
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(admin.get("/api/fit-gap?standardKey=nhi-enrollment&standardVersion=abc&variantKey=nhi-enrollment")
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void counterStaffCannotCompare() {
    assertThat(ApiClient.as(rest, "counter").get("/api/fit-gap?standardKey=nhi-enrollment&variantKey=nhi-enrollment")
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** Deploys Start → the steps in turn → End as a new version of {@code key}. */
  private ProcessDefinition deploy(String key, String tasks, String... steps) {
    StringBuilder flows = new StringBuilder();
    String previous = "Start";
    for (String step : steps) {
      flows.append(flow(previous, step));
      previous = step;
    }
    flows.append(flow(previous, "End"));
    String xml = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="D" targetNamespace="test">
          <process id="%s" name="比較" isExecutable="true" camunda:historyTimeToLive="30">
            <startEvent id="Start" name="開始"/>%s<endEvent id="End" name="終了"/>%s
          </process>
        </definitions>""".formatted(key, tasks, flows);
    String deploymentId = repositoryService.createDeployment().addString(key + ".bpmn", xml).deploy().getId();
    return repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
  }

  private static String flow(String from, String to) {
    return "<sequenceFlow id=\"Flow_" + from + "_" + to + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\"/>";
  }
}
