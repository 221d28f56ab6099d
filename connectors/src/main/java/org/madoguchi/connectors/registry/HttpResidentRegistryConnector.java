package org.madoguchi.connectors.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resident registry behind the HTTP/JSON API of {@code openapi/registry-api.yaml}.
 *
 * <p>Each call gets {@link HttpResidentRegistryProperties#maxAttempts()} attempts. A timeout (no complete
 * answer within connect + read timeout), a failed or dropped connection, a truncated body, and the answers
 * 408, 429 and 5xx are retried after an exponentially growing pause; other answers are final: 404 means
 * "none", any other 4xx is a refusal, and a body that is not the agreed JSON, or lacks a field the API
 * requires, is an incomplete answer. {@link #registerMoveIn} sends the visit id as the Idempotency-Key on
 * every attempt, so the registry records a retried move-in once.
 *
 * <p>Every failure is a {@link RegistryException} whose message says which operation failed and how, and
 * carries no personal data and no identifier: the engine retries the job and then raises an incident an
 * operator can retry. It keeps no cause whose message could quote a URL or a body.
 */
public class HttpResidentRegistryConnector implements ResidentRegistryConnector {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private static final Logger log = LoggerFactory.getLogger(HttpResidentRegistryConnector.class);

  private final HttpResidentRegistryProperties settings;
  private final HttpClient client;
  private final Sleeper sleeper;
  private final ObjectMapper json = HttpRegistryJson.objectMapper();

  public HttpResidentRegistryConnector(HttpResidentRegistryProperties settings) {
    this(settings, Sleeper.THREAD);
  }

  HttpResidentRegistryConnector(HttpResidentRegistryProperties settings, Sleeper sleeper) {
    this.settings = settings;
    this.sleeper = sleeper;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** How the connector waits between attempts; tests record the pauses instead. */
  @FunctionalInterface
  interface Sleeper {

    Sleeper THREAD = pause -> Thread.sleep(pause.toMillis());

    void sleep(Duration pause) throws InterruptedException;
  }

  @Override
  public Optional<Resident> findResident(String atenaNumber) {
    String operation = "GET /residents/{atenaNumber}";
    HttpRequest request = get("residents", atenaNumber);
    return call(operation, request, (status, body) -> {
      if (status == 404) {
        return Optional.empty();
      }
      requireOk(operation, status);
      Resident resident = read(operation, body, HttpRegistryJson.ResidentJson.class).toResident("resident");
      if (!resident.atenaNumber().equals(atenaNumber)) {
        throw new RegistryException(operation + ": the resident registry answered with another resident");
      }
      return Optional.of(resident);
    });
  }

  @Override
  public List<Resident> findHousehold(String householdNumber) {
    String operation = "GET /households/{householdNumber}";
    HttpRequest request = get("households", householdNumber);
    return call(operation, request, (status, body) -> {
      if (status == 404) {
        return List.of();
      }
      requireOk(operation, status);
      List<Resident> members = read(operation, body, HttpRegistryJson.HouseholdJson.class).toResidents();
      if (members.stream().anyMatch(member -> !member.householdNumber().equals(householdNumber))) {
        throw new RegistryException(operation + ": the resident registry answered with another household");
      }
      return members;
    });
  }

  @Override
  public MoveInRegistration registerMoveIn(MoveInRequest request) {
    String operation = "POST /move-ins";
    if (request.visitId() == null || request.visitId().isBlank()) {
      throw new IllegalArgumentException("a move-in needs its visit id: it is the idempotency key");
    }
    byte[] body;
    try {
      body = json.writeValueAsBytes(HttpRegistryJson.MoveInRequestJson.of(request));
    } catch (JsonProcessingException e) {
      throw new RegistryException(operation + ": could not write the request as JSON");
    }
    // one request object for every attempt: the same body and the same Idempotency-Key each time
    HttpRequest httpRequest = HttpRequest.newBuilder(uri("move-ins"))
        .timeout(settings.readTimeout())
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .header(IDEMPOTENCY_KEY, request.visitId())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return call(operation, httpRequest, (status, answer) -> {
      if (status != 201 && status != 200) {
        throw refused(operation, status);
      }
      MoveInRegistration registration = read(operation, answer, HttpRegistryJson.MoveInRegistrationJson.class)
          .toRegistration(request);
      if (!registration.visitId().equals(request.visitId())) {
        throw new RegistryException(operation + ": the resident registry answered for another visit");
      }
      return registration;
    });
  }

  // --- one call, with its attempts --------------------------------------------------------------------

  @FunctionalInterface
  private interface AnswerReader<T> {

    /** Reads a final answer, or throws a {@link RegistryException} that is not retried. */
    T read(int status, byte[] body);
  }

  private <T> T call(String operation, HttpRequest request, AnswerReader<T> reader) {
    int attempts = settings.maxAttempts();
    String lastFailure = "";
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        HttpResponse<byte[]> response = send(request);
        int status = response.statusCode();
        log.debug("registry {}: HTTP {} (attempt {}/{})", operation, status, attempt, attempts);
        if (!isRetried(status)) {
          return readFinal(operation, reader, status, response.body());
        }
        lastFailure = "HTTP " + status;
      } catch (ConnectException | HttpConnectTimeoutException refused) {
        lastFailure = "could not connect (" + refused.getClass().getSimpleName() + ")";
      } catch (TimeoutException | HttpTimeoutException timeout) {
        lastFailure = "no complete answer within " + deadline().toMillis() + " ms";
      } catch (IOException broken) {
        lastFailure = "the connection failed or the answer was cut short (" + broken.getClass().getSimpleName() + ")";
      }
      if (attempt < attempts) {
        Duration pause = settings.backoffAfter(attempt);
        log.warn("registry {}: attempt {}/{} failed: {}; retrying in {} ms", operation, attempt, attempts,
            lastFailure, pause.toMillis());
        pause(operation, pause);
      }
    }
    log.warn("registry {}: all {} attempts failed; last: {}", operation, attempts, lastFailure);
    throw new RegistryException("住民記録システムから応答がありません（" + attempts + "回試行）/ the resident "
        + "registry did not answer " + operation + " after " + attempts + " attempts; last: " + lastFailure);
  }

  private static <T> T readFinal(String operation, AnswerReader<T> reader, int status, byte[] body) {
    try {
      return reader.read(status, body);
    } catch (HttpRegistryJson.MissingField missing) {
      throw new RegistryException("住民記録システムの応答に必要な項目がありません（" + missing.getMessage()
          + "）/ the resident registry's answer to " + operation + " lacks the required field "
          + missing.getMessage());
    }
  }

  /** Sends and waits for the whole answer, body included, for at most connect + read timeout. */
  private HttpResponse<byte[]> send(HttpRequest request) throws IOException, TimeoutException {
    CompletableFuture<HttpResponse<byte[]>> answer =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    try {
      return answer.get(deadline().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException timeout) {
      answer.cancel(true);
      throw timeout;
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(failed.getCause() == null ? "failed" : failed.getCause().getClass().getSimpleName());
    } catch (InterruptedException interrupted) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new RegistryException("interrupted while waiting for the resident registry");
    }
  }

  private void pause(String operation, Duration pause) {
    try {
      sleeper.sleep(pause);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new RegistryException("interrupted between attempts of " + operation);
    }
  }

  private Duration deadline() {
    return settings.connectTimeout().plus(settings.readTimeout());
  }

  private static boolean isRetried(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  private static void requireOk(String operation, int status) {
    if (status != 200) {
      throw refused(operation, status);
    }
  }

  private static RegistryException refused(String operation, int status) {
    return new RegistryException("住民記録システムが要求を受け付けませんでした（HTTP " + status + "）/ the resident "
        + "registry refused " + operation + " with HTTP " + status);
  }

  private <T> T read(String operation, byte[] body, Class<T> type) {
    T value;
    try {
      value = json.readValue(body, type);
    } catch (IOException notTheAgreedJson) {
      // without the cause: Jackson's message quotes the body
      throw new RegistryException("住民記録システムの応答を読めません / the resident registry answered "
          + operation + " with a body that is not the agreed JSON");
    }
    if (value == null) {
      throw new RegistryException("住民記録システムの応答が空です / the resident registry answered " + operation
          + " with an empty body");
    }
    return value;
  }

  // --- requests --------------------------------------------------------------------------------------

  private HttpRequest get(String collection, String id) {
    return HttpRequest.newBuilder(uri(collection + "/" + pathSegment(id)))
        .timeout(settings.readTimeout())
        .header("Accept", "application/json")
        .GET()
        .build();
  }

  private URI uri(String path) {
    String base = settings.baseUrl().toString();
    return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
  }

  /** Percent-encodes everything but the unreserved characters (RFC 3986), so an id stays one segment. */
  static String pathSegment(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("an identifier is needed");
    }
    StringBuilder segment = new StringBuilder();
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
        segment.append(c);
      } else {
        segment.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return segment.toString();
  }
}
