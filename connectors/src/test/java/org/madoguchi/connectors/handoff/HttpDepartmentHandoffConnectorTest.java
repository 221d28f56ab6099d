package org.madoguchi.connectors.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Against a real HTTP server on the loopback interface (okhttp's MockWebServer), with small timeouts. */
class HttpDepartmentHandoffConnectorTest {

  private static final int MAX_ATTEMPTS = 3;
  // Generous for a loaded 2-core machine: a loopback connect or a quick answer must not time out by accident.
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
  /** For the timeout tests: connect + read timeout is 1,200 ms. */
  private static final Duration IMPATIENT_READ_TIMEOUT = Duration.ofMillis(200);
  /** Well beyond the impatient connect + read timeout, so the answer arrives too late. */
  private static final long TOO_LATE_MILLIS = 3_000;
  private static final String KEY = "4f1c2a9e-8d3b-11f0-a1b2-0242ac120002";
  private static final Handoff HANDOFF = new Handoff(KEY, "nhiEnrollment", "insurance-pension", "V-2026-000123",
      "462012", List.of("0001000012", "0001000020"));

  private final MockWebServer server = new MockWebServer();
  private final List<Duration> pauses = new ArrayList<>();
  private HttpDepartmentHandoffConnector departments;

  @BeforeEach
  void startServer() throws IOException {
    server.start();
    departments = connectorFor(server.url("/api/v1").uri(), READ_TIMEOUT);
  }

  @AfterEach
  void stopServer() throws IOException {
    server.shutdown();
  }

  private HttpDepartmentHandoffConnector connectorFor(URI baseUrl, Duration readTimeout) {
    DepartmentHandoffProperties settings = new DepartmentHandoffProperties(DepartmentHandoffProperties.Mode.HTTP,
        null, null, baseUrl, CONNECT_TIMEOUT, readTimeout, MAX_ATTEMPTS, Duration.ofMillis(10),
        2.0, Duration.ofMillis(100));
    return new HttpDepartmentHandoffConnector(settings, pause -> {
      pauses.add(pause);
      Thread.sleep(pause.toMillis());
    });
  }

  @Nested
  class Once {

    @Test
    void postsTheCaseInTheApiShapeWithItsKeyAsTheIdempotencyKey() throws Exception {
      // given
      server.enqueue(json(201, receipt(KEY, "2026-11-20T01:02:03Z", false)));

      // when
      HandoffReceipt receipt = departments.handOver(HANDOFF);

      // then
      assertThat(receipt).isEqualTo(new HandoffReceipt(KEY, Instant.parse("2026-11-20T01:02:03Z"), false));
      RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
      assertThat(request.getMethod()).isEqualTo("POST");
      assertThat(request.getPath()).isEqualTo("/api/v1/departments/insurance-pension/handoffs");
      assertThat(request.getHeader("Idempotency-Key")).isEqualTo(KEY);
      assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
      JsonNode body = new ObjectMapper().readTree(request.getBody().readUtf8());
      assertThat(body.get("idempotencyKey").asText()).isEqualTo(KEY);
      assertThat(body.get("procedureKey").asText()).isEqualTo("nhiEnrollment");
      assertThat(body.get("department").asText()).isEqualTo("insurance-pension");
      assertThat(body.get("visitId").asText()).isEqualTo("V-2026-000123");
      assertThat(body.get("municipalityCode").asText()).isEqualTo("462012");
      assertThat(body.get("atenaNumbers")).hasSize(2);
      assertThat(body.get("atenaNumbers").get(1).asText()).isEqualTo("0001000020");
    }

    @Test
    void aRepeatAnsweredWith200GivesTheFirstReceipt() {
      // given
      server.enqueue(json(201, receipt(KEY, "2026-11-20T01:02:03Z", false)));
      server.enqueue(json(200, receipt(KEY, "2026-11-20T01:02:03Z", true)));

      // when
      HandoffReceipt first = departments.handOver(HANDOFF);
      HandoffReceipt repeat = departments.handOver(HANDOFF);

      // then
      assertThat(repeat.receivedAt()).isEqualTo(first.receivedAt());
      assertThat(repeat.repeated()).isTrue();
    }
  }

  @Nested
  class Retries {

    @Test
    void aServerThatStoredTheCaseButAnswered5xxSeesTheSameKeyAgainAndTheConnectorReturnsOneReceipt()
        throws InterruptedException {
      // given: a department system that records each key once, and fails to answer the first time
      RecordingDepartment department = new RecordingDepartment(1);
      server.setDispatcher(department);

      // when
      HandoffReceipt receipt = departments.handOver(HANDOFF);

      // then
      assertThat(department.stored).containsExactly(KEY);
      assertThat(server.getRequestCount()).isEqualTo(2);
      RecordedRequest first = server.takeRequest(1, TimeUnit.SECONDS);
      RecordedRequest second = server.takeRequest(1, TimeUnit.SECONDS);
      assertThat(first.getHeader("Idempotency-Key")).isEqualTo(KEY);
      assertThat(second.getHeader("Idempotency-Key")).isEqualTo(KEY);
      assertThat(second.getBody().readUtf8()).isEqualTo(first.getBody().readUtf8());
      assertThat(receipt).isEqualTo(new HandoffReceipt(KEY, RecordingDepartment.RECEIVED_AT, true));
    }

    @Test
    void aSlowAnswerIsATimeoutAndTheRetryIsAnsweredAsARepeat() throws InterruptedException {
      // given: the first answer comes too late (the department stored the case)
      server.enqueue(json(201, receipt(KEY, "2026-11-20T01:02:03Z", false))
          .setHeadersDelay(TOO_LATE_MILLIS, TimeUnit.MILLISECONDS));
      // the quick answer twice: on a badly loaded machine even it may miss the impatient deadline once
      server.enqueue(json(200, receipt(KEY, "2026-11-20T01:02:03Z", true)));
      server.enqueue(json(200, receipt(KEY, "2026-11-20T01:02:03Z", true)));
      HttpDepartmentHandoffConnector impatient = connectorFor(server.url("/api/v1").uri(), IMPATIENT_READ_TIMEOUT);

      // when
      HandoffReceipt receipt = impatient.handOver(HANDOFF);

      // then
      assertThat(receipt).isEqualTo(new HandoffReceipt(KEY, Instant.parse("2026-11-20T01:02:03Z"), true));
      assertThat(server.getRequestCount()).isBetween(2, MAX_ATTEMPTS);
      assertThat(pauses).startsWith(Duration.ofMillis(10));
      RecordedRequest first = server.takeRequest(1, TimeUnit.SECONDS);
      assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeader("Idempotency-Key"))
          .isEqualTo(first.getHeader("Idempotency-Key")).isEqualTo(KEY);
    }

    @Test
    void aConnectionDroppedBeforeTheAnswerIsRetried() {
      // given
      server.enqueue(json(201, receipt(KEY, "2026-11-20T01:02:03Z", false))
          .setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
      server.enqueue(json(200, receipt(KEY, "2026-11-20T01:02:03Z", true)));

      // when
      HandoffReceipt receipt = departments.handOver(HANDOFF);

      // then
      assertThat(receipt.idempotencyKey()).isEqualTo(KEY);
      assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void timeoutsEveryTimeEndInAnExceptionWithNoPersonalDataAfterTheLastAttempt() {
      // given
      for (int i = 0; i < MAX_ATTEMPTS; i++) {
        server.enqueue(json(201, receipt(KEY, "2026-11-20T01:02:03Z", false))
            .setHeadersDelay(TOO_LATE_MILLIS, TimeUnit.MILLISECONDS));
      }
      HttpDepartmentHandoffConnector impatient = connectorFor(server.url("/api/v1").uri(), IMPATIENT_READ_TIMEOUT);

      // when
      HandoffException failure = catchThrowableOfType(() -> impatient.handOver(HANDOFF), HandoffException.class);

      // then
      assertThat(server.getRequestCount()).isEqualTo(MAX_ATTEMPTS);
      assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
      assertThat(failure)
          .hasMessageContaining("業務システム（引継ぎ先）から応答がありません（3回試行）")
          .hasMessageContaining("POST /departments/insurance-pension/handoffs after 3 attempts; last: no complete "
              + "answer within 1200 ms")
          .hasMessageNotContaining(KEY).hasMessageNotContaining("V-2026-000123")
          .hasMessageNotContaining("0001000012").hasMessageNotContaining("462012")
          .hasNoCause();
    }

    @Test
    void anUnreachableDepartmentSystemFailsAfterTheLastAttempt() throws IOException {
      // given
      URI closed = server.url("/api/v1").uri();
      server.shutdown();
      HttpDepartmentHandoffConnector unreachable = connectorFor(closed, READ_TIMEOUT);

      // when
      HandoffException failure = catchThrowableOfType(() -> unreachable.handOver(HANDOFF), HandoffException.class);

      // then
      assertThat(failure).hasMessageContaining("could not connect");
      assertThat(pauses).hasSize(MAX_ATTEMPTS - 1);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 403, 422})
    void aRefusalIsNotRetried(int status) {
      // given
      server.enqueue(problem(status, "REFUSED"));
      server.enqueue(json(201, receipt(KEY, "2026-11-20T01:02:03Z", false)));

      // when
      HandoffException failure = catchThrowableOfType(() -> departments.handOver(HANDOFF), HandoffException.class);

      // then
      assertThat(failure).hasMessageContaining("refused POST /departments/insurance-pension/handoffs with HTTP "
          + status);
      assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aKeyUsedForAnotherCaseIsAConflictThatIsNotRetried() {
      // given
      server.enqueue(problem(409, "IDEMPOTENCY_KEY_REUSED"));

      // when
      HandoffException failure = catchThrowableOfType(() -> departments.handOver(HANDOFF), HandoffException.class);

      // then
      assertThat(failure).hasMessageContaining("used for another case").hasMessageNotContaining(KEY);
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Nested
  class MalformedAnswers {

    @Test
    void aReceiptForAnotherCaseIsAFailure() {
      // given
      server.enqueue(json(201, receipt("another-key", "2026-11-20T01:02:03Z", false)));

      // when
      HandoffException failure = catchThrowableOfType(() -> departments.handOver(HANDOFF), HandoffException.class);

      // then
      assertThat(failure).hasMessageContaining("a receipt for another case").hasMessageNotContaining("another-key");
    }

    @Test
    void aReceiptWithoutItsTimeNamesTheField() {
      // given
      server.enqueue(json(201, "{\"idempotencyKey\": \"" + KEY + "\", \"repeated\": false}"));

      // when
      HandoffException failure = catchThrowableOfType(() -> departments.handOver(HANDOFF), HandoffException.class);

      // then
      assertThat(failure).hasMessageContaining("lacks the required field receivedAt");
    }

    @Test
    void aBodyThatIsNotJsonIsAFailure() {
      // given
      server.enqueue(json(201, "<html>accepted</html>"));

      // when
      HandoffException failure = catchThrowableOfType(() -> departments.handOver(HANDOFF), HandoffException.class);

      // then
      assertThat(failure).hasMessageContaining("not the agreed JSON").hasNoCause();
    }

    @Test
    void aHandOverWithoutAKeyIsNotSent() {
      assertThatIllegalArgumentException().isThrownBy(() -> departments.handOver(
          new Handoff(" ", "nhiEnrollment", "insurance-pension", "V-1", "462012", List.of())));
      assertThat(server.getRequestCount()).isZero();
    }
  }

  /** A department system that stores each key once and answers the first {@code failures} requests with 503. */
  static final class RecordingDepartment extends Dispatcher {

    static final Instant RECEIVED_AT = Instant.parse("2026-11-20T01:02:03Z");

    final List<String> stored = new ArrayList<>();
    private int failures;

    RecordingDepartment(int failures) {
      this.failures = failures;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
      String key = request.getHeader("Idempotency-Key");
      boolean repeated = stored.contains(key);
      if (!repeated) {
        stored.add(key);
      }
      if (failures > 0) {
        failures--;
        return problem(503, "STORED_BUT_FAILED_TO_ANSWER");
      }
      return json(repeated ? 200 : 201, receipt(key, RECEIVED_AT.toString(), repeated));
    }
  }

  // --- answers ---------------------------------------------------------------------------------------

  private static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  private static MockResponse problem(int status, String code) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/problem+json")
        .setBody("{\"title\": \"" + code + "\", \"status\": " + status + ", \"code\": \"" + code + "\"}");
  }

  private static String receipt(String key, String receivedAt, boolean repeated) {
    return "{\"idempotencyKey\": \"" + key + "\", \"receivedAt\": \"" + receivedAt + "\", \"repeated\": " + repeated
        + "}";
  }
}
