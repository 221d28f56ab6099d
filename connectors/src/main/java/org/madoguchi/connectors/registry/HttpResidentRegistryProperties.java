package org.madoguchi.connectors.registry;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the HTTP resident registry connector, chosen by
 * {@code madoguchi.connectors.registry.mode=http}:
 *
 * <pre>
 * madoguchi.connectors.registry.mode=http
 * madoguchi.connectors.registry.base-url=https://registry.example.lg.jp/api/v1
 * # how long to wait for a connection, and for a whole answer once connected
 * madoguchi.connectors.registry.connect-timeout=2s
 * madoguchi.connectors.registry.read-timeout=5s
 * # attempts per call (the first one included), and the pauses between them: 200 ms, 400 ms, … up to 2 s
 * madoguchi.connectors.registry.max-attempts=3
 * madoguchi.connectors.registry.initial-backoff=200ms
 * madoguchi.connectors.registry.backoff-multiplier=2
 * madoguchi.connectors.registry.max-backoff=2s
 * </pre>
 *
 * Unset values take the defaults shown.
 *
 * @param baseUrl the registry API's base URL (see {@code openapi/registry-api.yaml}), without a trailing slash
 * @param connectTimeout the longest wait for a TCP connection
 * @param readTimeout the longest wait for a complete answer (status, headers and body) once connected
 * @param maxAttempts how many times a call is sent before it fails; 1 means no retry
 * @param initialBackoff the pause after the first failed attempt
 * @param backoffMultiplier what each further pause is multiplied by
 * @param maxBackoff the longest pause
 */
@ConfigurationProperties(HttpResidentRegistryProperties.PREFIX)
public record HttpResidentRegistryProperties(
    URI baseUrl,
    Duration connectTimeout,
    Duration readTimeout,
    Integer maxAttempts,
    Duration initialBackoff,
    Double backoffMultiplier,
    Duration maxBackoff) {

  public static final String PREFIX = "madoguchi.connectors.registry";
  /** The property that selects this connector when it is {@code http}. */
  public static final String MODE = PREFIX + ".mode";

  public HttpResidentRegistryProperties {
    if (baseUrl == null) {
      throw new IllegalArgumentException(PREFIX + ".base-url must be set when " + MODE + "=http");
    }
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException(PREFIX + ".base-url must be an http or https URL");
    }
    connectTimeout = positive(connectTimeout, Duration.ofSeconds(2), "connect-timeout");
    readTimeout = positive(readTimeout, Duration.ofSeconds(5), "read-timeout");
    maxAttempts = maxAttempts == null ? 3 : maxAttempts;
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(PREFIX + ".max-attempts must be at least 1");
    }
    initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
    backoffMultiplier = backoffMultiplier == null ? 2.0 : backoffMultiplier;
    maxBackoff = maxBackoff == null ? Duration.ofSeconds(2) : maxBackoff;
    if (initialBackoff.isNegative() || maxBackoff.isNegative() || backoffMultiplier < 1.0) {
      throw new IllegalArgumentException(PREFIX + ": backoffs must not be negative and the multiplier at least 1");
    }
  }

  /** The settings with every default, for {@code baseUrl}. */
  public static HttpResidentRegistryProperties of(URI baseUrl) {
    return new HttpResidentRegistryProperties(baseUrl, null, null, null, null, null, null);
  }

  /** The pause after failed attempt {@code attempt} (1-based): initial × multiplier^(attempt − 1), capped. */
  Duration backoffAfter(int attempt) {
    double millis = initialBackoff.toMillis() * Math.pow(backoffMultiplier, attempt - 1);
    return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(Math.round(millis));
  }

  private static Duration positive(Duration value, Duration fallback, String name) {
    if (value == null) {
      return fallback;
    }
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(PREFIX + "." + name + " must be positive");
    }
    return value;
  }
}
