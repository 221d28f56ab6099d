package org.madoguchi.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Against a real HTTP server on the loopback interface (okhttp's MockWebServer), with small timeouts. */
class HttpResidentRegistryConnectorTest {

  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(2_000);
  private static final Duration READ_TIMEOUT = Duration.ofMillis(1_000);
  private static final int MAX_ATTEMPTS = 3;
  // Generous for a loaded 2-core machine: a loopback connect must not time out by accident.
  /** Longer than connect + read timeout, so the answer arrives too late. */
  private static final long TOO_LATE_MILLIS = 4_000;

  private final MockWebServer server = new MockWebServer();
  private final List<Duration> pauses = new ArrayList<>();
  private HttpResidentRegistryConnector registry;

  @BeforeEach
  void startServer() throws IOException {
    server.start();
    registry = connectorFor(server.url("/api/v1").uri());
  }

  @AfterEach
  void stopServer() throws IOException {
    server.shutdown();
  }

  private HttpResidentRegistryConnector connectorFor(URI baseUrl) {
    HttpResidentRegistryProperties settings = new HttpResidentRegistryProperties(baseUrl, CONNECT_TIMEOUT,
        READ_TIMEOUT, MAX_ATTEMPTS, Duration.ofMillis(10), 2.0, Duration.ofMillis(100));
    return new HttpResidentRegistryConnector(settings, pause -> {
      pauses.add(pause);
      Thread.sleep(pause.toMillis());
    });
  }

  @Nested
  class Reading {

    @Test
    void readsAHouseholdWithEveryItem() throws InterruptedException {
      // given
      server.enqueue(json(200, household("0000500011", resident("0001000012", "0000500011", true),
          resident("0001000020", "0000500011", false))));

      // when
      List<Resident> members = registry.findHousehold("0000500011");

      // then
      assertThat(members).hasSize(2);
      Resident head = members.get(0);
      assertThat(head.atenaNumber()).isEqualTo("0001000012");
      assertThat(head.name()).isEqualTo(new PersonName("鹿児島", "太郎", "カゴシマ", "タロウ"));
      assertThat(head.birthDate()).isEqualTo(LocalDate.of(1985, 4, 2));
      assertThat(head.sex()).isEqualTo(Sex.MALE);
      assertThat(head.householdHead()).isTrue();
      assertThat(head.addressLine2()).isNull();
      assertThat(head.changeReason()).isEqualTo(ChangeReason.MOVE_IN);
      assertThat(head.addressSince()).isEqualTo(LocalDate.of(2026, 11, 20));
      assertThat(head.removedOn()).isNull();
      assertThat(head.movedOutTo()).isNull();
      assertThat(head.flags()).isEqualTo(new StatusFlags(true, false, false, true, false, true));
      RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
      assertThat(request.getMethod()).isEqualTo("GET");
      assertThat(request.getPath()).isEqualTo("/api/v1/households/0000500011");
      assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    }

    @Test
    void readsAResident() throws InterruptedException {
      // given
      server.enqueue(json(200, resident("0001000012", "0000500011", true)));

      // when
      Optional<Resident> resident = registry.findResident("0001000012");

      // then
      assertThat(resident).get().extracting(Resident::householdNumber).isEqualTo("0000500011");
      assertThat(server.takeRequest(1, TimeUnit.SECONDS).getPath()).isEqualTo("/api/v1/residents/0001000012");
    }

    @Test
    void anUnknownHouseholdIsAnEmptyList() {
      // given
      server.enqueue(problem(404, "HOUSEHOLD_NOT_FOUND"));

      // when
      List<Resident> members = registry.findHousehold("0000599999");

      // then
      assertThat(members).isEmpty();
      assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anUnknownResidentIsEmpty() {
      // given
      server.enqueue(problem(404, "RESIDENT_NOT_FOUND"));

      // when
      Optional<Resident> resident = registry.findResident("0009999998");

      // then
      assertThat(resident).isEmpty();
      assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anAnswerAboutAnotherHouseholdIsAFailure() {
      // given
      server.enqueue(json(200, household("0000500011", resident("0001000012", "0000500029", true))));

      // when
      RegistryException failure = catchThrowableOfType(() -> registry.findHousehold("0000500011"),
          RegistryException.class);

      // then
      assertThat(failure).hasMessageContaining("another household").hasMessageNotContaining("0000500029");
    }

    @Test
    void keepsAnIdentifierInOnePathSegment() throws InterruptedException {
      // given
      server.enqueue(problem(404, "RESIDENT_NOT_FOUND"));

      // when
      registry.findResident("12/../34 5");

      // then
      assertThat(server.takeRequest(1, TimeUnit.SECONDS).getPath()).isEqualTo("/api/v1/residents/12%2F..%2F34%205");
    }
  }

  @Nested
  class Retries {

    @Test
    void aSlowAnswerBeyondTheReadTimeoutIsRetriedAndTheNextOneServes() {
      // given
      server.enqueue(json(200, resident("0001000012", "0000500011", true))
          .setHeadersDelay(TOO_LATE_MILLIS, TimeUnit.MILLISECONDS));
      server.enqueue(json(200, resident("0001000012", "0000500011", true)));

      // when
      Optional<Resident> resident = registry.findResident("0001000012");

      // then
      assertThat(resident).isPresent();
      assertThat(server.getRequestCount()).isEqualTo(2);
      assertThat(pauses).containsExactly(Duration.ofMillis(10));
    }

    @Test
    void aBodyThatTricklesInBeyondTheReadTimeoutIsATimeout() {
      // given: the headers come at once, the body at 16 bytes every 100 ms
      for (int i = 0; i < MAX_ATTEMPTS; i++) {
        server.enqueue(json(200, resident("0001000012", "0000500011", true)).throttleBody(16, 100,
            TimeUnit.MILLISECONDS));
      }

      // when
      RegistryException failure = catchThrowableOfType(() -> registry.findResident("0001000012"),
          RegistryException.class);

      // then
      assertThat(failure).hasMessageContaining("after 3 attempts").hasMessageContaining("no complete answer within");
      assertThat(server.getRequestCount()).isEqualTo(MAX_ATTEMPTS);
    }

    @Test
    void aServerErrorIsRetriedAndTheNextAnswerServes() {
      // given
      server.enqueue(problem(500, "INTERNAL"));
      server.enqueue(json(200, household("0000500011", resident("0001000012", "0000500011", true))));

      // when
      List<Resident> members = registry.findHousehold("0000500011");

      // then
      assertThat(members).hasSize(1);
      assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {408, 429, 502, 503, 504})
    void otherPassingFailuresAreRetriedToo(int status) {
      // given
      server.enqueue(problem(status, "BUSY"));
      server.enqueue(json(200, resident("0001000012", "0000500011", true)));

      // when
      Optional<Resident> resident = registry.findResident("0001000012");

      // then
      assertThat(resident).isPresent();
      assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aServerErrorEveryTimeFailsAfterTheLastAttemptWithExponentialPauses() {
      // given
      for (int i = 0; i < MAX_ATTEMPTS + 2; i++) {
        server.enqueue(problem(500, "INTERNAL"));
      }

      // when
      RegistryException failure = catchThrowableOfType(() -> registry.findHousehold("0000500011"),
          RegistryException.class);

      // then
      assertThat(server.getRequestCount()).isEqualTo(MAX_ATTEMPTS);
      assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
      assertThat(failure)
          .hasMessageContaining("住民記録システムから応答がありません")
          .hasMessageContaining("GET /households/{householdNumber} after 3 attempts; last: HTTP 500")
          .hasMessageNotContaining("0000500011");
    }

    @Test
    void theLongestPauseIsCapped() {
      // given
      HttpResidentRegistryProperties settings = new HttpResidentRegistryProperties(URI.create("http://localhost"),
          null, null, 6, Duration.ofMillis(100), 3.0, Duration.ofMillis(500));

      // when / then
      assertThat(settings.http().backoffAfter(1)).isEqualTo(Duration.ofMillis(100));
      assertThat(settings.http().backoffAfter(2)).isEqualTo(Duration.ofMillis(300));
      assertThat(settings.http().backoffAfter(3)).isEqualTo(Duration.ofMillis(500));
      assertThat(settings.http().backoffAfter(5)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aRefusedConnectionIsRetriedThenFails() throws IOException {
      // given: a port nothing listens on any more
      URI closed = server.url("/api/v1").uri();
      server.shutdown();
      HttpResidentRegistryConnector unreachable = connectorFor(closed);

      // when
      RegistryException failure = catchThrowableOfType(() -> unreachable.findResident("0001000012"),
          RegistryException.class);

      // then
      assertThat(failure).hasMessageContaining("after 3 attempts").hasMessageContaining("could not connect");
      assertThat(pauses).hasSize(MAX_ATTEMPTS - 1);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 409, 422})
    void aRefusalIsNotRetried(int status) {
      // given
      server.enqueue(problem(status, "REFUSED"));
      server.enqueue(json(201, registration("V-2026-000123")));

      // when
      RegistryException failure = catchThrowableOfType(() -> registry.registerMoveIn(moveIn("V-2026-000123")),
          RegistryException.class);

      // then: 409 and 422 are refusals by a rule, the others failures of the call
      assertThat(failure).hasMessageContaining("refused POST /move-ins with HTTP " + status);
      assertThat(failure instanceof RegistryRefusedException).isEqualTo(status == 409 || status == 422);
      assertThat(server.getRequestCount()).isEqualTo(1);
      assertThat(pauses).isEmpty();
    }
  }

  @Nested
  class BrokenAnswers {

    @Test
    void malformedJsonIsAFailureThatDoesNotQuoteTheBody() {
      // given
      server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
          .setBody("{\"atenaNumber\": \"0001000012\", \"name\": {\"familyName\": \"鹿児島\" <html>oops"));

      // when
      RegistryException failure = catchThrowableOfType(() -> registry.findResident("0001000012"),
          RegistryException.class);

      // then
      assertThat(failure).hasMessageContaining("not the agreed JSON").hasNoCause()
          .hasMessageNotContaining("鹿児島").hasMessageNotContaining("0001000012");
      assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anUnknownEnumValueIsMalformed() {
      // given
      server.enqueue(json(200, resident("0001000012", "0000500011", true).replace("\"MALE\"", "\"M\"")));

      // when
      RegistryException failure = catchThrowableOfType(() -> registry.findResident("0001000012"),
          RegistryException.class);

      // then
      assertThat(failure).hasMessageContaining("not the agreed JSON");
    }

    @Test
    void anAnswerCutShortIsRetriedAndTheNextOneServes() {
      // given: the server closes the connection halfway through the body
      server.enqueue(json(200, household("0000500011", resident("0001000012", "0000500011", true)))
          .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
      server.enqueue(json(200, household("0000500011", resident("0001000012", "0000500011", true))));

      // when
      List<Resident> members = registry.findHousehold("0000500011");

      // then
      assertThat(members).hasSize(1);
      assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anAnswerCutShortEveryTimeFails() {
      // given
      for (int i = 0; i < MAX_ATTEMPTS; i++) {
        server.enqueue(json(200, household("0000500011", resident("0001000012", "0000500011", true)))
            .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
      }

      // when
      RegistryException failure = catchThrowableOfType(() -> registry.findHousehold("0000500011"),
          RegistryException.class);

      // then
      assertThat(failure).hasMessageContaining("cut short");
      assertThat(server.getRequestCount()).isEqualTo(MAX_ATTEMPTS);
    }

    @Test
    void anAnswerWithoutARequiredFieldNamesTheFieldNotTheData() {
      // given: the second member has no birth date
      server.enqueue(json(200, household("0000500011", resident("0001000012", "0000500011", true),
          resident("0001000020", "0000500011", false).replace("\"birthDate\": \"1985-04-02\",", ""))));

      // when
      RegistryException failure = catchThrowableOfType(() -> registry.findHousehold("0000500011"),
          RegistryException.class);

      // then
      assertThat(failure).hasMessageContaining("lacks the required field members[1].birthDate")
          .hasMessageNotContaining("鹿児島");
      assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRegistrationWithoutAnAtenaNumberForEveryMemberIsIncomplete() {
      // given
      server.enqueue(json(201, """
          {"visitId": "V-2026-000123", "householdNumber": "0000500011", "atenaNumbers": {"m1": "0001000012"}}"""));

      // when
      RegistryException failure = catchThrowableOfType(() -> registry.registerMoveIn(moveIn("V-2026-000123")),
          RegistryException.class);

      // then
      assertThat(failure).hasMessageContaining("lacks the required field atenaNumbers (for members[1])");
    }

    @Test
    void anEmptyBodyIsAFailure() {
      // given
      server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json"));

      // when
      RegistryException failure = catchThrowableOfType(() -> registry.findResident("0001000012"),
          RegistryException.class);

      // then
      assertThat(failure).hasMessageContaining("GET /residents/{atenaNumber}");
    }
  }

  @Nested
  class RegisteringAMoveIn {

    @Test
    void sendsTheRequestInTheApiShapeAndReadsTheIssuedNumbers() throws Exception {
      // given
      server.enqueue(json(201, registration("V-2026-000123")));

      // when
      MoveInRegistration registration = registry.registerMoveIn(moveIn("V-2026-000123"));

      // then
      assertThat(registration).isEqualTo(new MoveInRegistration("V-2026-000123", "0000500011",
          Map.of("m1", "0001000012", "m2", "0001000020")));
      RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
      assertThat(request.getMethod()).isEqualTo("POST");
      assertThat(request.getPath()).isEqualTo("/api/v1/move-ins");
      assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
      JsonNode body = new ObjectMapper().readTree(request.getBody().readUtf8());
      assertThat(body.get("visitId").asText()).isEqualTo("V-2026-000123");
      assertThat(body.get("moveInDate").asText()).isEqualTo("2026-11-20");
      assertThat(body.get("members").get(0).get("memberRef").asText()).isEqualTo("m1");
      assertThat(body.get("members").get(0).get("name").get("givenNameKana").asText()).isEqualTo("タロウ");
      assertThat(body.get("members").get(1).get("sex").asText()).isEqualTo("FEMALE");
      assertThat(body.get("members").get(1).get("flags").get("nhiInsured").asBoolean()).isTrue();
    }

    @Test
    void sendsTheVisitIdAsTheIdempotencyKeyOnEveryAttempt() throws InterruptedException {
      // given: a server error, an answer too late, then the registration
      server.enqueue(problem(503, "UNAVAILABLE"));
      server.enqueue(json(201, registration("V-2026-000123")).setHeadersDelay(TOO_LATE_MILLIS, TimeUnit.MILLISECONDS));
      server.enqueue(json(200, registration("V-2026-000123")));

      // when
      MoveInRegistration registration = registry.registerMoveIn(moveIn("V-2026-000123"));

      // then
      assertThat(registration.householdNumber()).isEqualTo("0000500011");
      assertThat(server.getRequestCount()).isEqualTo(3);
      List<String> bodies = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("V-2026-000123");
        bodies.add(request.getBody().readUtf8());
      }
      assertThat(bodies).containsOnly(bodies.get(0));
    }

    @Test
    void aRepeatAnsweredWith200GivesTheSameRegistration() {
      // given
      server.enqueue(json(201, registration("V-2026-000123")));
      server.enqueue(json(200, registration("V-2026-000123")));

      // when
      MoveInRegistration first = registry.registerMoveIn(moveIn("V-2026-000123"));
      MoveInRegistration repeat = registry.registerMoveIn(moveIn("V-2026-000123"));

      // then
      assertThat(repeat).isEqualTo(first);
    }

    @Test
    void aRegistrationForAnotherVisitIsAFailure() {
      // given
      server.enqueue(json(201, registration("V-2026-000999")));

      // when
      RegistryException failure = catchThrowableOfType(() -> registry.registerMoveIn(moveIn("V-2026-000123")),
          RegistryException.class);

      // then
      assertThat(failure).hasMessageContaining("another visit");
    }

    @Test
    void aMoveInWithoutAVisitIdIsNotSent() {
      assertThatIllegalArgumentException().isThrownBy(() -> registry.registerMoveIn(moveIn(" ")));
      assertThat(server.getRequestCount()).isZero();
    }
  }

  /** The two changes that share one protocol, for the tests that hold for both. */
  enum Change {
    MOVE_OUT("/api/v1/move-outs", "POST /move-outs") {
      @Override
      ChangeRegistration send(HttpResidentRegistryConnector registry, String requestId) {
        return registry.registerMoveOut(moveOut(requestId));
      }
    },
    MOVE_WITHIN("/api/v1/move-withins", "POST /move-withins") {
      @Override
      ChangeRegistration send(HttpResidentRegistryConnector registry, String requestId) {
        return registry.registerMoveWithin(moveWithin(requestId));
      }
    };

    final String path;
    final String operation;

    Change(String path, String operation) {
      this.path = path;
      this.operation = operation;
    }

    abstract ChangeRegistration send(HttpResidentRegistryConnector registry, String requestId);

    ChangeReason reason() {
      return ChangeReason.valueOf(name());
    }
  }

  @Nested
  class RegisteringAMoveOutOrAMoveWithin {

    @Test
    void sendsAMoveOutInTheApiShapeWithTheRequestIdAsIdempotencyKey() throws Exception {
      // given
      server.enqueue(json(201, changeRegistration("R-2026-0042", ChangeReason.MOVE_OUT)));

      // when
      ChangeRegistration registration = registry.registerMoveOut(moveOut("R-2026-0042"));

      // then
      assertThat(registration).isEqualTo(new ChangeRegistration("R-2026-0042", ChangeReason.MOVE_OUT, "0000500011",
          List.of("0001000012", "0001000020"), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 16)));
      RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
      assertThat(request.getMethod()).isEqualTo("POST");
      assertThat(request.getPath()).isEqualTo("/api/v1/move-outs");
      assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
      assertThat(request.getHeader("Idempotency-Key")).isEqualTo("R-2026-0042");
      JsonNode body = new ObjectMapper().readTree(request.getBody().readUtf8());
      assertThat(body.get("requestId").asText()).isEqualTo("R-2026-0042");
      assertThat(body.get("atenaNumbers")).extracting(JsonNode::asText).containsExactly("0001000012", "0001000020");
      assertThat(body.get("moveOutDate").asText()).isEqualTo("2026-09-30");
      assertThat(body.get("notifiedOn").asText()).isEqualTo("2026-09-16");
      assertThat(body.get("destinationAddress").asText()).isEqualTo("北海道札幌市中央区北1条西2丁目");
    }

    @Test
    void sendsAMoveWithinInTheApiShapeWithTheRequestIdAsIdempotencyKey() throws Exception {
      // given
      server.enqueue(json(201, changeRegistration("R-2026-0043", ChangeReason.MOVE_WITHIN)));

      // when
      ChangeRegistration registration = registry.registerMoveWithin(moveWithin("R-2026-0043"));

      // then
      assertThat(registration.changeReason()).isEqualTo(ChangeReason.MOVE_WITHIN);
      assertThat(registration.householdNumber()).isEqualTo("0000500011");
      RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
      assertThat(request.getPath()).isEqualTo("/api/v1/move-withins");
      assertThat(request.getHeader("Idempotency-Key")).isEqualTo("R-2026-0043");
      JsonNode body = new ObjectMapper().readTree(request.getBody().readUtf8());
      assertThat(body.get("atenaNumbers")).extracting(JsonNode::asText).containsExactly("0001000012", "0001000020");
      assertThat(body.get("moveWithinDate").asText()).isEqualTo("2026-08-01");
      assertThat(body.get("notifiedOn").asText()).isEqualTo("2026-08-07");
      assertThat(body.get("postalCode").asText()).isEqualTo("8900062");
      assertThat(body.get("address").asText()).isEqualTo("鹿児島県鹿児島市与次郎一丁目5番1号");
      assertThat(body.get("addressLine2").asText()).isEqualTo("与次郎ハイツ305号室");
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void aServerErrorIsRetriedWithTheSameKeyAndBodyAndTheRepeatsAnswerServes(Change change) throws Exception {
      // given: the first attempt fails after the registry may have recorded the change
      server.enqueue(problem(500, "INTERNAL"));
      server.enqueue(json(200, changeRegistration("R-2026-0042", change.reason())));

      // when
      ChangeRegistration registration = change.send(registry, "R-2026-0042");

      // then
      assertThat(registration.requestId()).isEqualTo("R-2026-0042");
      assertThat(server.getRequestCount()).isEqualTo(2);
      RecordedRequest first = server.takeRequest(1, TimeUnit.SECONDS);
      RecordedRequest second = server.takeRequest(1, TimeUnit.SECONDS);
      assertThat(first.getHeader("Idempotency-Key")).isEqualTo("R-2026-0042");
      assertThat(second.getHeader("Idempotency-Key")).isEqualTo("R-2026-0042");
      assertThat(second.getBody().readUtf8()).isEqualTo(first.getBody().readUtf8());
      assertThat(pauses).containsExactly(Duration.ofMillis(10));
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void anAnswerTooSlowIsRetriedWithTheSameKey(Change change) throws Exception {
      // given
      server.enqueue(json(201, changeRegistration("R-2026-0042", change.reason()))
          .setHeadersDelay(TOO_LATE_MILLIS, TimeUnit.MILLISECONDS));
      server.enqueue(json(200, changeRegistration("R-2026-0042", change.reason())));

      // when
      ChangeRegistration registration = change.send(registry, "R-2026-0042");

      // then
      assertThat(registration.changeReason()).isEqualTo(change.reason());
      assertThat(server.getRequestCount()).isEqualTo(2);
      assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeader("Idempotency-Key")).isEqualTo("R-2026-0042");
      assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeader("Idempotency-Key")).isEqualTo("R-2026-0042");
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void anAnswerCutShortIsRetriedWithTheSameKey(Change change) throws Exception {
      // given
      server.enqueue(json(201, changeRegistration("R-2026-0042", change.reason()))
          .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
      server.enqueue(json(200, changeRegistration("R-2026-0042", change.reason())));

      // when
      ChangeRegistration registration = change.send(registry, "R-2026-0042");

      // then
      assertThat(registration.atenaNumbers()).containsExactly("0001000012", "0001000020");
      assertThat(server.getRequestCount()).isEqualTo(2);
      assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeader("Idempotency-Key")).isEqualTo("R-2026-0042");
      assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeader("Idempotency-Key")).isEqualTo("R-2026-0042");
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void aServerErrorEveryTimeFailsAfterTheLastAttemptAndIsNoRefusal(Change change) {
      // given
      for (int i = 0; i < MAX_ATTEMPTS; i++) {
        server.enqueue(problem(503, "UNAVAILABLE"));
      }

      // when
      RegistryException failure = catchThrowableOfType(() -> change.send(registry, "R-2026-0042"),
          RegistryException.class);

      // then: the engine's job retries it, then raises an incident
      assertThat(failure).isNotInstanceOf(RegistryRefusedException.class)
          .hasMessageContaining(change.operation + " after 3 attempts; last: HTTP 503");
      assertThat(server.getRequestCount()).isEqualTo(MAX_ATTEMPTS);
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void aMalformedAnswerIsAFailureThatDoesNotQuoteTheBody(Change change) {
      // given
      server.enqueue(json(201, "{\"requestId\": \"R-2026-0042\", \"atenaNumbers\": [\"0001000012\" <html>oops"));

      // when
      RegistryException failure = catchThrowableOfType(() -> change.send(registry, "R-2026-0042"),
          RegistryException.class);

      // then
      assertThat(failure).isNotInstanceOf(RegistryRefusedException.class)
          .hasMessageContaining(change.operation + " with a body that is not the agreed JSON").hasNoCause()
          .hasMessageNotContaining("0001000012").hasMessageNotContaining("oops");
      assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void aPartialAnswerNamesTheMissingFieldNotTheData(Change change) {
      // given
      server.enqueue(json(201, changeRegistration("R-2026-0042", change.reason())
          .replace("\"changedOn\": \"2026-09-30\",", "")));

      // when
      RegistryException failure = catchThrowableOfType(() -> change.send(registry, "R-2026-0042"),
          RegistryException.class);

      // then
      assertThat(failure).hasMessageContaining("lacks the required field changedOn")
          .hasMessageNotContaining("0001000012");
      assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void aRegistrationForAnotherRequestIsAFailure(Change change) {
      // given
      server.enqueue(json(200, changeRegistration("R-2026-0999", change.reason())));

      // when
      RegistryException failure = catchThrowableOfType(() -> change.send(registry, "R-2026-0042"),
          RegistryException.class);

      // then
      assertThat(failure).hasMessageContaining("another request").hasMessageNotContaining("R-2026-0999");
    }

    @Test
    void aRegistrationOfAnotherKindOfChangeIsAFailure() {
      // given
      server.enqueue(json(200, changeRegistration("R-2026-0042", ChangeReason.MOVE_WITHIN)));

      // when
      RegistryException failure = catchThrowableOfType(() -> registry.registerMoveOut(moveOut("R-2026-0042")),
          RegistryException.class);

      // then
      assertThat(failure).hasMessageContaining("another kind of change");
    }

    @Test
    void aRegistrationForOtherResidentsIsAFailure() {
      // given
      server.enqueue(json(201, changeRegistration("R-2026-0042", ChangeReason.MOVE_OUT)
          .replace("\"0001000020\"", "\"0001000039\"")));

      // when
      RegistryException failure = catchThrowableOfType(() -> registry.registerMoveOut(moveOut("R-2026-0042")),
          RegistryException.class);

      // then
      assertThat(failure).hasMessageContaining("other residents").hasMessageNotContaining("0001000039");
    }

    @ParameterizedTest(name = "{0} answered {1} {2}")
    @CsvSource({
        "MOVE_OUT,    409, REQUEST_ID_REUSED,       REQUEST_ID_REUSED",
        "MOVE_WITHIN, 409, IDEMPOTENCY_KEY_REUSED,  REQUEST_ID_REUSED",
        "MOVE_OUT,    422, ALREADY_REMOVED,         ALREADY_REMOVED",
        "MOVE_OUT,    422, DIFFERENT_HOUSEHOLDS,    DIFFERENT_HOUSEHOLDS",
        "MOVE_WITHIN, 422, NOT_THE_WHOLE_HOUSEHOLD, NOT_THE_WHOLE_HOUSEHOLD",
        "MOVE_WITHIN, 422, A_RULE_OF_ITS_OWN,       OTHER"})
    void aRefusalIsNotRetriedAndSaysWhy(Change change, int status, String code,
        RegistryRefusedException.Reason reason) {
      // given
      server.enqueue(problem(status, code));
      server.enqueue(json(201, changeRegistration("R-2026-0042", change.reason())));

      // when
      RegistryRefusedException refusal = catchThrowableOfType(() -> change.send(registry, "R-2026-0042"),
          RegistryRefusedException.class);

      // then
      assertThat(refusal.reason()).isEqualTo(reason);
      assertThat(refusal).hasMessageContaining("refused " + change.operation + " with HTTP " + status + ": " + reason);
      if (reason == RegistryRefusedException.Reason.OTHER) {
        assertThat(refusal).hasMessageNotContaining(code);
      }
      assertThat(server.getRequestCount()).isEqualTo(1);
      assertThat(pauses).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>鹿児島 太郎 0001000012</html>", "", "[\"鹿児島\", \"0001000012\"]"})
    void aRefusalWithABodyThatIsNoProblemIsARefusalForAnotherReason(String body) {
      // given
      server.enqueue(new MockResponse().setResponseCode(422).setHeader("Content-Type", "text/html").setBody(body));

      // when
      RegistryRefusedException refusal = catchThrowableOfType(() -> registry.registerMoveOut(moveOut("R-1")),
          RegistryRefusedException.class);

      // then
      assertThat(refusal.reason()).isEqualTo(RegistryRefusedException.Reason.OTHER);
      assertThat(refusal).hasMessageNotContaining("鹿児島").hasMessageNotContaining("0001000012");
    }
  }

  @Nested
  class ReadingTheHistory {

    @Test
    void readsEveryChangeOldestFirstWithTheResidentAsItLeftThem() throws InterruptedException {
      // given
      server.enqueue(json(200, history("0001000012",
          change("MOVE_IN", "2026-11-20", "2026-11-22", resident("0001000012", "0000500011", true)),
          change("MOVE_OUT", "2027-03-31", "2027-03-15", resident("0001000012", "0000500011", true)
              .replace("\"changeReason\": \"MOVE_IN\"", "\"changeReason\": \"MOVE_OUT\"")
              .replace("\"removedOn\": null", "\"removedOn\": \"2027-03-31\"")
              .replace("\"movedOutTo\": null", "\"movedOutTo\": \"北海道札幌市中央区北1条西2丁目\"")))));

      // when
      List<ResidentChange> history = registry.history("0001000012");

      // then
      assertThat(history).extracting(ResidentChange::changeReason)
          .containsExactly(ChangeReason.MOVE_IN, ChangeReason.MOVE_OUT);
      assertThat(history).extracting(ResidentChange::changedOn)
          .containsExactly(LocalDate.of(2026, 11, 20), LocalDate.of(2027, 3, 31));
      assertThat(history).extracting(ResidentChange::notifiedOn)
          .containsExactly(LocalDate.of(2026, 11, 22), LocalDate.of(2027, 3, 15));
      assertThat(history.get(0).resident().removed()).isFalse();
      Resident movedOut = history.get(1).resident();
      assertThat(movedOut.removedOn()).isEqualTo(LocalDate.of(2027, 3, 31));
      assertThat(movedOut.movedOutTo()).isEqualTo("北海道札幌市中央区北1条西2丁目");
      RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
      assertThat(request.getMethod()).isEqualTo("GET");
      assertThat(request.getPath()).isEqualTo("/api/v1/residents/0001000012/history");
    }

    @Test
    void anUnknownResidentHasNoHistory() {
      // given
      server.enqueue(problem(404, "RESIDENT_NOT_FOUND"));

      // when
      List<ResidentChange> history = registry.history("0009999998");

      // then
      assertThat(history).isEmpty();
      assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aServerErrorIsRetriedAndTheNextAnswerServes() {
      // given
      server.enqueue(problem(503, "UNAVAILABLE"));
      server.enqueue(json(200, history("0001000012",
          change("MOVE_IN", "2026-11-20", "2026-11-22", resident("0001000012", "0000500011", true)))));

      // when
      List<ResidentChange> history = registry.history("0001000012");

      // then
      assertThat(history).hasSize(1);
      assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aChangeWithoutARequiredFieldNamesTheFieldNotTheData() {
      // given
      server.enqueue(json(200, history("0001000012",
          change("MOVE_IN", "2026-11-20", "2026-11-22", resident("0001000012", "0000500011", true)),
          change("MOVE_WITHIN", "2027-01-10", "2027-01-12", resident("0001000012", "0000500011", true))
              .replace("\"changedOn\": \"2027-01-10\",", ""))));

      // when
      RegistryException failure = catchThrowableOfType(() -> registry.history("0001000012"),
          RegistryException.class);

      // then
      assertThat(failure).hasMessageContaining("lacks the required field changes[1].changedOn")
          .hasMessageNotContaining("鹿児島");
    }

    @Test
    void aHistoryOfAnotherResidentIsAFailure() {
      // given
      server.enqueue(json(200, history("0001000012",
          change("MOVE_IN", "2026-11-20", "2026-11-22", resident("0001000020", "0000500011", false)))));

      // when
      RegistryException failure = catchThrowableOfType(() -> registry.history("0001000012"),
          RegistryException.class);

      // then
      assertThat(failure).hasMessageContaining("another resident's history").hasMessageNotContaining("0001000020");
    }

    @Test
    void aMalformedHistoryIsAFailureThatDoesNotQuoteTheBody() {
      // given
      server.enqueue(json(200, "{\"atenaNumber\": \"0001000012\", \"changes\": [{\"resident\": \"鹿児島"));

      // when
      RegistryException failure = catchThrowableOfType(() -> registry.history("0001000012"),
          RegistryException.class);

      // then
      assertThat(failure).hasMessageContaining("not the agreed JSON").hasNoCause().hasMessageNotContaining("鹿児島");
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

  static String resident(String atenaNumber, String householdNumber, boolean head) {
    return """
        {
          "atenaNumber": "%s",
          "householdNumber": "%s",
          "municipalityCode": "462012",
          "name": {"familyName": "鹿児島", "givenName": "%s", "familyNameKana": "カゴシマ", "givenNameKana": "%s"},
          "birthDate": "1985-04-02",
          "sex": "%s",
          "relationship": "%s",
          "householdHead": %s,
          "postalCode": "8928677",
          "address": "鹿児島県鹿児島市山下町11番1号",
          "addressLine2": null,
          "becameResidentOn": "2026-11-20",
          "addressSince": "2026-11-20",
          "notifiedOn": "2026-11-22",
          "previousAddress": "東京都千代田区永田町1丁目",
          "changeReason": "MOVE_IN",
          "removedOn": null,
          "movedOutTo": null,
          "flags": {"nhiInsured": true, "lateStageElderlyInsured": false, "longTermCareCertified": false,
                    "nationalPensionInsured": true, "childAllowanceRecipient": false, "holdsMyNumberCard": true},
          "someFieldALaterVersionAdds": 1
        }""".formatted(atenaNumber, householdNumber, head ? "太郎" : "花子", head ? "タロウ" : "ハナコ",
        head ? "MALE" : "FEMALE", head ? "世帯主" : "妻", head);
  }

  static String household(String householdNumber, String... members) {
    return "{\"householdNumber\": \"" + householdNumber + "\", \"members\": [" + String.join(",", members) + "]}";
  }

  private static String registration(String visitId) {
    return """
        {"visitId": "%s", "householdNumber": "0000500011",
         "atenaNumbers": {"m1": "0001000012", "m2": "0001000020"}}""".formatted(visitId);
  }

  private static String changeRegistration(String requestId, ChangeReason changeReason) {
    return """
        {"requestId": "%s", "changeReason": "%s", "householdNumber": "0000500011",
         "atenaNumbers": ["0001000012", "0001000020"], "changedOn": "2026-09-30", "notifiedOn": "2026-09-16"}"""
        .formatted(requestId, changeReason.name());
  }

  private static String history(String atenaNumber, String... changes) {
    return "{\"atenaNumber\": \"" + atenaNumber + "\", \"changes\": [" + String.join(",", changes) + "]}";
  }

  private static String change(String changeReason, String changedOn, String notifiedOn, String resident) {
    return "{\"changeReason\": \"" + changeReason + "\", \"changedOn\": \"" + changedOn + "\", \"notifiedOn\": \""
        + notifiedOn + "\", \"resident\": " + resident + "}";
  }

  static MoveOutRequest moveOut(String requestId) {
    return new MoveOutRequest(requestId, List.of("0001000012", "0001000020"), LocalDate.of(2026, 9, 30),
        LocalDate.of(2026, 9, 16), "北海道札幌市中央区北1条西2丁目");
  }

  static MoveWithinRequest moveWithin(String requestId) {
    return new MoveWithinRequest(requestId, List.of("0001000012", "0001000020"), LocalDate.of(2026, 8, 1),
        LocalDate.of(2026, 8, 7), "8900062", "鹿児島県鹿児島市与次郎一丁目5番1号", "与次郎ハイツ305号室");
  }

  static MoveInRequest moveIn(String visitId) {
    return new MoveInRequest(visitId, null, "462012", LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 22),
        "8928677", "鹿児島県鹿児島市山下町11番1号", null, "東京都千代田区永田町1丁目", List.of(
            new HouseholdMember("m1", new PersonName("鹿児島", "太郎", "カゴシマ", "タロウ"), LocalDate.of(1985, 4, 2),
                Sex.MALE, "世帯主", true, new StatusFlags(true, false, false, true, false, true)),
            new HouseholdMember("m2", new PersonName("鹿児島", "花子", "カゴシマ", "ハナコ"), LocalDate.of(1987, 9, 9),
                Sex.FEMALE, "妻", false, new StatusFlags(true, false, false, true, false, false))));
  }
}
