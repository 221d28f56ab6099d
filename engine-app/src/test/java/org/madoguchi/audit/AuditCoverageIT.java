package org.madoguchi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path to a resident's data leaves an entry naming the staff member and the visit — the Visit API, a
 * task's application, a signed PDF, Camunda's REST API reading or writing process variables — and the log
 * is a hash chain in which a changed or removed entry is found.
 */
@ApplicationOnH2
class AuditCoverageIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  EmbeddedMoveOutNoticeConnector notices;
  @Autowired
  MunicipalityProperties municipality;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  AuditChain chain;
  @Autowired
  JdbcClient jdbc;

  @Test
  void eachPathToAResidentsDataIsOnRecordWithTheStaffMemberAndTheVisit() {
    String visitId = submittedVisit();
    ApiClient counter = ApiClient.as(rest, "counter");
    ApiClient admin = ApiClient.as(rest, "admin");
    String taskId = counter.tasks("counter", visitId).get(0).path("id").asText();
    String procedureInstance = counter.tasks("counter", visitId).get(0).path("processInstanceId").asText();

    counter.get("/api/visits/" + visitId);
    counter.get("/api/tasks/" + taskId);
    String documentId = counter.get("/api/visits/" + visitId + "/documents").getBody().get(0).path("id").asText();
    assertThat(rest.withBasicAuth("counter", "counter").getForEntity("/api/documents/" + documentId, byte[].class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(admin.get("/engine-rest/process-instance/" + procedureInstance + "/variables").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(admin.get("/engine-rest/task/" + taskId + "/form-variables").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(admin.put("/engine-rest/process-instance/" + procedureInstance + "/variables/officeNote",
        Map.of("value", "確認済み", "type", "String")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(admin.get("/engine-rest/variable-instance?processInstanceIdIn=" + procedureInstance).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(admin.get("/engine-rest/process-instance/no-such-instance/variables").getStatusCode().value())
        .isGreaterThanOrEqualTo(400);
    // Working a task, which Madoguchi does as itself after its checks: the engine's operation log does not name
    // the staff member, the audit log does.
    assertThat(counter.post("/api/tasks/" + taskId + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(counter.post("/api/tasks/" + taskId + "/complete", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode entries = admin.get("/api/audit?visitId=" + visitId).getBody();
    assertThat(actionsBy(entries, "counter")).contains("READ_VISIT", "READ_TASK", "READ_DOCUMENT", "CLAIM_TASK",
        "COMPLETE_TASK");
    assertThat(actionsBy(entries, "admin")).containsExactly("READ_ENGINE_VARIABLES", "READ_ENGINE_VARIABLES",
        "WRITE_ENGINE_VARIABLES");
    assertThat(entries.toString()).contains("/process-instance/" + procedureInstance + "/variables",
        "/task/" + taskId + "/form-variables").doesNotContain("確認済み");
    assertThat(jdbc.sql("select count(*) from audit_entry where action = 'READ_ENGINE_VARIABLES' and detail like ?")
        .param("%/variable-instance [processInstanceIdIn]").query(Long.class).single()).isGreaterThanOrEqualTo(1);
    assertThat(jdbc.sql("select count(*) from audit_entry where detail like ?").param("%no-such-instance%")
        .query(Long.class).single()).isZero();
  }

  @Test
  void pollingAVisitsProgressReadsNoResidentsDataAndLeavesNoEntry() {
    String visitId = submit();
    ApiClient counter = ApiClient.as(rest, "counter");
    int toAccept = counter.tasks("counter", visitId).size();
    long entriesBefore = entriesOf(visitId);

    JsonNode progress = null;
    for (int poll = 0; poll < 3; poll++) {
      ResponseEntity<JsonNode> answer = counter.get("/api/visits/" + visitId + "/progress");
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
      progress = answer.getBody();
    }

    assertThat(progress.properties()).extracting(Map.Entry::getKey)
        .containsExactly("visitId", "status", "incident", "procedures", "accepted", "completed");
    assertThat(progress.path("status").asText()).isEqualTo("ACCEPTING");
    assertThat(progress.path("incident").asBoolean()).isFalse();
    assertThat(progress.path("procedures").asInt()).isPositive().isEqualTo(toAccept);
    assertThat(progress.path("accepted").asInt()).isZero();
    assertThat(progress.path("completed").asInt()).isZero();
    assertThat(entriesOf(visitId)).isEqualTo(entriesBefore);
    // the whole view shows the household: that read is on record
    counter.get("/api/visits/" + visitId);
    assertThat(entriesOf(visitId)).isEqualTo(entriesBefore + 1);

    String accept = counter.tasks("counter", visitId).get(0).path("id").asText();
    counter.post("/api/tasks/" + accept + "/complete", Map.of());
    assertThat(counter.get("/api/visits/" + visitId + "/progress").getBody().path("accepted").asInt()).isEqualTo(1);
    assertThat(ApiClient.as(rest, "hoken").get("/api/visits/" + visitId + "/progress").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(counter.get("/api/visits/no-such-visit/progress").getBody().path("error").asText())
        .isEqualTo("visit-not-found");
  }

  @Test
  void completingATaskNoListHasShownNamesTheResidentsOfItsCase() {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
    String visitId = MoveInDriver.accepted(rest, notice.id());
    // found in the engine, not through Madoguchi's list: completing it must read whom its case concerns
    Task check = taskService.createTaskQuery().processInstanceBusinessKey(visitId)
        .taskCandidateGroup("insurance-pension").list().get(0);
    String atenaNumbers = (String) runtimeService.getVariable(check.getProcessInstanceId(), "atenaNumbers");

    assertThat(ApiClient.as(rest, "hoken").post("/api/tasks/" + check.getId() + "/complete", Map.of())
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(jdbc.sql("select resident_ref from audit_entry where visit_id = ? and actor = 'hoken' "
            + "and action = 'COMPLETE_TASK'").param(visitId).query(String.class).list())
        .isNotEmpty().containsExactlyInAnyOrder(atenaNumbers.split(","));
  }

  private long entriesOf(String visitId) {
    return jdbc.sql("select count(*) from audit_entry where visit_id = ?").param(visitId).query(Long.class).single();
  }

  @Test
  void aChangedOrRemovedEntryBreaksTheChainAtThatEntry() {
    ApiClient admin = ApiClient.as(rest, "admin");
    submittedVisit();
    chain.sealWrittenBefore(Instant.now().plusSeconds(1));
    AuditChain.Verification sealed = chain.verify();
    assertThat(sealed.intact()).isTrue();
    assertThat(sealed.sealed()).isGreaterThan(5);
    assertThat(admin.get("/api/audit/verify").getBody().path("intact").asBoolean()).isTrue();

    Map<String, Object> victim = jdbc.sql("select id, chain_position, detail from audit_entry "
        + "where chain_position = ?").param(sealed.sealed() / 2).query().singleRow();
    long position = ((Number) victim.get("chain_position")).longValue();
    try {
      jdbc.sql("update audit_entry set detail = ? where id = ?").params("書き換え", victim.get("id")).update();
      JsonNode changed = admin.get("/api/audit/verify").getBody();
      assertThat(changed.path("intact").asBoolean()).isFalse();
      assertThat(changed.path("brokenAtPosition").asLong()).isEqualTo(position);
      assertThat(changed.path("problem").asText()).contains("changed");
    } finally {
      jdbc.sql("update audit_entry set detail = ? where id = ?").params(victim.get("detail"), victim.get("id")).update();
    }
    assertThat(chain.verify().intact()).isTrue();

    // Removing an entry: the chain misses a position (put back afterwards, so the shared log stays whole).
    Map<String, Object> row = jdbc.sql("select * from audit_entry where id = ?").param(victim.get("id")).query()
        .singleRow();
    jdbc.sql("delete from audit_entry where id = ?").param(victim.get("id")).update();
    try {
      AuditChain.Verification removed = chain.verify();
      assertThat(removed.intact()).isFalse();
      assertThat(removed.brokenAtPosition()).isEqualTo(position);
      assertThat(removed.problem()).contains("missing");
    } finally {
      putBack(row);
    }
    assertThat(chain.verify().intact()).isTrue();

    // Rotation: the oldest entries exported and deleted; the chain goes on from the first entry kept, whose
    // previous hash is the export's last.
    List<Map<String, Object>> oldest = jdbc.sql("select * from audit_entry where chain_position <= 3 "
        + "order by chain_position").query().listOfRows();
    jdbc.sql("delete from audit_entry where chain_position <= 3").update();
    try {
      AuditChain.Verification rotated = chain.verify();
      assertThat(rotated.intact()).isTrue();
      assertThat(rotated.firstPosition()).isEqualTo(4);
      assertThat(jdbc.sql("select previous_hash from audit_entry where chain_position = 4").query(String.class)
          .single()).isEqualTo(oldest.get(2).get("ENTRY_HASH"));
    } finally {
      oldest.forEach(this::putBack);
    }
    assertThat(chain.verify().firstPosition()).isEqualTo(1);
  }

  private void putBack(Map<String, Object> row) {
    jdbc.sql("insert into audit_entry (id, occurred_at, actor, action, visit_id, resident_ref, detail, "
            + "municipality_code, chain_position, previous_hash, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(row.get("ID"), row.get("OCCURRED_AT"), row.get("ACTOR"), row.get("ACTION"), row.get("VISIT_ID"),
            row.get("RESIDENT_REF"), row.get("DETAIL"), row.get("MUNICIPALITY_CODE"), row.get("CHAIN_POSITION"),
            row.get("PREVIOUS_HASH"), row.get("ENTRY_HASH"))
        .update();
  }

  @Test
  void anExportCarriesTheChainAndRefusesABadPeriod() {
    ApiClient admin = ApiClient.as(rest, "admin");
    submittedVisit();
    chain.sealWrittenBefore(Instant.now().plusSeconds(1));
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString();
    String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusDays(1).toString();

    JsonNode exported = admin.get("/api/audit/export?from=" + today + "&to=" + tomorrow).getBody();

    assertThat(exported.size()).isGreaterThan(5);
    JsonNode first = exported.get(0);
    assertThat(first.path("hash").asText()).hasSize(64);
    assertThat(first.path("entry").path("action").asText()).isNotBlank();
    assertThat(admin.get("/api/audit/export?from=" + tomorrow + "&to=" + today).getBody().path("error").asText())
        .isEqualTo("invalid-period");
    assertThat(admin.get("/api/audit/export?from=yesterday&to=" + today).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(ApiClient.as(rest, "counter").get("/api/audit/verify").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** One submitted visit for the class: submitting and archiving takes the job executor a while. */
  private static String submitted;

  private String submittedVisit() {
    if (submitted == null) {
      submitted = submit();
    }
    return submitted;
  }

  private String submit() {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
    String visitId = MoveInDriver.submitted(rest, notice.id());
    ApiClient counter = ApiClient.as(rest, "counter");
    await().atMost(Duration.ofSeconds(60)).until(() -> "ACCEPTING".equals(
        counter.get("/api/visits/" + visitId).getBody().path("status").asText())
        && !counter.get("/api/visits/" + visitId + "/documents").getBody().isEmpty());
    return visitId;
  }

  private static List<String> actionsBy(JsonNode entries, String actor) {
    return java.util.stream.StreamSupport.stream(entries.spliterator(), false)
        .filter(entry -> actor.equals(entry.path("actor").asText())).map(entry -> entry.path("action").asText())
        .toList();
  }
}
