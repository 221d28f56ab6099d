package org.madoguchi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** Reading a household is on record for administrators; the visit board shows who waits, without names. */
@ApplicationOnH2
class AuditAndVisitBoardIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  EmbeddedMoveOutNoticeConnector notices;
  @Autowired
  MunicipalityProperties municipality;

  @Test
  void openingAndReadingAVisitIsAuditedPerMemberAndVisibleToAdministratorsOnly() {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
    ApiClient counter = ApiClient.as(rest, "counter");
    String visitId = counter.post("/api/visits", Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", notice.id()))
        .getBody().path("id").asText();
    counter.get("/api/visits/" + visitId);

    JsonNode entries = ApiClient.as(rest, "admin").get("/api/audit?visitId=" + visitId).getBody();

    List<String> actions = new ArrayList<>();
    entries.forEach(entry -> {
      assertThat(entry.path("actor").asText()).isEqualTo("counter");
      assertThat(entry.path("occurredAt").asText()).isNotBlank();
      actions.add(entry.path("action").asText());
    });
    assertThat(actions).containsExactly("READ_MOVE_OUT_NOTICE", "READ_MOVE_OUT_NOTICE", "READ_MOVE_OUT_NOTICE",
        "READ_MOVE_OUT_NOTICE", "READ_MOVE_OUT_NOTICE", "READ_VISIT");
    assertThat(ApiClient.as(rest, "admin").get("/api/audit?residentId=" + notice.members().get(2).id()).getBody())
        .singleElement().satisfies(entry -> assertThat(entry.path("visitId").asText()).isEqualTo(visitId));
    assertThat(counter.get("/api/audit?visitId=" + visitId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(ApiClient.as(rest, "admin").get("/api/audit").getBody().path("error").asText())
        .isEqualTo("missing-filter");
  }

  @Test
  void visitBoardListsVisitsStillAtTheCounterWithTheirWaitingTime() {
    MoveOutNotice notice = DemoHouseholds.familyOfFive(municipality.code());
    notices.add(notice);
    ApiClient counter = ApiClient.as(rest, "counter");
    String visitId = counter.post("/api/visits", Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", notice.id()))
        .getBody().path("id").asText();

    JsonNode board = counter.get("/api/visits").getBody();

    JsonNode line = null;
    for (JsonNode entry : board) {
      if (visitId.equals(entry.path("id").asText())) {
        line = entry;
      }
    }
    assertThat(line).isNotNull();
    assertThat(line.path("status").asText()).isEqualTo("INTERVIEW");
    assertThat(line.path("memberCount").asInt()).isEqualTo(5);
    assertThat(line.path("waitingMinutes").asLong()).isNotNegative();
    assertThat(board.toString()).doesNotContain("薩摩");
  }
}
