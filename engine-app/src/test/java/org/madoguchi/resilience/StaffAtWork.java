package org.madoguchi.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.madoguchi.support.ApiClient;
import org.madoguchi.support.ApplicationProcess;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;

/**
 * Counter and department staff working move-ins through the API of whichever application node answers, as
 * behind a load balancer: calls go to the live nodes in turn, and a call that finds its node dead goes to the
 * next. Every step is chosen by first reading where the visit stands, so a step whose answer was lost with a
 * node is looked at again and done only if it did not commit.
 */
final class StaffAtWork {

  /** Thrown when no node answers: the outcome of the call is unknown. */
  static final class NoNodeAnswers extends RuntimeException {

    NoNodeAnswers(Throwable cause) {
      super("no application node answers", cause);
    }
  }

  /** Staff users (demo passwords) and the group each works: the counter, then the departments. */
  private static final List<String[]> STAFF = List.of(new String[] {"counter", "counter"},
      new String[] {"hoken", "insurance-pension"}, new String[] {"kaigo", "long-term-care"},
      new String[] {"kosodate", "child-support"}, new String[] {"gakko", "school-education"},
      new String[] {"shimin", "citizens"});
  private static final Duration PAUSE = Duration.ofMillis(200);

  private final List<ApplicationProcess> nodes;
  private final Map<ApplicationProcess, TestRestTemplate> clients = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> answeredBy = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();

  StaffAtWork(List<ApplicationProcess> nodes) {
    this.nodes = List.copyOf(nodes);
    nodes.forEach(node -> clients.put(node, node.rest()));
  }

  /** How many calls each node (by name) answered. */
  long answeredBy(String node) {
    AtomicLong count = answeredBy.get(node);
    return count == null ? 0 : count.get();
  }

  /** The ids of the move-out notices waiting for a move-in, first {@code count}. */
  List<String> pendingNotices(int count) {
    List<String> ids = new ArrayList<>();
    call("counter", api -> api.get("/api/move-out-notices").getBody()).forEach(n -> ids.add(n.path("id").asText()));
    return ids.subList(0, count);
  }

  /**
   * Opens the visit of {@code noticeId} and records the interview (its defaults); returns the visit id. Not
   * resumable: the tests open their visits before they kill anything.
   */
  String openAndInterview(String noticeId) {
    String visitId = call("counter", api -> api.post("/api/visits",
        Map.of("lifeEvent", "MOVE_IN", "moveOutNoticeId", noticeId))).getBody().path("id").asText();
    int status = call("counter", api -> api.put("/api/visits/" + visitId + "/interview", Map.of()))
        .getStatusCode().value();
    if (status != 200) {
      throw new AssertionError("interview of " + visitId + " answered " + status);
    }
    return visitId;
  }

  /** Signs and submits; returns the HTTP status (202 when accepted now). */
  int submit(String visitId) {
    return call("counter", api -> api.post("/api/visits/" + visitId + "/submit",
        Map.of("signaturePng", ApiClient.SIGNATURE_PNG))).getStatusCode().value();
  }

  JsonNode visit(String visitId) {
    return call("counter", api -> api.get("/api/visits/" + visitId).getBody());
  }

  /**
   * Takes the visit to COMPLETED: submits it if it is still waiting for the signature, and works its open
   * tasks as they appear, until every procedure is done or {@code patience} runs out. A visit with an
   * incident fails at once: nothing in these tests should raise one.
   */
  void completeVisit(String visitId, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    String status = "";
    while (System.nanoTime() < deadline) {
      try {
        JsonNode visit = visit(visitId);
        status = visit.path("status").asText();
        if (visit.path("incident").asBoolean()
            || visit.path("procedures").findValuesAsText("state").contains("INCIDENT")) {
          throw new AssertionError("visit " + visitId + " has an incident at status " + status);
        }
        switch (status) {
          case "COMPLETED" -> {
            return;
          }
          case "CONFIRMATION" -> submit(visitId);
          case "ACCEPTING", "ACCEPTED" -> {
            if (workOpenTasks(visitId) == 0) {
              pause();
            }
          }
          default -> pause();
        }
      } catch (NoNodeAnswers down) {
        pause();
      }
    }
    throw new AssertionError("visit " + visitId + " still " + status + " after " + patience.toSeconds() + " s");
  }

  /** Completes the open tasks of the visit each staff member sees now; returns how many were completed. */
  private int workOpenTasks(String visitId) {
    int completed = 0;
    for (String[] member : STAFF) {
      for (JsonNode task : openTasks(member[0], member[1], visitId)) {
        int status = call(member[0], api -> api.post("/api/tasks/" + task.path("id").asText() + "/complete",
            Map.of())).getStatusCode().value();
        // 404: completed meanwhile (its answer lost with a node); 409: changed meanwhile, looked at again next round
        if (status == 204) {
          completed++;
        } else if (status != 404 && status != 409) {
          throw new AssertionError("completing " + task.path("name").asText() + " answered " + status);
        }
      }
    }
    return completed;
  }

  private List<JsonNode> openTasks(String user, String group, String visitId) {
    ResponseEntity<JsonNode> list = call(user, api -> api.get("/api/tasks?department=" + group));
    if (list.getStatusCode().value() != 200) {
      throw new AssertionError("the task list of " + group + " answered " + list.getStatusCode().value());
    }
    List<JsonNode> tasks = new ArrayList<>();
    list.getBody().forEach(task -> {
      if (visitId.equals(task.path("visitId").asText())) {
        tasks.add(task);
      }
    });
    return tasks;
  }

  /** {@code action} as {@code user} on the next live node, and on the one after if that one is dead. */
  <T> T call(String user, Function<ApiClient, T> action) {
    ResourceAccessException last = null;
    for (int tries = 0; tries < nodes.size(); tries++) {
      ApplicationProcess node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
      if (!node.isAlive()) {
        continue;
      }
      try {
        T answer = action.apply(ApiClient.as(clients.get(node), user));
        answeredBy.computeIfAbsent(node.name(), n -> new AtomicLong()).incrementAndGet();
        return answer;
      } catch (ResourceAccessException unanswered) {
        last = unanswered;
      }
    }
    throw new NoNodeAnswers(last);
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
