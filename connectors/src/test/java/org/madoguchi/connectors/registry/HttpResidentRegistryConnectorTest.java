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

      // then
      assertThat(failure).hasMessageContaining("refused POST /move-ins with HTTP " + status);
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

  static MoveInRequest moveIn(String visitId) {
    return new MoveInRequest(visitId, null, "462012", LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 22),
        "8928677", "鹿児島県鹿児島市山下町11番1号", null, "東京都千代田区永田町1丁目", List.of(
            new HouseholdMember("m1", new PersonName("鹿児島", "太郎", "カゴシマ", "タロウ"), LocalDate.of(1985, 4, 2),
                Sex.MALE, "世帯主", true, new StatusFlags(true, false, false, true, false, true)),
            new HouseholdMember("m2", new PersonName("鹿児島", "花子", "カゴシマ", "ハナコ"), LocalDate.of(1987, 9, 9),
                Sex.FEMALE, "妻", false, new StatusFlags(true, false, false, true, false, false))));
  }
}
