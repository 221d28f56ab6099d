package org.madoguchi.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
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

/**
 * A department opens its task's application form: the form the engine deployed for the task, filled with the
 * visit's application; nobody else gets it, and every opening is audited.
 */
@ApplicationOnH2
class TaskFormApiIT {

  private static final String NHI_FORM = "nhi-enrollment-application";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  EmbeddedMoveOutNoticeConnector notices;
  @Autowired
  MunicipalityProperties municipality;
  @Autowired
  RepositoryService repositoryService;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void departmentGetsTheDeployedFormFilledWithTheApplicationItsResidentsSigned() {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    String visitId = acceptedVisit(notice);
    ApiClient insurance = ApiClient.as(rest, "hoken");
    String check = nhiTask(insurance, visitId, "Check");

    var response = insurance.get("/api/tasks/" + check + "/form");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode form = response.getBody();
    assertThat(form.path("formId").asText()).isEqualTo(NHI_FORM);
    assertThat(form.path("title").asText()).isEqualTo("国民健康保険被保険者資格取得届");
    assertThat(form.path("schema").path("id").asText()).isEqualTo(NHI_FORM);
    assertThat(form.path("schema").path("schemaVersion").asInt()).isEqualTo(16);
    JsonNode data = form.path("data");
    assertThat(data.path("headName").asText()).isEqualTo("薩摩\u3000太郎");
    assertThat(data.path("address").asText()).isEqualTo("鹿児島県鹿児島市中央町10番1号");
    assertThat(data.path("previousAddress").asText()).isEqualTo("福岡県福岡市中央区天神二丁目3番4号");
    assertThat(data.path("headBirthDate").asText()).isEqualTo(notice.members().get(0).birthDate().toString());
    assertThat(data.path("notifierSignature").asBoolean()).isTrue();
    assertThat(data.path("members").findValuesAsText("name")).containsExactly("薩摩\u3000太郎", "薩摩\u3000花子",
        "薩摩\u3000一郎", "薩摩\u3000二葉", "薩摩\u3000三郎");
    assertThat(data.path("members").findValuesAsText("sex")).containsExactly("MALE", "FEMALE", "MALE", "FEMALE",
        "MALE");
    assertThat(form.path("departmentFields")).extracting(JsonNode::asText)
        .containsExactly("insuranceSymbolNumber", "certificateIssuedOn", "previousInsuranceLossConfirmed");
    JsonNode audit = ApiClient.as(rest, "admin").get("/api/audit?visitId=" + visitId).getBody();
    List<String> read = new ArrayList<>();
    audit.forEach(entry -> {
      if ("READ_APPLICATION".equals(entry.path("action").asText())) {
        assertThat(entry.path("actor").asText()).isEqualTo("hoken");
        read.add(entry.path("residentRef").asText());
      }
    });
    assertThat(read).hasSize(5).doesNotContainNull().allMatch(ref -> ref.matches("\\d+"));
  }

  @Test
  void anotherDepartmentGetsNoFormAndAnUnknownTaskIsNotFound() {
    String visitId = acceptedVisit(DemoHouseholds.familyOfFive(municipality.code()));
    String check = nhiTask(ApiClient.as(rest, "hoken"), visitId, "Check");
    ApiClient childSupport = ApiClient.as(rest, "kosodate");

    assertThat(childSupport.get("/api/tasks/" + check + "/form").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(ApiClient.as(rest, "counter").get("/api/tasks/" + check + "/form").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(childSupport.get("/api/tasks/no-such-task/form").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(ApiClient.as(rest, "admin").get("/api/audit?visitId=" + visitId).getBody().findValuesAsText("action"))
        .doesNotContain("READ_APPLICATION");
  }

  @Test
  void whatTheDepartmentEnteredAtTheCheckShowsAtTheApprovalWhichFillsNoOfficeFieldOfTheCounter() {
    String visitId = acceptedVisit(DemoHouseholds.familyOfFive(municipality.code()));
    ApiClient insurance = ApiClient.as(rest, "hoken");
    String check = nhiTask(insurance, visitId, "Check");

    assertThat(insurance.post("/api/tasks/" + check + "/complete", Map.of("insuranceSymbolNumber", "鹿 12-345",
        "previousInsuranceLossConfirmed", true)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode data = insurance.get("/api/tasks/" + nhiTask(insurance, visitId, "Approve") + "/form").getBody()
        .path("data");
    assertThat(data.path("insuranceSymbolNumber").asText()).isEqualTo("鹿 12-345");
    assertThat(data.path("previousInsuranceLossConfirmed").asBoolean()).isTrue();
  }

  @Test
  void aNewlyDeployedVersionOfTheFormIsTheOneOpened() throws Exception {
    String visitId = acceptedVisit(DemoHouseholds.familyOfFive(municipality.code()));
    ApiClient insurance = ApiClient.as(rest, "hoken");
    String check = nhiTask(insurance, visitId, "Check");
    ObjectNode changed;
    try (InputStream packaged = getClass().getResourceAsStream("/forms/" + NHI_FORM + ".form")) {
      changed = (ObjectNode) json.readTree(packaged);
    }
    ((ObjectNode) changed.path("components").get(0)).put("text", "# 国民健康保険被保険者資格取得届（第2版）");
    Deployment deployment = repositoryService.createDeployment().name("nhi form, second version")
        .addString(NHI_FORM + ".form", json.writeValueAsString(changed)).deploy();
    try {
      JsonNode form = insurance.get("/api/tasks/" + check + "/form").getBody();

      assertThat(form.path("title").asText()).isEqualTo("国民健康保険被保険者資格取得届（第2版）");
      assertThat(form.path("schema").path("components").get(0).path("text").asText()).endsWith("（第2版）");
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  /** A submitted visit of the household whose applications the counter has accepted. */
  private String acceptedVisit(MoveOutNotice notice) {
    notices.add(notice);
    return MoveInDriver.accepted(rest, notice.id());
  }

  /** The open NHI task of the visit at {@code step}, once the engine has reached it. */
  private static String nhiTask(ApiClient insurance, String visitId, String step) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> insurance.tasks("insurance-pension", visitId).stream()
        .filter(task -> "nhi-enrollment".equals(task.path("processKey").asText())
            && step.equals(task.path("taskDefinitionKey").asText()))
        .map(task -> task.path("id").asText()).findFirst().orElse(null), id -> id != null);
  }
}
