package org.madoguchi.connectors.notice;

import java.net.URI;
import java.time.Duration;
import org.madoguchi.connectors.http.HttpCallSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the HTTP move-out notice connector, chosen by {@code madoguchi.connectors.notice.mode=http}:
 *
 * <pre>
 * madoguchi.connectors.notice.mode=http
 * madoguchi.connectors.notice.base-url=https://notices.example.lg.jp/api/v1
 * # how long to wait for a connection, and for a whole answer once connected
 * madoguchi.connectors.notice.connect-timeout=2s
 * madoguchi.connectors.notice.read-timeout=5s
 * # attempts per call (the first one included), and the pauses between them: 200 ms, 400 ms, … up to 2 s
 * madoguchi.connectors.notice.max-attempts=3
 * madoguchi.connectors.notice.initial-backoff=200ms
 * madoguchi.connectors.notice.backoff-multiplier=2
 * madoguchi.connectors.notice.max-backoff=2s
 * </pre>
 *
 * Unset values take the defaults shown. Without {@code mode=http} the embedded notices serve (and the CSV
 * import fills them).
 *
 * @param baseUrl the notice API's base URL (see {@code openapi/move-out-notice-api.yaml})
 * @param connectTimeout the longest wait for a TCP connection
 * @param readTimeout the longest wait for a complete answer once connected
 * @param maxAttempts how many times a call is sent before it fails; 1 means no retry
 * @param initialBackoff the pause after the first failed attempt
 * @param backoffMultiplier what each further pause is multiplied by
 * @param maxBackoff the longest pause
 */
@ConfigurationProperties(HttpMoveOutNoticeProperties.PREFIX)
public record HttpMoveOutNoticeProperties(
    URI baseUrl,
    Duration connectTimeout,
    Duration readTimeout,
    Integer maxAttempts,
    Duration initialBackoff,
    Double backoffMultiplier,
    Duration maxBackoff) {

  public static final String PREFIX = "madoguchi.connectors.notice";
  /** The property that selects this connector when it is {@code http}. */
  public static final String MODE = PREFIX + ".mode";

  public HttpMoveOutNoticeProperties {
    HttpCallSettings checked = HttpCallSettings.of(PREFIX, baseUrl, connectTimeout, readTimeout, maxAttempts,
        initialBackoff, backoffMultiplier, maxBackoff, "when " + MODE + "=http");
    connectTimeout = checked.connectTimeout();
    readTimeout = checked.readTimeout();
    maxAttempts = checked.maxAttempts();
    initialBackoff = checked.initialBackoff();
    backoffMultiplier = checked.backoffMultiplier();
    maxBackoff = checked.maxBackoff();
  }

  /** The settings with every default, for {@code baseUrl}. */
  public static HttpMoveOutNoticeProperties of(URI baseUrl) {
    return new HttpMoveOutNoticeProperties(baseUrl, null, null, null, null, null, null);
  }

  HttpCallSettings http() {
    return new HttpCallSettings(baseUrl, connectTimeout, readTimeout, maxAttempts, initialBackoff,
        backoffMultiplier, maxBackoff);
  }
}
