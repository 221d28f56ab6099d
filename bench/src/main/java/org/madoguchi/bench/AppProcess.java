package org.madoguchi.bench;

import java.io.IOException;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real application jar in its own JVM on a loopback port, with the demo users but no demo households or
 * notices, its GC log in the work folder; stopped (after a full collection for the live heap size) at the end.
 */
final class AppProcess implements AutoCloseable {

  private final Process process;
  final int port;
  final Path gcLog;
  final Path log;

  private AppProcess(Process process, int port, Path gcLog, Path log) {
    this.process = process;
    this.port = port;
    this.gcLog = gcLog;
    this.log = log;
  }

  static AppProcess start(Path jar, String name, Path workDir, List<String> jvmOptions, List<String> appArguments,
      Map<String, String> environment, Duration startTimeout) throws IOException, InterruptedException {
    int port = freePort();
    Path gcLog = workDir.resolve(name + "-gc.log");
    Path log = workDir.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-Xlog:gc:file=" + gcLog);
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.address=127.0.0.1");
    command.add("--server.port=" + port);
    command.add("--madoguchi.demo.households=0");
    command.add("--madoguchi.demo.move-out-notices=0");
    command.addAll(appArguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).directory(workDir.toFile());
    builder.environment().putAll(environment);
    AppProcess app = new AppProcess(builder.start(), port, gcLog, log);
    app.awaitHealthy(startTimeout);
    return app;
  }

  long pid() {
    return process.pid();
  }

  private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the application stopped while starting; its log ends with:\n" + tail());
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("UP")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    close();
    throw new IllegalStateException("the application did not answer UP within " + timeout.toSeconds() + " s; log:\n"
        + tail());
  }

  String tail() throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** jcmd against the application's JVM; returns its output (empty if jcmd is missing or fails). */
  String jcmd(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    command.add(String.valueOf(pid()));
    command.addAll(List.of(arguments));
    try {
      Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(jcmd.getInputStream().readAllBytes());
      jcmd.waitFor(60, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
