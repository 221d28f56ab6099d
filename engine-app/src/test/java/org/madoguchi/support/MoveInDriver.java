package org.madoguchi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Drives a move-in from notice to every procedure completed through the API, for tests about its traces. */
public final class MoveInDriver {

  /** Staff users (demo passwords) and the group each works: the counter, then the departments. */
  private static final List<String[]> STAFF = List.of(new String[] {"counter", "counter"},
      new String[] {"hoken", "insurance-pension"}, new String[] {"kaigo", "long-term-care"},
      new String[] {"kosodate", "child-support"}, new String[] {"gakko", "school-education"},
      new String[] {"shimin", "citizens"});
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private MoveInDriver() {
  }

  /** Opens, interviews (defaults), signs and submits, then works every task; returns the visit id. */
  public static String completeMoveIn(TestRestTemplate rest, String noticeId) {
    ApiClient counter = ApiClient.as(rest, "counter");
    String visitId = counter.post("/api/visits", Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", noticeId))
        .getBody().path("id").asText();
    assertThat(counter.put("/api/visits/" + visitId + "/interview", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(counter.post("/api/visits/" + visitId + "/submit", Map.of("signaturePng", ApiClient.SIGNATURE_PNG))
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    await().atMost(PATIENCE).until(() -> "ACCEPTING".equals(status(counter, visitId)));
    workTasks(rest, visitId);
    await().atMost(PATIENCE).until(() -> "COMPLETED".equals(status(counter, visitId)));
    return visitId;
  }

  /**
   * Completes every open task of the visit (accept at the counter, then check and approve in each
   * department) until none is left; the hand-overs that follow run as jobs. Returns how many were completed.
   */
  public static int workTasks(TestRestTemplate rest, String visitId) {
    int completed = 0;
    boolean found = true;
    while (found) {
      found = false;
      for (String[] member : STAFF) {
        ApiClient staff = ApiClient.as(rest, member[0]);
        for (JsonNode task : staff.tasks(member[1], visitId)) {
          complete(staff, task);
          completed++;
          found = true;
        }
      }
    }
    return completed;
  }

  /**
   * Opens a visit of the notice's household, interviews it with the defaults, signs and submits it, and waits
   * until the counter has its procedures to accept; returns the visit id.
   */
  public static String submitted(TestRestTemplate rest, String noticeId) {
    ApiClient counter = ApiClient.as(rest, "counter");
    String visitId = counter.post("/api/visits", Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", noticeId))
        .getBody().path("id").asText();
    counter.put("/api/visits/" + visitId + "/interview", Map.of());
    counter.post("/api/visits/" + visitId + "/submit", Map.of("signaturePng", ApiClient.SIGNATURE_PNG));
    await().atMost(PATIENCE).until(() -> !counter.tasks("counter", visitId).isEmpty());
    return visitId;
  }

  /** {@link #submitted}, then the counter accepts every application: the departments have their cases. */
  public static String accepted(TestRestTemplate rest, String noticeId) {
    String visitId = submitted(rest, noticeId);
    ApiClient counter = ApiClient.as(rest, "counter");
    counter.tasks("counter", visitId).forEach(task -> complete(counter, task));
    return visitId;
  }

  private static String status(ApiClient counter, String visitId) {
    return counter.get("/api/visits/" + visitId).getBody().path("status").asText();
  }

  private static void complete(ApiClient staff, JsonNode task) {
    assertThat(staff.post("/api/tasks/" + task.path("id").asText() + "/complete", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }
}
