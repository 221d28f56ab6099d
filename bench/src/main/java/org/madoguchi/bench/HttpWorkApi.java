package org.madoguchi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Madoguchi over HTTP on loopback, as each staff member signs in (HTTP Basic, the demo users), with the
 * same requests and checks as engine-app's MoveInJourney. A move-out notice is held back in the
 * application's database until its household arrives ({@link NoticePool}).
 */
final class HttpWorkApi implements WorkApi {

  /** A 1×1 PNG: the smallest signature the API accepts. */
  static final String SIGNATURE_PNG =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String COUNTER = "counter";

  private final String base;
  private final HttpClient http;
  private final ExecutorService executor;
  private final ObjectMapper json = new ObjectMapper();
  private final NoticePool notices;

  HttpWorkApi(int port, NoticePool notices) {
    this.base = "http://127.0.0.1:" + port;
    this.notices = notices;
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "http-client");
      t.setDaemon(true);
      return t;
    });
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
        .executor(executor).build();
  }

  @Override
  public void pickNotice(String noticeId) {
    notices.release(noticeId);
    JsonNode pending = call(COUNTER, "GET", "/api/move-out-notices", null, 200);
    if (!pending.findValuesAsText("id").contains(noticeId)) {
      throw new CallFailed("notice " + noticeId + " is not in the pending list");
    }
  }

  @Override
  public String openVisit(String noticeId) {
    JsonNode visit = call(COUNTER, "POST", "/api/visits", Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", noticeId),
        201);
    if (!"INTERVIEW".equals(visit.path("status").asText()) || visit.path("household").path("members").size() != 5) {
      throw new CallFailed("opened visit is not a 5-person household in INTERVIEW: " + abbreviate(visit));
    }
    return visit.path("id").asText();
  }

  @Override
  public void recordInterview(String visitId, String headMemberId) {
    JsonNode visit = call(COUNTER, "PUT", "/api/visits/" + visitId + "/interview", Map.of(
        "household", Map.of("moveInDate", LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(1).toString(),
            "mainSupporterMemberId", headMemberId),
        "members", Map.of(headMemberId, Map.of("wantsSealRegistration", true))), 200);
    List<String> proposed = new ArrayList<>();
    visit.path("proposedProcedures").forEach(p -> proposed.add(p.path("processKey").asText()));
    List<String> expected = MoveInBundle.CASES.stream().map(MoveInBundle.Case::processKey).toList();
    if (!sorted(proposed).equals(sorted(expected))) {
      throw new CallFailed("the interview proposed " + proposed + ", the benchmark expects " + expected);
    }
  }

  @Override
  public void submit(String visitId) {
    call(COUNTER, "POST", "/api/visits/" + visitId + "/submit", Map.of("signaturePng", SIGNATURE_PNG), 202);
  }

  @Override
  public Progress progress(String visitId) {
    JsonNode visit = call(COUNTER, "GET", "/api/visits/" + visitId + "/progress", null, 200);
    if (visit.path("incident").asBoolean(false)) {
      return Progress.FAILED;
    }
    return switch (visit.path("status").asText()) {
      case "ACCEPTING", "ACCEPTED" -> visit.path("procedures").asInt() == MoveInBundle.CASES.size() ? Progress.STARTED
          : Progress.FAILED;
      case "COMPLETED" -> Progress.COMPLETED;
      default -> Progress.NOT_STARTED;
    };
  }

  @Override
  public List<TaskRef> tasks(String user, String department, String visitId) {
    JsonNode list = call(user, "GET", "/api/tasks?department=" + department
        + (visitId == null ? "" : "&visitId=" + visitId), null, 200);
    List<TaskRef> result = new ArrayList<>();
    list.forEach(t -> result.add(new TaskRef(t.path("id").asText(), t.path("visitId").asText(null),
        t.path("taskDefinitionKey").asText(), t.path("processKey").asText(), t.path("processInstanceId").asText(),
        t.path("assignee").asText(null))));
    return result;
  }

  @Override
  public void claim(String user, String taskId) {
    call(user, "POST", "/api/tasks/" + taskId + "/claim", null, 200);
  }

  @Override
  public void complete(String user, String taskId) {
    call(user, "POST", "/api/tasks/" + taskId + "/complete", Map.of("note", "確認済み"), 204);
  }

  @Override
  public void returnTask(String user, String taskId, String reason) {
    call(user, "POST", "/api/tasks/" + taskId + "/return", Map.of("reason", reason), 204);
  }

  private JsonNode call(String user, String method, String path, Object body, int expectedStatus) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json");
    try {
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
      }
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != expectedStatus) {
        throw new CallFailed(method + " " + path + " answered " + response.statusCode() + " (expected "
            + expectedStatus + "): " + abbreviate(new String(response.body(), StandardCharsets.UTF_8)));
      }
      return response.body().length == 0 ? json.nullNode() : json.readTree(response.body());
    } catch (IOException e) {
      throw new CallFailed(method + " " + path + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallFailed(method + " " + path + " interrupted");
    }
  }

  private static List<String> sorted(List<String> values) {
    return values.stream().sorted().toList();
  }

  private static String abbreviate(Object value) {
    String text = String.valueOf(value);
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
