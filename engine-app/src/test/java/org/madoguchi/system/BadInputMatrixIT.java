package org.madoguchi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.madoguchi.connectors.notice.CsvMoveOutNoticeImporter;
import org.madoguchi.connectors.notice.EmbeddedMoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.ApplicationOnH2;
import org.madoguchi.support.DemoHouseholds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Bad input across every API, as a matrix: malformed and oversized bodies, unknown ids, invalid check
 * digits, signatures that are not PNG or are huge, path traversal in file names, XML with external
 * entities, expressions in fields. Each answers the expected 4xx with the error shape and a message a
 * person can act on, and changes nothing: no visit, version, task, job, resident, deployment, notice,
 * draft or document more or less.
 */
@ApplicationOnH2
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputMatrixIT {

  private static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  EmbeddedMoveOutNoticeConnector notices;
  @Autowired
  MunicipalityProperties municipality;
  @Autowired
  JdbcClient jdbc;

  private ApiClient counter;
  private ApiClient admin;
  private String pendingNotice;
  private String interviewingNotice;
  private String interviewingVisit;
  private String confirmingVisit;
  private String submittedVisit;
  private String counterTask;

  @BeforeAll
  void visitsInEveryStage() {
    counter = ApiClient.as(rest, "counter");
    admin = ApiClient.as(rest, "admin");
    pendingNotice = addNotice();
    interviewingNotice = addNotice();
    interviewingVisit = open(interviewingNotice);
    confirmingVisit = open(addNotice());
    assertThat(counter.put("/api/visits/" + confirmingVisit + "/interview", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    String submitted = open(addNotice());
    counter.put("/api/visits/" + submitted + "/interview", Map.of());
    counter.post("/api/visits/" + submitted + "/submit", Map.of("signaturePng", ApiClient.SIGNATURE_PNG));
    await().atMost(Duration.ofSeconds(90)).until(() -> !counter.tasks("counter", submitted).isEmpty());
    counterTask = counter.tasks("counter", submitted).get(0).path("id").asText();
    submittedVisit = submitted;
  }

  record Case(String name, HttpStatus status, String error, Supplier<ResponseEntity<JsonNode>> request) {
  }

  @TestFactory
  Stream<DynamicTest> everyBadInputIsRefusedClearlyAndChangesNothing() {
    List<Case> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      State before = state();

      ResponseEntity<JsonNode> response = c.request().get();

      assertThat(response.getStatusCode()).as(c.name() + ": " + response.getBody()).isEqualTo(c.status());
      JsonNode body = response.getBody();
      assertThat(body).as(c.name()).isNotNull();
      if (c.error() != null) {
        assertThat(body.path("error").asText()).as(c.name()).isEqualTo(c.error());
      }
      assertThat(body.path("message").asText()).as(c.name()).isNotBlank()
          .doesNotContain("Exception").doesNotContain("at org.").doesNotContain("root:");
      assertThat(state()).as(c.name()).isEqualTo(before);
    }));
  }

  private List<Case> cases() {
    String head = "m-unknown";
    List<Case> cases = new ArrayList<>();
    // Visit API
    cases.add(new Case("malformed JSON", HttpStatus.BAD_REQUEST, "malformed-request",
        () -> counter.send(HttpMethod.POST, "/api/visits", "{\"lifeEvent\": \"MOVE_IN\", ")));
    cases.add(new Case("JSON array instead of an object", HttpStatus.BAD_REQUEST, "malformed-request",
        () -> counter.send(HttpMethod.POST, "/api/visits", "[\"MOVE_IN\"]")));
    cases.add(new Case("oversized JSON (5 MB)", HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large",
        () -> counter.send(HttpMethod.POST, "/api/visits",
            "{\"lifeEvent\":\"MOVE_IN\",\"moveOutNoticeId\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}")));
    cases.add(new Case("unknown life event", HttpStatus.BAD_REQUEST, "unknown-life-event",
        () -> counter.post("/api/visits", Map.of("lifeEvent", "MARRIAGE", "moveOutNoticeId", pendingNotice))));
    cases.add(new Case("expression as life event", HttpStatus.BAD_REQUEST, "unknown-life-event",
        () -> counter.post("/api/visits", Map.of("lifeEvent", "${runtimeService}", "moveOutNoticeId", pendingNotice))));
    cases.add(new Case("unknown move-out notice", HttpStatus.BAD_REQUEST, "unknown-move-out-notice",
        () -> counter.post("/api/visits", Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", "N999999"))));
    cases.add(new Case("missing move-out notice", HttpStatus.BAD_REQUEST, "missing-move-out-notice",
        () -> counter.post("/api/visits", Map.of("lifeEvent", "MOVE_IN"))));
    cases.add(new Case("a second visit for a notice whose visit is open", HttpStatus.CONFLICT, "visit-already-open",
        () -> counter.post("/api/visits", Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", interviewingNotice))));
    cases.add(new Case("a call without signing in", HttpStatus.UNAUTHORIZED, "unauthenticated",
        () -> rest.getForEntity("/api/move-out-notices", JsonNode.class)));
    cases.add(new Case("department staff opening a visit", HttpStatus.FORBIDDEN, "forbidden",
        () -> ApiClient.as(rest, "hoken").post("/api/visits", Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId",
            pendingNotice))));
    cases.add(new Case("unknown visit", HttpStatus.NOT_FOUND, "visit-not-found",
        () -> counter.get("/api/visits/no-such-visit")));
    cases.add(new Case("encoded path traversal in a visit id", HttpStatus.BAD_REQUEST, "rejected-request",
        () -> counter.get("/api/visits/..%2F..%2Fetc%2Fpasswd")));
    cases.add(new Case("interview for an unknown visit", HttpStatus.NOT_FOUND, "visit-not-found",
        () -> counter.put("/api/visits/no-such-visit/interview", Map.of())));
    cases.add(new Case("interview answer to an unknown question", HttpStatus.BAD_REQUEST, "unknown-question",
        () -> counter.put("/api/visits/" + interviewingVisit + "/interview",
            Map.of("household", Map.of("favouriteColour", "blue")))));
    cases.add(new Case("interview answer for someone outside the household", HttpStatus.BAD_REQUEST, "unknown-member",
        () -> counter.put("/api/visits/" + interviewingVisit + "/interview",
            Map.of("members", Map.of(head, Map.of("wantsSealRegistration", true))))));
    cases.add(new Case("FEEL expression as a date answer", HttpStatus.BAD_REQUEST, "invalid-answer",
        () -> counter.put("/api/visits/" + interviewingVisit + "/interview",
            Map.of("household", Map.of("moveInDate", "date(\"2026-01-01\") + duration(\"P1D\")")))));
    cases.add(new Case("FEEL path as a member answer", HttpStatus.BAD_REQUEST, "invalid-answer",
        () -> counter.put("/api/visits/" + interviewingVisit + "/interview",
            Map.of("household", Map.of("mainSupporterMemberId", "household.headMemberId")))));
    cases.add(new Case("future move-in date", HttpStatus.BAD_REQUEST, "invalid-answer",
        () -> counter.put("/api/visits/" + interviewingVisit + "/interview",
            Map.of("household", Map.of("moveInDate", LocalDate.now().plusDays(5).toString())))));
    cases.add(new Case("text answer beyond 200 characters", HttpStatus.BAD_REQUEST, "invalid-answer",
        () -> counter.put("/api/visits/" + interviewingVisit + "/interview",
            Map.of("household", Map.of("phoneNumber", "0".repeat(201))))));
    cases.add(new Case("submit before the interview", HttpStatus.CONFLICT, "interview-not-recorded",
        () -> counter.post("/api/visits/" + interviewingVisit + "/submit", Map.of("signaturePng", ApiClient.SIGNATURE_PNG))));
    cases.add(new Case("signature that is not a PNG", HttpStatus.BAD_REQUEST, "invalid-signature",
        () -> counter.post("/api/visits/" + confirmingVisit + "/submit",
            Map.of("signaturePng", Base64.getEncoder().encodeToString("<svg onload=alert(1)/>".getBytes())))));
    cases.add(new Case("signature that is not base64", HttpStatus.BAD_REQUEST, "invalid-signature",
        () -> counter.post("/api/visits/" + confirmingVisit + "/submit", Map.of("signaturePng", "%%%%"))));
    cases.add(new Case("huge signature (1 MB)", HttpStatus.BAD_REQUEST, "invalid-signature",
        () -> counter.post("/api/visits/" + confirmingVisit + "/submit",
            Map.of("signaturePng", Base64.getEncoder().encodeToString(new byte[1024 * 1024])))));
    cases.add(new Case("submitting a submitted visit again", HttpStatus.CONFLICT, "visit-already-submitted",
        () -> counter.post("/api/visits/" + submittedVisit + "/submit", Map.of("signaturePng", ApiClient.SIGNATURE_PNG))));
    cases.add(new Case("missing signature", HttpStatus.BAD_REQUEST, "missing-signature",
        () -> counter.post("/api/visits/" + confirmingVisit + "/submit", Map.of())));
    // Card
    cases.add(new Case("PIN that is not four digits", HttpStatus.BAD_REQUEST, "invalid-pin",
        () -> counter.post("/api/visits/from-card", Map.of("lifeEvent", "MOVE_IN", "pin", "12345"))));
    // Task API
    cases.add(new Case("unknown task", HttpStatus.NOT_FOUND, "task-not-found",
        () -> counter.get("/api/tasks/no-such-task")));
    cases.add(new Case("completing an unknown task", HttpStatus.NOT_FOUND, "task-not-found",
        () -> counter.post("/api/tasks/no-such-task/complete", Map.of())));
    cases.add(new Case("form value overwriting a process variable", HttpStatus.BAD_REQUEST, "invalid-field",
        () -> counter.post("/api/tasks/" + counterTask + "/complete", Map.of("decision", "RETURN"))));
    cases.add(new Case("expression as a form field name", HttpStatus.BAD_REQUEST, "invalid-field",
        () -> counter.post("/api/tasks/" + counterTask + "/complete", Map.of("${execution.setVariable('x',1)}", 1))));
    cases.add(new Case("object as a form value", HttpStatus.BAD_REQUEST, "invalid-value",
        () -> counter.post("/api/tasks/" + counterTask + "/complete", Map.of("note", Map.of("nested", true)))));
    cases.add(new Case("return without a reason", HttpStatus.BAD_REQUEST, "missing-reason",
        () -> counter.post("/api/tasks/" + counterTask + "/return", Map.of("reason", " "))));
    cases.add(new Case("return with a reason beyond 500 characters", HttpStatus.BAD_REQUEST, "reason-too-long",
        () -> counter.post("/api/tasks/" + counterTask + "/return", Map.of("reason", "理".repeat(501)))));
    cases.add(new Case("another department's task", HttpStatus.FORBIDDEN, "not-your-department",
        () -> ApiClient.as(rest, "hoken").post("/api/tasks/" + counterTask + "/complete", Map.of())));
    // Move-out notice import
    cases.add(new Case("CSV with a wrong local government code check digit", HttpStatus.UNPROCESSABLE_ENTITY,
        "invalid-csv", () -> csv(noticeCsv("BAD1", "462013").getBytes(StandardCharsets.UTF_8))));
    cases.add(new Case("CSV in Shift_JIS", HttpStatus.UNPROCESSABLE_ENTITY, "invalid-csv",
        () -> csv(noticeCsv("SJIS1", "462012").getBytes(Charset.forName("Shift_JIS")))));
    // Deployment
    cases.add(new Case("bundle with broken XML", HttpStatus.UNPROCESSABLE_ENTITY, "invalid-bundle",
        () -> deploy("broken.bpmn", "<bpmn:definitions><unclosed>")));
    cases.add(new Case("bundle with an external entity", HttpStatus.UNPROCESSABLE_ENTITY, "invalid-bundle",
        () -> deploy("xxe.bpmn", XXE + "<definitions name=\"&x;\"/>")));
    cases.add(new Case("bundle file name with path traversal", HttpStatus.UNPROCESSABLE_ENTITY, "invalid-bundle",
        () -> deploy("../../etc/evil.bpmn", "<definitions/>")));
    cases.add(new Case("bundle file that is not a model", HttpStatus.UNPROCESSABLE_ENTITY, "invalid-bundle",
        () -> deploy("notes.txt", "hello")));
    // Modeler drafts
    cases.add(new Case("draft with an external entity", HttpStatus.BAD_REQUEST, null,
        () -> ApiClient.as(rest, "advisor").post("/api/drafts",
            Map.of("name", "xxe", "bpmnXml", XXE + "<definitions name=\"&x;\"/>"))));
    // Audit and migration (administrators)
    cases.add(new Case("audit query without a filter", HttpStatus.BAD_REQUEST, "missing-filter",
        () -> admin.get("/api/audit")));
    cases.add(new Case("audit export with the period reversed", HttpStatus.BAD_REQUEST, "invalid-period",
        () -> admin.get("/api/audit/export?from=2026-11-02&to=2026-11-01")));
    cases.add(new Case("migration between unknown versions", HttpStatus.NOT_FOUND, null,
        () -> admin.post("/api/migrations", Map.of("sourceDefinitionId", "nope:1", "targetDefinitionId", "nope:2",
            "dryRun", true))));
    cases.add(new Case("unknown document", HttpStatus.NOT_FOUND, null,
        () -> counter.get("/api/documents/no-such-document")));
    return cases;
  }

  private ResponseEntity<JsonNode> csv(byte[] body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("text/csv"));
    return rest.withBasicAuth("admin", "admin")
        .postForEntity("/api/move-out-notices/import", new HttpEntity<>(body, headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> deploy(String fileName, String content) {
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    HttpHeaders part = new HttpHeaders();
    part.setContentDispositionFormData("files", fileName);
    body.add("files", new HttpEntity<>(new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return fileName;
      }
    }, part));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth("admin", "admin").postForEntity("/api/deployments", new HttpEntity<>(body, headers),
        JsonNode.class);
  }

  private static String noticeCsv(String id, String toMunicipalityCode) {
    return String.join(",", CsvMoveOutNoticeImporter.COLUMNS) + "\n" + String.join(",", List.of(id,
        "ONLINE_MOVING_SERVICE", toMunicipalityCode, "401331", "福岡市中央区", "福岡県福岡市中央区天神二丁目3番4号", "", "",
        "892-8677", "鹿児島県鹿児島市山下町11番1号", "", id + "-1", "霧島", "一", "キリシマ", "ハジメ", "1985-04-02", "1",
        "世帯主", "1", "1", "0", "0", "1", "0", "0")) + "\n";
  }

  private String addNotice() {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
    return notice.id();
  }

  private String open(String noticeId) {
    ResponseEntity<JsonNode> opened = counter.post("/api/visits", Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId",
        noticeId));
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return opened.getBody().path("id").asText();
  }

  /** Measured once the jobs the shared application has pending have run, so only the request counts. */
  private State state() {
    await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from ACT_RU_JOB where RETRIES_ > 0") == 0);
    return new State(count("select count(*) from visit"), count("select coalesce(sum(version), 0) from visit"),
        count("select count(*) from ACT_RU_TASK"), count("select count(*) from ACT_RU_JOB"),
        count("select count(*) from resident"), count("select count(*) from ACT_RE_DEPLOYMENT"),
        count("select count(*) from move_out_notice"), count("select count(*) from model_draft"),
        count("select count(*) from application_document"));
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private record State(long visits, long visitVersions, long tasks, long jobs, long residents, long deployments,
      long notices, long drafts, long documents) {
  }
}
