package org.madoguchi.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An outside system's HTTP API played in the test JVM, which stores what it is sent under the request's
 * Idempotency-Key, as the APIs promise, and can be made to fail in the three ways a network fails:
 *
 * <ul>
 *   <li>not listening: every connection is refused ({@link #refuseConnections()});</li>
 *   <li>faulty ({@link #injectFaults()}): each visit gets a {@link Plan}, the next in turn, that says which of
 *       its requests fail, with 503 (nothing stored) or with an answer that comes too late (stored, then
 *       answered after the client gave up: the case a retry must not turn into a second one);</li>
 *   <li>healthy ({@link #heal()}).</li>
 * </ul>
 *
 * Every request that reaches it is recorded with its key and what it was answered.
 */
abstract class FaultInjectingApi implements AutoCloseable {

  /** Which requests of one visit fail while the API is faulty; counted per idempotency key. */
  enum Plan {
    /** The first request gets 503; the connector's own retry gets through. */
    RECOVERS_WITHIN_THE_CALL(1),
    /** Stored but answered too late, then 503: the call fails; the engine's job retry gets through. */
    RECOVERS_ON_THE_JOB_RETRY(2),
    /** 503 and late answers (stored) in turn for as long as the API is faulty: the job ends in an incident. */
    FAILS_UNTIL_HEALED(Integer.MAX_VALUE);

    private final int failingRequests;

    Plan(int failingRequests) {
      this.failingRequests = failingRequests;
    }

    Outcome faultOf(int request) {
      if (request > failingRequests) {
        return null;
      }
      boolean lateFirst = this == RECOVERS_ON_THE_JOB_RETRY;
      return (request % 2 == 1) == lateFirst ? Outcome.ANSWERED_TOO_LATE : Outcome.UNAVAILABLE;
    }
  }

  /** What a request that reached the API was answered. */
  enum Outcome {
    /** Stored now. */
    STORED,
    /** Stored before under this key; answered with the first answer. */
    REPEATED,
    /** The key came again with a different body: refused with 409. */
    CONFLICT,
    /** 503, nothing stored. */
    UNAVAILABLE,
    /** Stored now or before, then answered after the client's deadline. */
    ANSWERED_TOO_LATE
  }

  record Received(String key, String visitId, Outcome outcome) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final Duration lateBy;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "fault-injecting-api");
    thread.setDaemon(true);
    return thread;
  });
  private final List<Received> received = new ArrayList<>();
  private final Map<String, JsonNode> firstBodyByKey = new LinkedHashMap<>();
  private final Map<String, JsonNode> answerByKey = new LinkedHashMap<>();
  private final Map<String, Plan> planByVisit = new LinkedHashMap<>();
  private final Map<String, AtomicInteger> faultyRequestsByKey = new ConcurrentHashMap<>();
  private HttpServer server;
  /**
   * Holds the port while nothing listens: a socket bound but not listening, so connections are refused and
   * no client socket of this machine is given the port meanwhile.
   */
  private Socket placeholder;
  private volatile boolean faulty;

  /** Not listening yet; {@code lateBy} must exceed the client's deadline (connect + read timeout). */
  FaultInjectingApi(Duration lateBy) {
    this.lateBy = lateBy;
    placeholder = bindWithoutListening(0);
    port = placeholder.getLocalPort();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Stops listening: connections are refused until {@link #injectFaults()} or {@link #heal()}. */
  synchronized void refuseConnections() {
    if (server != null) {
      server.stop(0);
      server = null;
      placeholder = bindWithoutListening(port);
    }
  }

  synchronized void injectFaults() {
    faulty = true;
    listen();
  }

  synchronized void heal() {
    faulty = false;
    listen();
  }

  /** Every case stored, by idempotency key, as first sent. */
  synchronized Map<String, JsonNode> stored() {
    return new LinkedHashMap<>(firstBodyByKey);
  }

  /** The answer stored for {@code key}, the one every repeat gets too. */
  synchronized JsonNode answerFor(String key) {
    return answerByKey.get(key);
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
    closePlaceholder();
    threads.shutdownNow();
  }

  /** Whether the request is this API's one writing operation, with a body of the agreed shape. */
  abstract boolean accepts(String method, String path, JsonNode body);

  /** The first answer to a case: what the system issued for it. */
  abstract JsonNode firstAnswer(JsonNode body);

  /** The answer to a repeat of a stored case. */
  abstract JsonNode repeatedAnswer(JsonNode firstAnswer);

  private void listen() {
    if (server != null) {
      return;
    }
    closePlaceholder();
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    } catch (IOException e) {
      throw new UncheckedIOException("could not listen on port " + port + " again", e);
    }
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  private static Socket bindWithoutListening(int port) {
    try {
      Socket socket = new Socket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException("could not hold port " + port, e);
    }
  }

  private void closePlaceholder() {
    try {
      if (placeholder != null) {
        placeholder.close();
        placeholder = null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      JsonNode json = parse(body);
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      if (json == null || key == null || !accepts(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          json)) {
        respond(exchange, 400, problem(400));
        return;
      }
      String visitId = json.path("visitId").asText();
      Outcome fault = faulty ? planFor(visitId).faultOf(
          faultyRequestsByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet()) : null;
      if (fault == Outcome.UNAVAILABLE) {
        record(key, visitId, Outcome.UNAVAILABLE);
        respond(exchange, 503, problem(503));
        return;
      }
      Answer answer = store(key, json);
      boolean late = fault == Outcome.ANSWERED_TOO_LATE && answer.outcome() != Outcome.CONFLICT;
      record(key, visitId, late ? Outcome.ANSWERED_TOO_LATE : answer.outcome());
      if (late) {
        Thread.sleep(lateBy.toMillis());
      }
      respond(exchange, answer.status(), answer.json());
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    } catch (IOException clientGaveUp) {
      // the late answer found the connection closed: what the fault is about
    }
  }

  private record Answer(Outcome outcome, int status, JsonNode json) {
  }

  /** Stores a case once per key, as the APIs require: a repeat gets the first answer, another body 409. */
  private synchronized Answer store(String key, JsonNode json) {
    JsonNode first = firstBodyByKey.get(key);
    if (first == null) {
      firstBodyByKey.put(key, json);
      JsonNode answer = firstAnswer(json);
      answerByKey.put(key, answer);
      return new Answer(Outcome.STORED, 201, answer);
    }
    if (!first.equals(json)) {
      return new Answer(Outcome.CONFLICT, 409, problem(409));
    }
    return new Answer(Outcome.REPEATED, 200, repeatedAnswer(answerByKey.get(key)));
  }

  private synchronized Plan planFor(String visitId) {
    Plan plan = planByVisit.get(visitId);
    if (plan == null) {
      plan = Plan.values()[planByVisit.size() % Plan.values().length];
      planByVisit.put(visitId, plan);
    }
    return plan;
  }

  private synchronized void record(String key, String visitId, Outcome outcome) {
    received.add(new Received(key, visitId, outcome));
  }

  private static JsonNode problem(int status) {
    return JSON.createObjectNode().put("title", "fault injected by the test").put("status", status);
  }

  private static void respond(HttpExchange exchange, int status, JsonNode json) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(json);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static JsonNode parse(String body) {
    try {
      return body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  static ObjectMapper json() {
    return JSON;
  }
}
