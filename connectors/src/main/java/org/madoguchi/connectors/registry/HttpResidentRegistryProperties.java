package org.madoguchi.connectors.registry;

import java.net.URI;
import java.time.Duration;
import org.madoguchi.connectors.http.HttpCallSettings;
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
  public static HttpResidentRegistryProperties of(URI baseUrl) {
    return new HttpResidentRegistryProperties(baseUrl, null, null, null, null, null, null);
  }

  HttpCallSettings http() {
    return new HttpCallSettings(baseUrl, connectTimeout, readTimeout, maxAttempts, initialBackoff,
        backoffMultiplier, maxBackoff);
  }
}
