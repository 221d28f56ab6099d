package org.madoguchi.connectors.notice;

import static org.madoguchi.connectors.http.RetryingHttpClient.pathSegment;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.madoguchi.connectors.http.RetryingHttpClient;
import org.madoguchi.connectors.registry.CheckDigits;

/**
 * The move-out notices behind the HTTP/JSON API of {@code openapi/move-out-notice-api.yaml}: the service
 * that receives 転出証明書情報 from 住基ネット and 引越し予約 from the online moving service for this
 * municipality.
 *
 * <p>Each call gets {@link HttpMoveOutNoticeProperties#maxAttempts()} attempts; timeouts, dropped
 * connections, 408, 429 and 5xx are retried with a growing pause, any other answer is final (see
 * {@link RetryingHttpClient}). A notice that is not there (404) is empty. Readings are normalised to
 * full-width katakana on the way in, and an answer about another notice, without a required field, or
 * with a reading that is not kana is refused. {@link #markUsed} is a PUT, safe to repeat, and carries the
 * visit id as its Idempotency-Key too.
 *
 * <p>Every failure is a {@link MoveOutNoticeException} whose message carries no personal data and no
 * identifier: the engine retries the job and then raises an incident an operator can retry.
 */
public class HttpMoveOutNoticeConnector implements MoveOutNoticeConnector {

  private static final RetryingHttpClient.Counterpart NOTICE_SERVICE = new RetryingHttpClient.Counterpart(
      "転出証明書情報の連携サービス", "the move-out notice service", MoveOutNoticeException::new);

  private final RetryingHttpClient http;

  public HttpMoveOutNoticeConnector(HttpMoveOutNoticeProperties settings) {
    this(settings, RetryingHttpClient.Sleeper.THREAD);
  }

  HttpMoveOutNoticeConnector(HttpMoveOutNoticeProperties settings, RetryingHttpClient.Sleeper sleeper) {
    this.http = new RetryingHttpClient(settings.http(), NOTICE_SERVICE, sleeper, HttpMoveOutNoticeConnector.class);
  }

  @Override
  public List<MoveOutNoticeSummary> listPending(String municipalityCode) {
    String operation = "GET /move-out-notices?toMunicipalityCode={code}&pending=true";
    if (!CheckDigits.isValidLocalGovernmentCode(municipalityCode)) {
      throw new IllegalArgumentException("not a local government code with a valid check digit");
    }
    HttpRequest request = http.request("move-out-notices?toMunicipalityCode="
            + URLEncoder.encode(municipalityCode, StandardCharsets.UTF_8) + "&pending=true")
        .GET()
        .build();
    return http.call(operation, request, (status, body) -> {
      requireStatus(operation, status, 200);
      return http.readJson(operation, body, HttpNoticeJson.NoticeListJson.class).toSummaries();
    });
  }

  @Override
  public Optional<MoveOutNotice> find(String noticeId) {
    String operation = "GET /move-out-notices/{noticeId}";
    HttpRequest request = http.request("move-out-notices/" + pathSegment(noticeId)).GET().build();
    return http.call(operation, request, (status, body) -> {
      if (status == 404) {
        return Optional.empty();
      }
      requireStatus(operation, status, 200);
      MoveOutNotice notice = http.readJson(operation, body, HttpNoticeJson.NoticeJson.class).toNotice();
      if (!notice.id().equals(noticeId)) {
        throw http.wrongAnswer(operation, "another notice");
      }
      return Optional.of(notice);
    });
  }

  @Override
  public void markUsed(String noticeId, String visitId) {
    String operation = "PUT /move-out-notices/{noticeId}/use";
    if (visitId == null || visitId.isBlank()) {
      throw new IllegalArgumentException("marking a notice used needs the visit id");
    }
    HttpRequest request = http.request("move-out-notices/" + pathSegment(noticeId) + "/use")
        .header("Content-Type", "application/json")
        .header(RetryingHttpClient.IDEMPOTENCY_KEY, visitId)
        .PUT(http.jsonBody(operation, new HttpNoticeJson.UseJson(visitId)))
        .build();
    http.call(operation, request, (status, body) -> {
      if (status == 409) {
        throw http.failure("転出証明書情報は別の来庁で使用済みです / the move-out notice service answered "
            + operation + " with 409: the notice was used by another visit");
      }
      if (status == 404) {
        throw http.failure("転出証明書情報が見つかりません / the move-out notice service answered " + operation
            + " with 404: no such notice");
      }
      requireStatus(operation, status, 204, 200);
      return null;
    });
  }

  private void requireStatus(String operation, int status, int... accepted) {
    for (int ok : accepted) {
      if (status == ok) {
        return;
      }
    }
    throw http.refused(operation, status);
  }
}
