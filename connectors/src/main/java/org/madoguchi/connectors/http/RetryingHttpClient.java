package org.madoguchi.connectors.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP call with its attempts, as every HTTP connector (registry, notices, hand-over) makes it.
 *
 * <p>Each call gets {@link HttpCallSettings#maxAttempts()} attempts. A timeout (no complete answer within
 * connect + read timeout), a failed or dropped connection, a truncated body, and the answers 408, 429 and
 * 5xx are retried after an exponentially growing pause; any other answer is final and goes to the caller's
 * {@link AnswerReader}. A request meant to change something must carry its Idempotency-Key: the same
 * {@link HttpRequest} (same body, same key) is sent on every attempt.
 *
 * <p>Every failure is the connector's own exception (made by {@link Counterpart#exception()}) whose message
 * says which operation failed and how, in Japanese and English, and carries no personal data and no
 * identifier. It keeps no cause whose message could quote a URL or a body.
 */
public final class RetryingHttpClient {

  /** The header that makes a repeated request harmless. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /** How the connector waits between attempts; tests record the pauses instead. */
  @FunctionalInterface
  public interface Sleeper {

    Sleeper THREAD = pause -> Thread.sleep(pause.toMillis());

    void sleep(Duration pause) throws InterruptedException;
  }

  /** Reads a final answer, or throws the connector's exception, which is not retried. */
  @FunctionalInterface
  public interface AnswerReader<T> {

    T read(int status, byte[] body);
  }

  /**
   * The system on the other end, as messages name it, and the connector's exception type.
   *
   * @param japaneseName e.g. 住民記録システム
   * @param englishName e.g. the resident registry
   * @param exception makes the connector's exception from a message
   */
  public record Counterpart(String japaneseName, String englishName,
      Function<String, ? extends RuntimeException> exception) {
  }

  /** An answer without a field the API requires; the message is the field's path, never a value. */
  public static final class MissingField extends RuntimeException {

    public MissingField(String path) {
      super(path, null, false, false);
    }
  }

  /** An answer with a field the API constrains and the value breaks; the message names the field and the rule. */
  public static final class InvalidField extends RuntimeException {

    public InvalidField(String path, String rule) {
      super(path + " " + rule, null, false, false);
    }
  }

  private final HttpCallSettings settings;
  private final Counterpart counterpart;
  private final Sleeper sleeper;
  private final Logger log;
  private final HttpClient client;
  private final ObjectMapper json = objectMapper();

  public RetryingHttpClient(HttpCallSettings settings, Counterpart counterpart, Sleeper sleeper, Class<?> owner) {
    this.settings = settings;
    this.counterpart = counterpart;
    this.sleeper = sleeper;
    this.log = LoggerFactory.getLogger(owner);
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Its own mapper: an API contract does not change with the application's Jackson settings. */
  public static ObjectMapper objectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  /** {@code value}, or a {@link MissingField} naming {@code path} when it is null or blank. */
  public static <T> T required(T value, String path) {
    if (value == null || value instanceof String text && text.isBlank()) {
      throw new MissingField(path);
    }
    return value;
  }

  public HttpCallSettings settings() {
    return settings;
  }

  /** A request to {@code path} under the base URL, with the read timeout and {@code Accept: application/json}. */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(settings.resolve(path))
        .timeout(settings.readTimeout())
        .header("Accept", "application/json");
  }

