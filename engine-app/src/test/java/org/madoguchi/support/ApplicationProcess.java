package org.madoguchi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * The packaged application ({@code madoguchi.jar}) as an operating-system process of its own, on a free
 * loopback port and a PostgreSQL database, so that a test can kill it the way a power cut or the OOM killer
 * does. Its output goes to {@code target/app-processes/<name>.log}.
 *
 * <p>The jar is the one the package phase built: failsafe passes its path as the system property
 * {@code madoguchi.jar}; run from an IDE, {@code target/madoguchi.jar} of the module is used.
 */
public final class ApplicationProcess implements AutoCloseable {

  /** Exit status of a JVM ended by SIGKILL (128 + 9), as {@link Process#exitValue()} reports it. */
  public static final int KILLED_BY_SIGKILL = 137;

  private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
  private static final Path LOG_DIR = Path.of("target", "app-processes");
  /** Processes a test left running when its JVM exits (a failed or interrupted test) are not left behind. */
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
  }

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private ApplicationProcess(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the jar on {@code databaseUrl} with the {@code postgres} profile, the demo users and a small demo
   * (5 households, {@code notices} move-out notices, made only when the database has none), a job executor
   * that picks up work quickly, and {@code arguments} ({@code name=value}, which outrank everything else);
   * returns once {@code /actuator/health} answers UP.
   */
  public static ApplicationProcess start(String name, String databaseUrl, int notices, String... arguments) {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // a quicker start on a small machine; these tests measure no throughput
        "-XX:TieredStopAtLevel=1", "-Xmx768m",
        "-jar", jar().toString(),
        "--server.address=127.0.0.1",
        "--server.port=" + port,
        "--spring.profiles.active=postgres",
        "--spring.datasource.url=" + databaseUrl,
        "--spring.datasource.username=" + PostgresDatabase.USER,
        "--spring.datasource.password=" + PostgresDatabase.PASSWORD,
        "--madoguchi.data-dir=" + LOG_DIR.resolve(name + "-data").toAbsolutePath(),
        "--madoguchi.demo.households=5",
        "--madoguchi.demo.move-out-notices=" + notices,
        "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=1000"));
    for (String argument : arguments) {
      command.add("--" + argument);
    }
    try {
      Files.createDirectories(LOG_DIR);
      Path log = LOG_DIR.resolve(name + ".log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      RUNNING.add(process);
      ApplicationProcess application = new ApplicationProcess(name, process, port, log);
      application.awaitHealthy();
      return application;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  public String name() {
    return name;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** A client for this process; a dead process answers every call with a ResourceAccessException. */
  public TestRestTemplate rest() {
    return new TestRestTemplate(new RestTemplateBuilder().rootUri(baseUrl())
        .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(60)));
  }

  /**
   * Kills the process with SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no
   * transaction finished, no lock released. Returns its exit status once it is gone.
   */
  public int kill() {
    try {
      process.destroyForcibly();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " still runs 30 s after SIGKILL");
      }
      RUNNING.remove(process);
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while killing " + name, e);
    }
  }

  /** The last lines of the process's output, for a failure message. */
  public String logTail() {
    try {
      List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /** Stops a process still running the ordinary way (SIGTERM), forcibly after 30 s. */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      RUNNING.remove(process);
    }
  }

  private void awaitHealthy() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        RUNNING.remove(process);
        throw new IllegalStateException(name + " stopped while starting; its log ends with:\n" + logTail());
      }
      try {
        HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notListeningYet) {
        // the port opens late in the start
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      sleep(Duration.ofMillis(500));
    }
    close();
    throw new IllegalStateException(name + " did not answer UP within " + START_TIMEOUT.toSeconds()
        + " s; its log ends with:\n" + logTail());
  }

  private static Path jar() {
    String configured = System.getProperty("madoguchi.jar");
    Path jar = configured == null || configured.isBlank() ? Path.of("target", "madoguchi.jar") : Path.of(configured);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no application jar at " + jar.toAbsolutePath()
          + ": these tests run the packaged application (mvn package, or verify, builds it)");
    }
    return jar;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
