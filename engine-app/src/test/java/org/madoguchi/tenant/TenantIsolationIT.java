package org.madoguchi.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.madoguchi.support.ApiClient.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.madoguchi.connectors.notice.EmbeddedMoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.ApplicationOnH2;
import org.madoguchi.support.DemoHouseholds;
import org.madoguchi.system.MunicipalityProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Two municipalities on one installation, with the demo's staff of each: the home one (鹿児島市) and 霧島市.
 * Each sees only its own visits, tasks, definitions and audit entries — through the Visit API, the task API
 * and the engine's REST API — and another's visit or task is not found at all; a municipality's own version
 * of a model changes its proposals and procedures only.
 */
@ApplicationOnH2
class TenantIsolationIT {

  private static final String KIRISHIMA = "462187";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Autowired
  TestRestTemplate rest;
  @Autowired
  EmbeddedMoveOutNoticeConnector notices;
  @Autowired
  MunicipalityProperties home;

  @Test
  void eachMunicipalitySeesOnlyItsOwnVisitsTasksCasesAndAuditEntries() {
    ApiClient kagoshimaCounter = ApiClient.as(rest, "counter");
    ApiClient kirishimaCounter = ApiClient.as(rest, "kirishimaCounter");
    String kagoshimaVisit = submittedVisit(kagoshimaCounter, home.code(), "桜島", "サクラジマ");
    String kirishimaVisit = submittedVisit(kirishimaCounter, KIRISHIMA, "霧島", "キリシマ");

    // Visit API: the other municipality's visit is not found, its notices are neither listed nor usable.
    assertNotFound(kagoshimaCounter.get("/api/visits/" + kirishimaVisit), "visit-not-found");
    assertNotFound(kirishimaCounter.get("/api/visits/" + kagoshimaVisit), "visit-not-found");
    assertNotFound(kirishimaCounter.get("/api/visits/" + kagoshimaVisit + "/documents"), "visit-not-found");
    assertNotFound(kirishimaCounter.get("/api/visits/" + kagoshimaVisit + "/progress"), "visit-not-found");
    assertThat(kirishimaCounter.put("/api/visits/" + kagoshimaVisit + "/interview", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(ids(kagoshimaCounter.get("/api/visits").getBody())).contains(kagoshimaVisit)
        .doesNotContain(kirishimaVisit);
    assertThat(ids(kirishimaCounter.get("/api/visits").getBody())).contains(kirishimaVisit)
        .doesNotContain(kagoshimaVisit);
    List<String> kirishimaNotices = ids(kirishimaCounter.get("/api/move-out-notices").getBody());
    assertThat(kirishimaNotices).isNotEmpty().allMatch(id -> addressedTo(id).equals(KIRISHIMA));
    assertThat(ids(kagoshimaCounter.get("/api/move-out-notices").getBody()))
        .allMatch(id -> addressedTo(id).equals(home.code()));
    assertThat(kagoshimaCounter.post("/api/visits", Map.of("lifeEvent", "MOVE_IN",
        "moveOutNoticeId", kirishimaNotices.get(0))).getBody().path("error").asText())
        .isEqualTo("unknown-move-out-notice");

    // Task API: the counter of each sees, claims and completes only its own municipality's tasks.
    String kagoshimaTask = kagoshimaCounter.tasks("counter", kagoshimaVisit).get(0).path("id").asText();
    String kirishimaTask = kirishimaCounter.tasks("counter", kirishimaVisit).get(0).path("id").asText();
    assertThat(visitIds(kagoshimaCounter.get("/api/tasks?department=counter").getBody()))
        .contains(kagoshimaVisit).doesNotContain(kirishimaVisit);
    assertThat(visitIds(kirishimaCounter.get("/api/tasks").getBody()))
        .contains(kirishimaVisit).doesNotContain(kagoshimaVisit);
    assertNotFound(kagoshimaCounter.get("/api/tasks/" + kirishimaTask), "task-not-found");
    assertNotFound(kagoshimaCounter.post("/api/tasks/" + kirishimaTask + "/claim", null), "task-not-found");
    assertNotFound(kirishimaCounter.post("/api/tasks/" + kagoshimaTask + "/complete", Map.of()), "task-not-found");

    // ... and so does a department, once the counter has accepted the applications.
    kirishimaCounter.tasks("counter", kirishimaVisit).forEach(task -> assertThat(kirishimaCounter
        .post("/api/tasks/" + task.path("id").asText() + "/complete", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT));
    ApiClient kirishimaInsurance = ApiClient.as(rest, "kirishimaHoken");
    await().atMost(PATIENCE).until(() -> !kirishimaInsurance.tasks("insurance-pension", kirishimaVisit).isEmpty());
    String kirishimaCheck = kirishimaInsurance.tasks("insurance-pension", kirishimaVisit).get(0).path("id").asText();
    ApiClient kagoshimaInsurance = ApiClient.as(rest, "hoken");
    assertThat(kagoshimaInsurance.tasks("insurance-pension", kirishimaVisit)).isEmpty();
    assertNotFound(kagoshimaInsurance.get("/api/tasks/" + kirishimaCheck), "task-not-found");

    // The engine's REST API: each municipality's administrator reads its own cases only, and changes nothing.
    ApiClient kagoshimaAdmin = ApiClient.as(rest, "kagoshimaAdmin");
    ApiClient kirishimaAdmin = ApiClient.as(rest, "kirishimaAdmin");
    assertThat(kagoshimaAdmin.get("/engine-rest/task?processInstanceBusinessKey=" + kagoshimaVisit).getBody())
        .isNotEmpty();
    assertThat(kagoshimaAdmin.get("/engine-rest/task?processInstanceBusinessKey=" + kirishimaVisit).getBody())
        .isEmpty();
    assertThat(kagoshimaAdmin.get("/engine-rest/task/" + kirishimaTask).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(kagoshimaAdmin.get("/engine-rest/process-instance?businessKey=" + kirishimaVisit).getBody()).isEmpty();
    assertThat(kagoshimaAdmin.get("/engine-rest/history/process-instance?processInstanceBusinessKey="
        + kirishimaVisit).getBody()).isEmpty();
    JsonNode kirishimaCases = kirishimaAdmin.get("/engine-rest/history/process-instance?processInstanceBusinessKey="
        + kirishimaVisit).getBody();
    assertThat(kirishimaCases).hasSizeGreaterThan(1);
    assertThat(kirishimaCases.findValuesAsText("tenantId")).containsOnly(KIRISHIMA);
    assertThat(kirishimaAdmin.get("/engine-rest/process-instance?businessKey=" + kagoshimaVisit).getBody()).isEmpty();
    assertThat(kirishimaAdmin.get("/engine-rest/task?processInstanceBusinessKey=" + kirishimaVisit).getBody()
        .findValuesAsText("tenantId")).isNotEmpty().containsOnly(KIRISHIMA);
    assertThat(kirishimaAdmin.post("/engine-rest/task/" + kirishimaCheck + "/claim", Map.of("userId", "x"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // Nor does it reach the identity store beyond its own account.
    assertThat(kirishimaAdmin.get("/engine-rest/user").getBody().findValuesAsText("id"))
        .containsExactly("kirishimaAdmin");
    assertThat(kirishimaAdmin.post("/engine-rest/user/create", Map.of("profile", Map.of("id", "intruder"),
        "credentials", Map.of("password", "intruder-password"))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(kirishimaAdmin.put("/engine-rest/group/camunda-admin/members/kirishimaAdmin", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(ApiClient.as(rest, "admin").get("/engine-rest/process-instance?businessKey=" + kirishimaVisit)
        .getBody()).isNotEmpty();

    // The audit log: each municipality's administrator reads its own entries; the installation's reads all.
    assertThat(kagoshimaAdmin.get("/api/audit?visitId=" + kagoshimaVisit).getBody()).isNotEmpty();
    assertThat(kagoshimaAdmin.get("/api/audit?visitId=" + kirishimaVisit).getBody()).isEmpty();
    JsonNode kirishimaEntries = kirishimaAdmin.get("/api/audit?visitId=" + kirishimaVisit).getBody();
    assertThat(kirishimaEntries.findValuesAsText("municipalityCode")).isNotEmpty().containsOnly(KIRISHIMA);
    assertThat(kirishimaEntries.findValuesAsText("action")).contains("READ_MOVE_OUT_NOTICE", "SUBMIT_VISIT",
        "REGISTER_RESIDENT", "COMPLETE_TASK");
    assertThat(kirishimaAdmin.get("/api/audit?visitId=" + kagoshimaVisit).getBody()).isEmpty();
    assertThat(ApiClient.as(rest, "admin").get("/api/audit?visitId=" + kirishimaVisit).getBody()
        .findValuesAsText("id")).containsAll(kirishimaEntries.findValuesAsText("id"));
  }

  @Test
  void aMunicipalitysOwnVersionsChangeItsProposalsAndProceduresOnly() {
    // 霧島市 enrols national health insurance at its 市民課, and school children after the move-in rather than at
    // the counter: its own versions of the procedure and of the decision, deployed by its administrator.
    ApiClient kirishimaAdmin = ApiClient.as(rest, "kirishimaAdmin");
    ResponseEntity<JsonNode> deployed = kirishimaAdmin.upload("/api/deployments",
        file("nhi-enrollment.bpmn", resource("/bpmn/nhi-enrollment.bpmn")
            .replace("insurance-pension", "citizens").replace("保険年金課", "市民課")),
        file("move-in-related-procedures.dmn", withoutSchoolEnrollment()));
    assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(deployed.getBody().path("tenantId").asText()).isEqualTo(KIRISHIMA);
    String ownNhiEnrollment = deployed.getBody().path("processes").get(0).path("id").asText();

    ApiClient kirishimaCounter = ApiClient.as(rest, "kirishimaCounter");
    ApiClient kagoshimaCounter = ApiClient.as(rest, "counter");
    JsonNode kirishimaVisit = opened(kirishimaCounter, KIRISHIMA);
    JsonNode kagoshimaVisit = opened(kagoshimaCounter, home.code());

    assertThat(departmentOf(kirishimaVisit, "nhi-enrollment")).isEqualTo("citizens");
    assertThat(kirishimaVisit.path("proposedProcedures").findValuesAsText("processKey"))
        .doesNotContain("school-enrollment");
    assertThat(departmentOf(kagoshimaVisit, "nhi-enrollment")).isEqualTo("insurance-pension");
    assertThat(kagoshimaVisit.path("proposedProcedures").findValuesAsText("processKey"))
        .contains("school-enrollment");
    // Each reads its own settings: the child medical subsidy's age limit is 18 in 鹿児島市, 15 in 霧島市.
    assertThat(reasonsOf(kagoshimaVisit, "child-medical-subsidy")).isNotEmpty()
        .allMatch(reason -> reason.contains("18歳"));
    assertThat(reasonsOf(kirishimaVisit, "child-medical-subsidy")).isNotEmpty()
        .allMatch(reason -> reason.contains("15歳"));

    // Only 霧島市 sees its version, and its case runs on it.
    assertThat(ApiClient.as(rest, "kagoshimaAdmin").get("/engine-rest/process-definition?key=nhi-enrollment")
        .getBody().findValuesAsText("id")).isNotEmpty().doesNotContain(ownNhiEnrollment);
    assertThat(kirishimaAdmin.get("/engine-rest/process-definition?key=nhi-enrollment").getBody()
        .findValuesAsText("id")).contains(ownNhiEnrollment);
    String visitId = kirishimaVisit.path("id").asText();
    kirishimaCounter.put("/api/visits/" + visitId + "/interview", Map.of());
    kirishimaCounter.post("/api/visits/" + visitId + "/submit", Map.of("signaturePng", ApiClient.SIGNATURE_PNG));
    await().atMost(PATIENCE).until(() -> !kirishimaCounter.tasks("counter", visitId).isEmpty());
    JsonNode nhiCase = kirishimaAdmin.get("/engine-rest/process-instance?businessKey=" + visitId
        + "&processDefinitionKey=nhi-enrollment").getBody();
    assertThat(nhiCase.findValuesAsText("definitionId")).containsExactly(ownNhiEnrollment);
    assertThat(departmentOf(kirishimaCounter.get("/api/visits/" + visitId).getBody().path("procedures"),
        "nhi-enrollment")).isEqualTo("citizens");
  }

  @Test
  void municipalitiesAreAddedWithAValidLocalGovernmentCodeByTheInstallationsAdministratorsOnly() {
    ApiClient admin = ApiClient.as(rest, "admin");

    ResponseEntity<JsonNode> wrongCheckDigit = admin.post("/api/tenants",
        Map.of("code", "462031", "name", "鹿屋市", "childMedicalSubsidyAgeLimit", 18));
    assertThat(wrongCheckDigit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrongCheckDigit.getBody().path("error").asText()).isEqualTo("invalid-local-government-code");
    assertThat(wrongCheckDigit.getBody().path("message").asText()).contains("地方公共団体コード");
    assertThat(admin.post("/api/tenants", Map.of("code", "462039", "name", "鹿屋市", "childMedicalSubsidyAgeLimit", 99))
        .getBody().path("error").asText()).isEqualTo("invalid-child-medical-subsidy-age-limit");
    assertThat(codes(admin.get("/api/tenants").getBody())).doesNotContain("462031", "462039");
    assertThat(ApiClient.as(rest, "kirishimaAdmin").post("/api/tenants",
        Map.of("code", "462039", "name", "鹿屋市", "childMedicalSubsidyAgeLimit", 18)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(admin.post("/api/tenants", Map.of("code", "462039", "name", "鹿屋市", "childMedicalSubsidyAgeLimit", 18))
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(codes(admin.get("/api/tenants").getBody())).contains(home.code(), KIRISHIMA, "462039");
    assertThat(codes(ApiClient.as(rest, "kirishimaAdmin").get("/api/tenants").getBody())).containsExactly(KIRISHIMA);
    assertThat(ApiClient.as(rest, "kirishimaAdmin").put("/api/tenants/" + home.code(),
        Map.of("name", "乗っ取り", "childMedicalSubsidyAgeLimit", 0)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(ApiClient.as(rest, "kirishimaAdmin").upload("/api/deployments?tenant=" + home.code(),
        file("nhi-enrollment.bpmn", resource("/bpmn/nhi-enrollment.bpmn"))).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** Opens, interviews (defaults) and submits a visit of the counter's municipality; waits for its tasks. */
  private String submittedVisit(ApiClient counter, String municipalityCode, String familyName, String kana) {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipalityCode, familyName, kana);
    notices.add(notice);
    String visitId = counter.post("/api/visits", Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", notice.id()))
        .getBody().path("id").asText();
    assertThat(counter.put("/api/visits/" + visitId + "/interview", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(counter.post("/api/visits/" + visitId + "/submit", Map.of("signaturePng", ApiClient.SIGNATURE_PNG))
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    await().atMost(PATIENCE).until(() -> !counter.tasks("counter", visitId).isEmpty());
    return visitId;
  }

  private JsonNode opened(ApiClient counter, String municipalityCode) {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipalityCode);
    notices.add(notice);
    ResponseEntity<JsonNode> opened = counter.post("/api/visits",
        Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", notice.id()));
    assertThat(opened.getStatusCode()).as("%s", opened.getBody()).isEqualTo(HttpStatus.CREATED);
    return opened.getBody();
  }

  /** The department of the procedure {@code processKey} in a visit's proposals or started procedures. */
  private static String departmentOf(JsonNode visitOrProcedures, String processKey) {
    JsonNode procedures = visitOrProcedures.isArray() ? visitOrProcedures
        : visitOrProcedures.path("proposedProcedures");
    for (JsonNode procedure : procedures) {
      if (processKey.equals(procedure.path("processKey").asText())) {
        return procedure.path("department").asText();
      }
    }
    return null;
  }

  private static List<String> reasonsOf(JsonNode visit, String processKey) {
    List<String> reasons = new ArrayList<>();
    visit.path("proposedProcedures").forEach(procedure -> {
      if (processKey.equals(procedure.path("processKey").asText())) {
        reasons.addAll(procedure.path("reasons").findValuesAsText("text"));
      }
    });
    return reasons;
  }

  /** The shared decision without its school enrollment rules. */
  private static String withoutSchoolEnrollment() {
    DmnModelInstance decision = Dmn.readModelFromStream(
        TenantIsolationIT.class.getResourceAsStream("/dmn/move-in-related-procedures.dmn"));
    for (String ruleId : List.of("Rule_school-elementary", "Rule_school-junior-high")) {
      Rule rule = decision.getModelElementById(ruleId);
      rule.getParentElement().removeChildElement(rule);
    }
    return Dmn.convertToString(decision);
  }

  private static String resource(String path) {
    try (InputStream in = TenantIsolationIT.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String addressedTo(String noticeId) {
    return notices.find(noticeId).orElseThrow().toMunicipalityCode();
  }

  private static void assertNotFound(ResponseEntity<JsonNode> response, String error) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody().path("error").asText()).isEqualTo(error);
  }

  private static List<String> ids(JsonNode list) {
    return list.findValuesAsText("id");
  }

  private static List<String> visitIds(JsonNode tasks) {
    return tasks.findValuesAsText("visitId");
  }

  private static List<String> codes(JsonNode tenants) {
    return tenants.findValuesAsText("code");
  }
}
