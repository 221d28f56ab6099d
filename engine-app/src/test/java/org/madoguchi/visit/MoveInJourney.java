package org.madoguchi.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madoguchi.connectors.notice.EmbeddedMoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.DemoHouseholds;
import org.madoguchi.system.MunicipalityProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole move-in of the seeds' 5-person household through the Visit and task APIs: the counter opens the
 * visit from the move-out notice, records the interview and submits the signed applications; each
 * department then works its own task list until the visit shows every procedure done. Runs on each database.
 */
abstract class MoveInJourney {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Autowired
  TestRestTemplate rest;
  @Autowired
  EmbeddedMoveOutNoticeConnector notices;
  @Autowired
  MunicipalityProperties municipality;
  @Autowired
  JdbcClient jdbc;

  @Test
  void familyOfFiveMovesInAndEveryDepartmentCompletesItsProcedures() {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
    ApiClient counter = ApiClient.as(rest, "counter");
    String head = notice.members().get(0).id();

    // The counter finds the notice sent ahead and opens the visit: the household arrives prefilled.
    assertThat(counter.get("/api/move-out-notices").getBody().findValuesAsText("id")).contains(notice.id());
    ResponseEntity<JsonNode> opened = counter.post("/api/visits",
        Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", notice.id()));
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode visit = opened.getBody();
    String visitId = visit.path("id").asText();
    assertThat(visit.path("status").asText()).isEqualTo("INTERVIEW");
    assertThat(visit.path("household").path("members")).hasSize(5);
    JsonNode firstMember = visit.path("household").path("members").get(0);
    assertThat(firstMember.path("familyName").asText()).isEqualTo("薩摩");
    assertThat(firstMember.path("givenNameKana").asText()).isEqualTo("タロウ");
    assertThat(firstMember.path("birthDateJapanese").asText()).startsWith("昭和").contains("年");
    assertThat(procedureKeys(visit.path("proposedProcedures"))).contains("nhi-enrollment", "child-allowance")
        .doesNotContain("seal-registration");

    // Interview: only what no system knows. The head asks for seal registration.
    ResponseEntity<JsonNode> interviewed = counter.put("/api/visits/" + visitId + "/interview", Map.of(
        "household", Map.of("moveInDate", LocalDate.now().minusDays(1).toString(), "mainSupporterMemberId", head),
        "members", Map.of(head, Map.of("wantsSealRegistration", true))));
    assertThat(interviewed.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode proposed = interviewed.getBody().path("proposedProcedures");
    assertThat(procedureKeys(proposed)).containsExactlyInAnyOrder("nhi-enrollment", "national-pension",
        "national-pension", "child-allowance", "child-medical-subsidy", "school-enrollment", "school-enrollment",
        "seal-registration");
    assertThat(interviewed.getBody().path("status").asText()).isEqualTo("CONFIRMATION");

    // One signature, then the move-in is registered and every procedure starts in its department.
    ResponseEntity<JsonNode> submitted = counter.post("/api/visits/" + visitId + "/submit",
        Map.of("signaturePng", ApiClient.SIGNATURE_PNG));
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    JsonNode started = await().atMost(PATIENCE).until(() -> counter.get("/api/visits/" + visitId).getBody(),
        v -> "ACCEPTING".equals(v.path("status").asText()));
    assertThat(started.path("household").path("householdNumber").asText()).hasSize(10);
    assertThat(started.path("procedures")).hasSize(8);
    started.path("procedures").forEach(p -> {
      assertThat(p.path("state").asText()).isEqualTo("ACCEPTING");
      assertThat(p.path("processInstanceId").asText()).isNotBlank();
    });
    assertThat(jdbc.sql("select count(*) from resident where registered_by_visit = ?").param(visitId)
        .query(Integer.class).single()).isEqualTo(5);

    // The counter accepts each application; the visit is then done at the counter.
    List<JsonNode> acceptTasks = counter.tasks("counter", visitId);
    assertThat(acceptTasks).hasSize(8).allMatch(t -> "Accept".equals(t.path("taskDefinitionKey").asText()));
    acceptTasks.forEach(task -> complete(counter, task));
    assertThat(counter.get("/api/visits/" + visitId).getBody().path("status").asText()).isEqualTo("ACCEPTED");

    // Insurance and pension returns the NHI check once; the counter corrects it.
    ApiClient insurance = ApiClient.as(rest, "hoken");
    JsonNode nhiCheck = insurance.tasks("insurance-pension", visitId).stream()
        .filter(t -> "nhi-enrollment".equals(t.path("processKey").asText())).findFirst().orElseThrow();
    assertThat(insurance.post("/api/tasks/" + nhiCheck.path("id").asText() + "/claim", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(insurance.post("/api/tasks/" + nhiCheck.path("id").asText() + "/return",
        Map.of("reason", "前住所地の資格喪失日が未確認です")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    List<JsonNode> corrections = counter.tasks("counter", visitId);
    assertThat(corrections).singleElement().satisfies(task -> {
      assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("Correct");
      assertThat(task.path("returnReason").asText()).isEqualTo("前住所地の資格喪失日が未確認です");
    });
    complete(counter, corrections.get(0));

    // Each department checks and approves its own cases.
    for (String[] department : new String[][] {{"hoken", "insurance-pension"}, {"kosodate", "child-support"},
        {"gakko", "school-education"}, {"shimin", "citizens"}}) {
      ApiClient staff = ApiClient.as(rest, department[0]);
      for (int round = 0; round < 2; round++) {
        List<JsonNode> tasks = staff.tasks(department[1], visitId);
        assertThat(tasks).isNotEmpty();
        tasks.forEach(task -> {
          assertThat(staff.post("/api/tasks/" + task.path("id").asText() + "/claim", null).getStatusCode())
              .isEqualTo(HttpStatus.OK);
          complete(staff, task);
        });
      }
      assertThat(staff.tasks(department[1], visitId)).isEmpty();
    }

    // The hand-overs run as jobs; then the visit shows every procedure done.
    JsonNode done = await().atMost(PATIENCE).until(() -> counter.get("/api/visits/" + visitId).getBody(),
        v -> "COMPLETED".equals(v.path("status").asText()));
    done.path("procedures").forEach(p -> assertThat(p.path("state").asText()).isEqualTo("COMPLETED"));
    JsonNode progress = counter.get("/api/visits/" + visitId + "/progress").getBody();
    assertThat(progress.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(List.of(progress.path("procedures").asInt(), progress.path("accepted").asInt(),
        progress.path("completed").asInt())).containsOnly(8);
    assertThat(jdbc.sql("select count(*) from department_handoff where visit_id = ?").param(visitId)
        .query(Integer.class).single()).isEqualTo(8);
  }

  private static void complete(ApiClient staff, JsonNode task) {
    ResponseEntity<JsonNode> response = staff.post("/api/tasks/" + task.path("id").asText() + "/complete",
        Map.of("note", "確認済み"));
    assertThat(response.getStatusCode()).as("completing %s", task.path("name").asText())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  private static List<String> procedureKeys(JsonNode procedures) {
    List<String> keys = new ArrayList<>();
    procedures.forEach(p -> keys.add(p.path("processKey").asText()));
    return keys;
  }
}