  /** {@code value} as a JSON request body. */
  public HttpRequest.BodyPublisher jsonBody(String operation, Object value) {
    try {
      return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(value));
    } catch (IOException e) {
      throw failure(operation + ": could not write the request as JSON");
    }
  }

  /** Sends {@code request} until an answer is final or the attempts are used up. */
  public <T> T call(String operation, HttpRequest request, AnswerReader<T> reader) {
    int attempts = settings.maxAttempts();
    String lastFailure = "";
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        HttpResponse<byte[]> response = send(request);
        int status = response.statusCode();
        log.debug("{} {}: HTTP {} (attempt {}/{})", counterpart.englishName(), operation, status, attempt,
            attempts);
        if (!isRetried(status)) {
          return readFinal(operation, reader, status, response.body());
        }
        lastFailure = "HTTP " + status;
      } catch (ConnectException | HttpConnectTimeoutException refused) {
        lastFailure = "could not connect (" + refused.getClass().getSimpleName() + ")";
      } catch (TimeoutException | HttpTimeoutException timeout) {
        lastFailure = "no complete answer within " + settings.deadline().toMillis() + " ms";
      } catch (IOException broken) {
        lastFailure = "the connection failed or the answer was cut short (" + broken.getClass().getSimpleName()
            + ")";
      }
      if (attempt < attempts) {
        Duration pause = settings.backoffAfter(attempt);
        log.warn("{} {}: attempt {}/{} failed: {}; retrying in {} ms", counterpart.englishName(), operation,
            attempt, attempts, lastFailure, pause.toMillis());
        pause(operation, pause);
      }
    }
    log.warn("{} {}: all {} attempts failed; last: {}", counterpart.englishName(), operation, attempts,
        lastFailure);
    throw failure(counterpart.japaneseName() + "から応答がありません（" + attempts + "回試行）/ "
        + counterpart.englishName() + " did not answer " + operation + " after " + attempts + " attempts; last: "
        + lastFailure);
  }

  /** The final answer {@code status} is not one the operation accepts. */
  public RuntimeException refused(String operation, int status) {
    return failure(counterpart.japaneseName() + "が要求を受け付けませんでした（HTTP " + status + "）/ "
        + counterpart.englishName() + " refused " + operation + " with HTTP " + status);
  }

  /** The answer is well formed but says something it must not (another id, another visit, …). */
  public RuntimeException wrongAnswer(String operation, String what) {
    return failure(counterpart.japaneseName() + "の応答が要求と合いません / " + counterpart.englishName()
        + " answered " + operation + " with " + what);
  }

  /** Reads a JSON body; neither a parse error nor an empty body quotes what was received. */
  public <T> T readJson(String operation, byte[] body, Class<T> type) {
    T value;
    try {
      value = json.readValue(body, type);
    } catch (IOException notTheAgreedJson) {
      // without the cause: Jackson's message quotes the body
      throw failure(counterpart.japaneseName() + "の応答を読めません / " + counterpart.englishName()
          + " answered " + operation + " with a body that is not the agreed JSON");
    }
    if (value == null) {
      throw failure(counterpart.japaneseName() + "の応答が空です / " + counterpart.englishName() + " answered "
          + operation + " with an empty body");
    }
    return value;
  }

  /** The connector's exception with {@code message}. */
  public RuntimeException failure(String message) {
    return counterpart.exception().apply(message);
  }

  private <T> T readFinal(String operation, AnswerReader<T> reader, int status, byte[] body) {
    try {
      return reader.read(status, body);
    } catch (MissingField missing) {
      throw failure(counterpart.japaneseName() + "の応答に必要な項目がありません（" + missing.getMessage()
          + "）/ the answer of " + counterpart.englishName() + " to " + operation + " lacks the required field "
          + missing.getMessage());
    } catch (InvalidField invalid) {
      throw failure(counterpart.japaneseName() + "の応答に不正な項目があります / the answer of "
          + counterpart.englishName() + " to " + operation + " is invalid: " + invalid.getMessage());
    }
  }

  /** Sends and waits for the whole answer, body included, for at most connect + read timeout. */
  private HttpResponse<byte[]> send(HttpRequest request) throws IOException, TimeoutException {
    CompletableFuture<HttpResponse<byte[]>> answer =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    try {
      return answer.get(settings.deadline().toMillis(), TimeUnit.MILLISECONDS);
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
      throw failure("interrupted while waiting for " + counterpart.englishName());
    }
  }

  private void pause(String operation, Duration pause) {
    try {
      sleeper.sleep(pause);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw failure("interrupted between attempts of " + operation);
    }
  }

  private static boolean isRetried(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  /**
   * Percent-encodes everything but the unreserved characters (RFC 3986), and the dots of a dot segment, so
   * an id stays one segment of the path it is put in.
   */
  public static String pathSegment(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("an identifier is needed");
    }
    if (id.equals(".") || id.equals("..")) {
      return id.replace(".", "%2E"); // a dot segment would climb the path
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
