package org.madoguchi.connectors.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.madoguchi.connectors.registry.HouseholdMember;
import org.madoguchi.connectors.registry.PersonName;
import org.madoguchi.connectors.registry.Sex;
import org.madoguchi.connectors.registry.StatusFlags;

/** Against a real HTTP server on the loopback interface (okhttp's MockWebServer), with small timeouts. */
class HttpMoveOutNoticeConnectorTest {

  private static final int MAX_ATTEMPTS = 3;
  // Generous for a loaded 2-core machine: a loopback connect or a quick answer must not time out by accident.
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
  /** For the timeout tests: connect + read timeout is 1,200 ms. */
  private static final Duration IMPATIENT_READ_TIMEOUT = Duration.ofMillis(200);
  /** Well beyond the impatient connect + read timeout, so the answer arrives too late. */
  private static final long TOO_LATE_MILLIS = 3_000;

  private final MockWebServer server = new MockWebServer();
  private final List<Duration> pauses = new ArrayList<>();
  private HttpMoveOutNoticeConnector notices;

  @BeforeEach
  void startServer() throws IOException {
    server.start();
    notices = connectorFor(server.url("/api/v1").uri(), READ_TIMEOUT);
  }

  @AfterEach
  void stopServer() throws IOException {
    server.shutdown();
  }

  private HttpMoveOutNoticeConnector connectorFor(URI baseUrl, Duration readTimeout) {
    HttpMoveOutNoticeProperties settings = new HttpMoveOutNoticeProperties(baseUrl, CONNECT_TIMEOUT,
        readTimeout, MAX_ATTEMPTS, Duration.ofMillis(10), 2.0, Duration.ofMillis(100));
    return new HttpMoveOutNoticeConnector(settings, pause -> {
      pauses.add(pause);
      Thread.sleep(pause.toMillis());
    });
  }

  @Nested
  class Reading {

    @Test
    void readsANoticeWithEveryItemAndTheReadingsInFullWidthKatakana() throws InterruptedException {
      // given: the online moving service sent the readings in half-width katakana and hiragana
      server.enqueue(json(200, notice("N2026-0001")));

      // when
      Optional<MoveOutNotice> notice = notices.find("N2026-0001");

      // then
      assertThat(notice).contains(new MoveOutNotice("N2026-0001", MoveOutNotice.Source.ONLINE_MOVING_SERVICE,
          "462012", "131016", "東京都千代田区", "東京都千代田区永田町1丁目7番1号", LocalDate.of(2026, 11, 15),
          LocalDate.of(2026, 11, 20), "8928677", "鹿児島県鹿児島市山下町11番1号", null, List.of(
              new HouseholdMember("m1", new PersonName("鹿児島", "太郎", "カゴシマ", "タロウ"), LocalDate.of(1985, 4, 2),
                  Sex.MALE, "世帯主", true, new StatusFlags(true, false, false, true, false, true)),
              new HouseholdMember("m2", new PersonName("鹿児島", "花子", "カゴシマ", "ハナコ"), LocalDate.of(1987, 9, 9),
                  Sex.FEMALE, "妻", false, new StatusFlags(true, false, false, true, true, false)))));
      RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
      assertThat(request.getMethod()).isEqualTo("GET");
      assertThat(request.getPath()).isEqualTo("/api/v1/move-out-notices/N2026-0001");
      assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    }

