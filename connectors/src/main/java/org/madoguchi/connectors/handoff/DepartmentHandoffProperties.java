package org.madoguchi.connectors.handoff;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.madoguchi.connectors.http.HttpCallSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the department hand-off connectors. {@code mode} chooses how an accepted case reaches the
 * department's system:
 *
 * <pre>
 * # embedded (the default): recorded in the application's own database, for the demo
 * # file: one CSV file per case in the department's folder of the outbox (docs/department-handoff-csv.md)
 * # http: POST to the hand-off API (openapi/department-handoff-api.yaml)
 * madoguchi.connectors.handoff.mode=file
 *
 * # mode=file
 * madoguchi.connectors.handoff.outbox=/var/lib/madoguchi/outbox
 * # make a department's folder when it is missing, instead of failing the hand-over (default false)
 * madoguchi.connectors.handoff.create-department-folders=false
 *
 * # mode=http
 * madoguchi.connectors.handoff.base-url=https://handoff.example.lg.jp/api/v1
 * madoguchi.connectors.handoff.connect-timeout=2s
 * madoguchi.connectors.handoff.read-timeout=5s
 * madoguchi.connectors.handoff.max-attempts=3
 * madoguchi.connectors.handoff.initial-backoff=200ms
 * madoguchi.connectors.handoff.backoff-multiplier=2
 * madoguchi.connectors.handoff.max-backoff=2s
 * </pre>
 *
 * Unset values take the defaults shown; a mode's required setting missing stops the start with a message
 * that names it.
 *
 * @param mode how cases are handed over
 * @param outbox (file) the folder holding one folder per department code
 * @param createDepartmentFolders (file) whether a missing department folder is made rather than a failure
 * @param baseUrl (http) the hand-off API's base URL
 * @param connectTimeout (http) the longest wait for a TCP connection
 * @param readTimeout (http) the longest wait for a complete answer once connected
 * @param maxAttempts (http) how many times a hand-over is sent before it fails; 1 means no retry
 * @param initialBackoff (http) the pause after the first failed attempt
 * @param backoffMultiplier (http) what each further pause is multiplied by
 * @param maxBackoff (http) the longest pause
 */
@ConfigurationProperties(DepartmentHandoffProperties.PREFIX)
public record DepartmentHandoffProperties(
    Mode mode,
    Path outbox,
    Boolean createDepartmentFolders,
    URI baseUrl,
    Duration connectTimeout,
    Duration readTimeout,
    Integer maxAttempts,
    Duration initialBackoff,
    Double backoffMultiplier,
    Duration maxBackoff) {

  public static final String PREFIX = "madoguchi.connectors.handoff";
  /** The property that chooses the connector. */
  public static final String MODE = PREFIX + ".mode";

  /** How cases are handed over. */
  public enum Mode {
    EMBEDDED, FILE, HTTP
  }

  public DepartmentHandoffProperties {
    mode = mode == null ? Mode.EMBEDDED : mode;
    createDepartmentFolders = createDepartmentFolders != null && createDepartmentFolders;
    if (mode == Mode.FILE && outbox == null) {
      throw new IllegalArgumentException(PREFIX + ".outbox must be set when " + MODE + "=file");
    }
    if (mode == Mode.HTTP) {
      HttpCallSettings checked = HttpCallSettings.of(PREFIX, baseUrl, connectTimeout, readTimeout, maxAttempts,
          initialBackoff, backoffMultiplier, maxBackoff, "when " + MODE + "=http");
      connectTimeout = checked.connectTimeout();
      readTimeout = checked.readTimeout();
      maxAttempts = checked.maxAttempts();
      initialBackoff = checked.initialBackoff();
      backoffMultiplier = checked.backoffMultiplier();
      maxBackoff = checked.maxBackoff();
    }
  }

  /** File mode with every default, into {@code outbox}. */
  public static DepartmentHandoffProperties file(Path outbox) {
    return new DepartmentHandoffProperties(Mode.FILE, outbox, null, null, null, null, null, null, null, null);
  }

  /** HTTP mode with every default, to {@code baseUrl}. */
  public static DepartmentHandoffProperties http(URI baseUrl) {
    return new DepartmentHandoffProperties(Mode.HTTP, null, null, baseUrl, null, null, null, null, null, null);
  }

  HttpCallSettings httpSettings() {
    if (mode != Mode.HTTP) {
      throw new IllegalStateException(MODE + " is not http");
    }
    return new HttpCallSettings(baseUrl, connectTimeout, readTimeout, maxAttempts, initialBackoff,
        backoffMultiplier, maxBackoff);
  }
}
