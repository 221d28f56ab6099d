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

  /** Department users (demo passwords) and the department each works. */
  private static final List<String[]> DEPARTMENTS = List.of(new String[] {"hoken", "insurance-pension"},
      new String[] {"kaigo", "long-term-care"}, new String[] {"kosodate", "child-support"},
      new String[] {"gakko", "school-education"}, new String[] {"shimin", "citizens"});
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
    counter.tasks("counter", visitId).forEach(task -> complete(counter, task));
    for (int round = 0; round < 2; round++) {
      for (String[] department : DEPARTMENTS) {
        ApiClient staff = ApiClient.as(rest, department[0]);
        staff.tasks(department[1], visitId).forEach(task -> complete(staff, task));
      }
    }
    await().atMost(PATIENCE).until(() -> "COMPLETED".equals(status(counter, visitId)));
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