    @Test
    void anUnknownNoticeIsEmptyAndNotRetried() {
      // given
      server.enqueue(problem(404, "NOTICE_NOT_FOUND"));

      // when
      Optional<MoveOutNotice> notice = notices.find("N404");

      // then
      assertThat(notice).isEmpty();
      assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void listsThePendingNoticesOfAMunicipality() throws InterruptedException {
      // given
      server.enqueue(json(200, """
          {"notices": [
            {"id": "N1", "source": "JUKI_NET", "fromMunicipalityName": "東京都千代田区", "plannedMoveDate": "2026-11-20",
             "householdHeadName": "鹿児島　太郎", "householdHeadNameKana": "ｶｺﾞｼﾏ ﾀﾛｳ", "memberCount": 2},
            {"id": "N2", "source": "ONLINE_MOVING_SERVICE", "fromMunicipalityName": "大阪府大阪市北区",
             "plannedMoveDate": null, "householdHeadName": "桜島　一郎", "householdHeadNameKana": "さくらじま　いちろう",
             "memberCount": 1}]}"""));

      // when
      List<MoveOutNoticeSummary> pending = notices.listPending("462012");

      // then
      assertThat(pending).containsExactly(
          new MoveOutNoticeSummary("N1", MoveOutNotice.Source.JUKI_NET, "東京都千代田区", LocalDate.of(2026, 11, 20),
              "鹿児島　太郎", "カゴシマ　タロウ", 2),
          new MoveOutNoticeSummary("N2", MoveOutNotice.Source.ONLINE_MOVING_SERVICE, "大阪府大阪市北区", null,
              "桜島　一郎", "サクラジマ　イチロウ", 1));
      assertThat(server.takeRequest(1, TimeUnit.SECONDS).getPath())
          .isEqualTo("/api/v1/move-out-notices?toMunicipalityCode=462012&pending=true");
    }

    @Test
    void anInvalidMunicipalityCodeIsNotSent() {
      assertThatIllegalArgumentException().isThrownBy(() -> notices.listPending("462013"));
      assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void keepsANoticeIdInOnePathSegment() throws InterruptedException {
      // given
      server.enqueue(problem(404, "NOTICE_NOT_FOUND"));
      server.enqueue(problem(404, "NOTICE_NOT_FOUND"));

      // when
      notices.find("../admin");
      notices.find("..");

      // then
      assertThat(server.takeRequest(1, TimeUnit.SECONDS).getPath()).isEqualTo("/api/v1/move-out-notices/..%2Fadmin");
      assertThat(server.takeRequest(1, TimeUnit.SECONDS).getPath()).isEqualTo("/api/v1/move-out-notices/%2E%2E");
    }
  }

  @Nested
  class Retries {

    @Test
    void aServerErrorIsRetriedAndTheNextAnswerServes() {
      // given
      server.enqueue(problem(503, "UNAVAILABLE"));
      server.enqueue(problem(500, "INTERNAL"));
      server.enqueue(json(200, notice("N1")));

      // when
      Optional<MoveOutNotice> notice = notices.find("N1");

      // then
      assertThat(notice).isPresent();
      assertThat(server.getRequestCount()).isEqualTo(3);
      assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void aSlowAnswerIsATimeoutAndIsRetried() {
      // given
      server.enqueue(json(200, notice("N1")).setHeadersDelay(TOO_LATE_MILLIS, TimeUnit.MILLISECONDS));
      // the quick answer twice: on a badly loaded machine even it may miss the impatient deadline once
      server.enqueue(json(200, notice("N1")));
      server.enqueue(json(200, notice("N1")));
      HttpMoveOutNoticeConnector impatient = connectorFor(server.url("/api/v1").uri(), IMPATIENT_READ_TIMEOUT);

      // when
      Optional<MoveOutNotice> notice = impatient.find("N1");

      // then
      assertThat(notice).isPresent();
      assertThat(server.getRequestCount()).isBetween(2, MAX_ATTEMPTS);
      assertThat(pauses).startsWith(Duration.ofMillis(10));
    }

    @Test
    void aServerErrorEveryTimeFailsWithAMessageThatNamesTheOperationButNoIdentifier() {
      // given
      for (int i = 0; i < MAX_ATTEMPTS; i++) {
        server.enqueue(problem(502, "BAD_GATEWAY"));
      }

      // when
      MoveOutNoticeException failure = catchThrowableOfType(() -> notices.find("N2026-0001"),
          MoveOutNoticeException.class);

      // then
      assertThat(failure)
          .hasMessageContaining("転出証明書情報の連携サービスから応答がありません（3回試行）")
          .hasMessageContaining("GET /move-out-notices/{noticeId} after 3 attempts; last: HTTP 502")
          .hasMessageNotContaining("N2026-0001");
      assertThat(server.getRequestCount()).isEqualTo(MAX_ATTEMPTS);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403})
    void aRefusalIsNotRetried(int status) {
      // given
      server.enqueue(problem(status, "REFUSED"));

      // when
      MoveOutNoticeException failure = catchThrowableOfType(() -> notices.find("N1"), MoveOutNoticeException.class);

      // then
      assertThat(failure).hasMessageContaining("refused GET /move-out-notices/{noticeId} with HTTP " + status);
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Nested
  class MalformedAnswers {

    @Test
    void aBodyThatIsNotJsonIsAFailureThatDoesNotQuoteIt() {
      // given
      server.enqueue(json(200, "{\"id\": \"N1\", \"members\": [{\"name\": {\"familyName\": \"鹿児島\" <html>"));

      // when
      MoveOutNoticeException failure = catchThrowableOfType(() -> notices.find("N1"), MoveOutNoticeException.class);

      // then
      assertThat(failure).hasMessageContaining("not the agreed JSON").hasNoCause().hasMessageNotContaining("鹿児島");
      assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anAnswerWithoutARequiredFieldNamesTheField() {
      // given
      server.enqueue(json(200, notice("N1").replace("\"birthDate\": \"1987-09-09\",", "")));

      // when
      MoveOutNoticeException failure = catchThrowableOfType(() -> notices.find("N1"), MoveOutNoticeException.class);

      // then
      assertThat(failure).hasMessageContaining("lacks the required field members[1].birthDate");
    }

    @Test
    void aReadingThatIsNotKanaIsRefusedWithoutQuotingIt() {
      // given
      server.enqueue(json(200, notice("N1").replace("\"ﾊﾅｺ\"", "\"Hanako\"")));

      // when
      MoveOutNoticeException failure = catchThrowableOfType(() -> notices.find("N1"), MoveOutNoticeException.class);

      // then
      assertThat(failure).hasMessageContaining("members[1].name.givenNameKana is not a reading in kana")
          .hasMessageNotContaining("Hanako");
    }

    @Test
    void aNoticeWithTwoHouseholdHeadsIsRefused() {
      // given
      server.enqueue(json(200, notice("N1").replace("\"householdHead\": false", "\"householdHead\": true")));

      // when
      MoveOutNoticeException failure = catchThrowableOfType(() -> notices.find("N1"), MoveOutNoticeException.class);

      // then
      assertThat(failure).hasMessageContaining("exactly one householdHead, not 2");
    }

    @Test
    void anAnswerAboutAnotherNoticeIsAFailure() {
      // given
      server.enqueue(json(200, notice("N2")));

      // when
      MoveOutNoticeException failure = catchThrowableOfType(() -> notices.find("N1"), MoveOutNoticeException.class);

      // then
      assertThat(failure).hasMessageContaining("another notice").hasMessageNotContaining("N2");
    }

    @Test
    void anEmptyBodyIsAFailure() {
      // given
      server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json"));

      // when
      MoveOutNoticeException failure = catchThrowableOfType(() -> notices.listPending("462012"),
          MoveOutNoticeException.class);

      // then
      assertThat(failure).hasMessageContaining("GET /move-out-notices?toMunicipalityCode={code}&pending=true");
    }
  }

  @Nested
  class MarkingUsed {

    @Test
    void putsTheVisitIdWithItAsTheIdempotencyKey() throws Exception {
      // given
      server.enqueue(new MockResponse().setResponseCode(204));

      // when
      notices.markUsed("N1", "V-2026-000123");

      // then
      RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
      assertThat(request.getMethod()).isEqualTo("PUT");
      assertThat(request.getPath()).isEqualTo("/api/v1/move-out-notices/N1/use");
      assertThat(request.getHeader("Idempotency-Key")).isEqualTo("V-2026-000123");
      assertThat(new ObjectMapper().readTree(request.getBody().readUtf8()).get("visitId").asText())
          .isEqualTo("V-2026-000123");
    }

    @Test
    void aServerErrorIsRetriedWithTheSameRequest() throws InterruptedException {
      // given
      server.enqueue(problem(500, "INTERNAL"));
      server.enqueue(new MockResponse().setResponseCode(204));

      // when
      notices.markUsed("N1", "V-2026-000123");

      // then
      assertThat(server.getRequestCount()).isEqualTo(2);
      String first = server.takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8();
      assertThat(server.takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8()).isEqualTo(first);
    }

    @Test
    void aNoticeUsedByAnotherVisitIsAFailureThatIsNotRetried() {
      // given
      server.enqueue(problem(409, "NOTICE_USED"));

      // when
      MoveOutNoticeException failure = catchThrowableOfType(() -> notices.markUsed("N1", "V-2026-000123"),
          MoveOutNoticeException.class);

      // then
      assertThat(failure).hasMessageContaining("used by another visit").hasMessageNotContaining("V-2026-000123");
      assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void withoutAVisitIdNothingIsSent() {
      assertThatIllegalArgumentException().isThrownBy(() -> notices.markUsed("N1", " "));
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

  static String notice(String id) {
    return """
        {
          "id": "%s",
          "source": "ONLINE_MOVING_SERVICE",
          "toMunicipalityCode": "462012",
          "fromMunicipalityCode": "131016",
          "fromMunicipalityName": "東京都千代田区",
          "fromAddress": "東京都千代田区永田町1丁目7番1号",
          "movedOutOn": "2026-11-15",
          "plannedMoveDate": "2026-11-20",
          "plannedPostalCode": "8928677",
          "plannedAddress": "鹿児島県鹿児島市山下町11番1号",
          "plannedAddressLine2": null,
          "members": [
            {"memberId": "m1",
             "name": {"familyName": "鹿児島", "givenName": "太郎", "familyNameKana": "ｶｺﾞｼﾏ", "givenNameKana": "たろう"},
             "birthDate": "1985-04-02", "sex": "MALE", "relationship": "世帯主", "householdHead": true,
             "flags": {"nhiInsured": true, "lateStageElderlyInsured": false, "longTermCareCertified": false,
                       "nationalPensionInsured": true, "childAllowanceRecipient": false, "holdsMyNumberCard": true}},
            {"memberId": "m2",
             "name": {"familyName": "鹿児島", "givenName": "花子", "familyNameKana": "カゴシマ", "givenNameKana": "ﾊﾅｺ"},
             "birthDate": "1987-09-09", "sex": "FEMALE", "relationship": "妻", "householdHead": false,
             "flags": {"nhiInsured": true, "lateStageElderlyInsured": false, "longTermCareCertified": false,
                       "nationalPensionInsured": true, "childAllowanceRecipient": true, "holdsMyNumberCard": false}}
          ],
          "aFieldALaterVersionAdds": 1
        }""".formatted(id);
  }
}
