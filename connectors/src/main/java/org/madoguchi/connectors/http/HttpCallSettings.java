package org.madoguchi.connectors.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings every HTTP connector shares: where the API is, how long to wait, how often to try. A
 * connector's properties record builds one with {@link #of}, which applies the defaults and names the
 * connector's own property in every complaint:
 *
 * <pre>
 * # how long to wait for a connection, and for a whole answer once connected
 * &lt;prefix&gt;.connect-timeout=2s
 * &lt;prefix&gt;.read-timeout=5s
 * # attempts per call (the first one included), and the pauses between them: 200 ms, 400 ms, … up to 2 s
 * &lt;prefix&gt;.max-attempts=3
 * &lt;prefix&gt;.initial-backoff=200ms
 * &lt;prefix&gt;.backoff-multiplier=2
 * &lt;prefix&gt;.max-backoff=2s
 * </pre>
 *
 * @param baseUrl the API's base URL, http or https
 * @param connectTimeout the longest wait for a TCP connection
 * @param readTimeout the longest wait for a complete answer (status, headers and body) once connected
 * @param maxAttempts how many times a call is sent before it fails; 1 means no retry
 * @param initialBackoff the pause after the first failed attempt
 * @param backoffMultiplier what each further pause is multiplied by
 * @param maxBackoff the longest pause
 */
public record HttpCallSettings(
    URI baseUrl,
    Duration connectTimeout,
    Duration readTimeout,
    int maxAttempts,
    Duration initialBackoff,
    double backoffMultiplier,
    Duration maxBackoff) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);
  public static final double DEFAULT_BACKOFF_MULTIPLIER = 2.0;
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(2);

  public HttpCallSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
  }

  /**
   * The settings with a default for every {@code null}, checked; a complaint names {@code prefix}'s
   * property and, for a missing base URL, the {@code when} that makes it needed (e.g. "when …mode=http").
   */
  public static HttpCallSettings of(String prefix, URI baseUrl, Duration connectTimeout, Duration readTimeout,
      Integer maxAttempts, Duration initialBackoff, Double backoffMultiplier, Duration maxBackoff, String when) {
    if (baseUrl == null) {
      throw new IllegalArgumentException(prefix + ".base-url must be set" + (when.isEmpty() ? "" : " " + when));
    }
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException(prefix + ".base-url must be an http or https URL");
    }
    Duration connect = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, prefix, "connect-timeout");
    Duration read = positive(readTimeout, DEFAULT_READ_TIMEOUT, prefix, "read-timeout");
    int attempts = maxAttempts == null ? DEFAULT_MAX_ATTEMPTS : maxAttempts;
    if (attempts < 1) {
      throw new IllegalArgumentException(prefix + ".max-attempts must be at least 1");
    }
    Duration initial = initialBackoff == null ? DEFAULT_INITIAL_BACKOFF : initialBackoff;
    double multiplier = backoffMultiplier == null ? DEFAULT_BACKOFF_MULTIPLIER : backoffMultiplier;
    Duration max = maxBackoff == null ? DEFAULT_MAX_BACKOFF : maxBackoff;
    if (initial.isNegative() || max.isNegative() || multiplier < 1.0) {
      throw new IllegalArgumentException(prefix + ": backoffs must not be negative and the multiplier at least 1");
    }
    return new HttpCallSettings(baseUrl, connect, read, attempts, initial, multiplier, max);
  }

  /** The longest wait for one attempt: connect + read timeout. */
  public Duration deadline() {
    return connectTimeout.plus(readTimeout);
  }

  /** The pause after failed attempt {@code attempt} (1-based): initial × multiplier^(attempt − 1), capped. */
  public Duration backoffAfter(int attempt) {
    double millis = initialBackoff.toMillis() * Math.pow(backoffMultiplier, attempt - 1);
    return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(Math.round(millis));
  }

  /** {@code path} (no leading slash) under the base URL. */
  public URI resolve(String path) {
    String base = baseUrl.toString();
    return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
  }

  private static Duration positive(Duration value, Duration fallback, String prefix, String name) {
    if (value == null) {
      return fallback;
    }
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(prefix + "." + name + " must be positive");
    }
    return value;
  }
}
