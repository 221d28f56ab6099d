package org.madoguchi.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.connectors.notice.EmbeddedMoveOutNoticeConnector;
import org.madoguchi.connectors.notice.MoveOutNotice;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.ApplicationOnH2;
import org.madoguchi.support.DemoHouseholds;
import org.madoguchi.system.MunicipalityProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input gets a 4xx with the JSON error shape and a readable message, and changes nothing. */
@ApplicationOnH2
class VisitApiBadInputIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  EmbeddedMoveOutNoticeConnector notices;
  @Autowired
  MunicipalityProperties municipality;
  @Autowired
  JdbcClient jdbc;

  private ApiClient counter;
  private MoveOutNotice notice;

  @BeforeEach
  void household() {
    counter = ApiClient.as(rest, "counter");
    notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
  }

  @Test
  void unknownMoveOutNoticeIsRefusedAndOpensNothing() {
    State before = state();

    ResponseEntity<JsonNode> response = counter.post("/api/visits",
        Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", "N999999"));

    assertError(response, HttpStatus.BAD_REQUEST, "unknown-move-out-notice");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void unknownLifeEventIsRefused() {
    State before = state();

    ResponseEntity<JsonNode> response = counter.post("/api/visits",
        Map.of("lifeEvent", "MARRIAGE", "moveOutNoticeId", notice.id()));

    assertError(response, HttpStatus.BAD_REQUEST, "unknown-life-event");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void malformedJsonIsRefusedWithTheErrorShape() {
    State before = state();

    ResponseEntity<JsonNode> response = counter.send(HttpMethod.POST, "/api/visits",
        "{\"lifeEvent\": \"MOVE_IN\", \"moveOutNoticeId\": ");

    assertError(response, HttpStatus.BAD_REQUEST, "malformed-request");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void secondVisitForTheSameNoticeIsRefusedWhileTheFirstIsOpen() {
    String first = open();
    State before = state();

    ResponseEntity<JsonNode> response = counter.post("/api/visits",
        Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", notice.id()));

    assertError(response, HttpStatus.CONFLICT, "visit-already-open");
    assertThat(response.getBody().path("message").asText()).contains(first);
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void interviewAnswerForSomeoneOutsideTheHouseholdIsRefusedAndNothingIsRecorded() {
    String visitId = open();
    State before = state();

    ResponseEntity<JsonNode> response = counter.put("/api/visits/" + visitId + "/interview",
        Map.of("members", Map.of("N000000-9", Map.of("wantsSealRegistration", true))));

    assertError(response, HttpStatus.BAD_REQUEST, "unknown-member");
    assertThat(state()).isEqualTo(before);
    assertThat(counter.get("/api/visits/" + visitId).getBody().path("status").asText()).isEqualTo("INTERVIEW");
  }

  @Test
  void interviewAnswersOfTheWrongKindAreRefused() {
    String visitId = open();
    String head = notice.members().get(0).id();
    State before = state();

    assertError(counter.put("/api/visits/" + visitId + "/interview",
        Map.of("members", Map.of(head, Map.of("wantsSealRegistration", "yes")))),
        HttpStatus.BAD_REQUEST, "invalid-answer");
    assertError(counter.put("/api/visits/" + visitId + "/interview",
        Map.of("household", Map.of("favouriteColour", "blue"))), HttpStatus.BAD_REQUEST, "unknown-question");
    assertError(counter.put("/api/visits/" + visitId + "/interview",
        Map.of("household", Map.of("moveInDate", LocalDate.now().plusDays(3).toString()))),
        HttpStatus.BAD_REQUEST, "invalid-answer");
    assertError(counter.put("/api/visits/" + visitId + "/interview",
        Map.of("household", Map.of("mainSupporterMemberId", "someone-else"))), HttpStatus.BAD_REQUEST,
        "invalid-answer");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void submittingBeforeTheInterviewIsRefusedAndRegistersNothing() {
    String visitId = open();
    State before = state();

    ResponseEntity<JsonNode> response = counter.post("/api/visits/" + visitId + "/submit",
        Map.of("signaturePng", ApiClient.SIGNATURE_PNG));

    assertError(response, HttpStatus.CONFLICT, "interview-not-recorded");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void signatureThatIsNotAPngIsRefused() {
    String visitId = interviewed();
    State before = state();

    ResponseEntity<JsonNode> response = counter.post("/api/visits/" + visitId + "/submit",
        Map.of("signaturePng", java.util.Base64.getEncoder().encodeToString("<svg/>".getBytes())));

    assertError(response, HttpStatus.BAD_REQUEST, "invalid-signature");
    assertThat(state()).isEqualTo(before);
    assertThat(counter.get("/api/visits/" + visitId).getBody().path("status").asText()).isEqualTo("CONFIRMATION");
  }

  @Test
  void submittingTwiceIsRefusedTheSecondTime() {
    String visitId = interviewed();
    assertThat(counter.post("/api/visits/" + visitId + "/submit", Map.of("signaturePng", ApiClient.SIGNATURE_PNG))
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    ResponseEntity<JsonNode> again = counter.post("/api/visits/" + visitId + "/submit",
        Map.of("signaturePng", ApiClient.SIGNATURE_PNG));

    assertError(again, HttpStatus.CONFLICT, "visit-already-submitted");
  }

  @Test
  void unknownVisitIsNotFound() {
    assertError(counter.get("/api/visits/no-such-visit"), HttpStatus.NOT_FOUND, "visit-not-found");
  }

  @Test
  void callsWithoutSignInAreRefusedWithTheErrorShape() {
    ResponseEntity<JsonNode> response = rest.getForEntity("/api/move-out-notices", JsonNode.class);

    assertError(response, HttpStatus.UNAUTHORIZED, "unauthenticated");
  }

  @Test
  void departmentStaffCannotOpenVisits() {
    ResponseEntity<JsonNode> response = ApiClient.as(rest, "hoken").post("/api/visits",
        Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", notice.id()));

    assertError(response, HttpStatus.FORBIDDEN, "forbidden");
  }

  private String open() {
    ResponseEntity<JsonNode> opened = counter.post("/api/visits",
        Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", notice.id()));
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return opened.getBody().path("id").asText();
  }

  private String interviewed() {
    String visitId = open();
    assertThat(counter.put("/api/visits/" + visitId + "/interview", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    return visitId;
  }

  private static void assertError(ResponseEntity<JsonNode> response, HttpStatus status, String code) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getBody().path("error").asText()).isEqualTo(code);
    assertThat(response.getBody().path("message").asText()).isNotBlank()
        .doesNotContain("Exception").doesNotContain("at org.");
  }

  /**
   * What a refused request must leave as it was: visits, their versions, engine tasks and jobs. Measured once
   * the jobs other tests of the shared application left behind have run, so only this test's requests count.
   */
  private State state() {
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> jdbc
        .sql("select count(*) from ACT_RU_JOB where RETRIES_ > 0").query(Integer.class).single() == 0);
    return new State(
        jdbc.sql("select count(*) from visit").query(Integer.class).single(),
        jdbc.sql("select coalesce(sum(version), 0) from visit").query(Integer.class).single(),
        jdbc.sql("select count(*) from ACT_RU_TASK").query(Integer.class).single(),
        jdbc.sql("select count(*) from ACT_RU_JOB").query(Integer.class).single(),
        jdbc.sql("select count(*) from resident").query(Integer.class).single());
  }

  private record State(int visits, int visitVersions, int tasks, int jobs, int residents) {
  }
}
