package io.croupier.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One child process of the shaded {@code croupier.jar} that the package phase builds, with its
 * standard output and error in a log file. Servers listen on 127.0.0.1 on a free port from a fixed
 * range, and use the embedded store in the data folder they are given.
 */
final class CroupierProcess {

  static final Path JAR = Path.of("target", "croupier.jar");

  /** Exit status of a process that SIGKILL ended: 128 plus signal number 9. */
  static final int KILLED_STATUS = 137;

  private static final int FIRST_PORT = 18600;
  private static final int PORTS = 100;
  private static final AtomicInteger NEXT_PORT = new AtomicInteger();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path log;
  private final int port;

  private CroupierProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts {@code croupier.jar serve} with the settings, on top of a port and the data folder, and
   * waits until it listens.
   */
  static CroupierProcess serve(Path dataFolder, Path log, Map<String, String> settings)
      throws IOException {
    int port = freePort();
    ProcessBuilder builder = builder(List.of("-jar", JAR.toString(), "serve"), log);
    Map<String, String> environment = builder.environment();
    environment.putAll(settings);
    environment.put("CROUPIER_PORT", Integer.toString(port));
    environment.put("CROUPIER_DATA_DIR", dataFolder.toString());
    environment.put("MICRONAUT_SERVER_HOST", "127.0.0.1");
    CroupierProcess server = new CroupierProcess(builder.start(), log, port);
    server.awaitLog("listening on", START_TIMEOUT);
    return server;
  }

  /**
   * Starts {@code java <arguments>} with no {@code CROUPIER_} variable but those given, without
   * waiting for it.
   */
  static CroupierProcess java(List<String> arguments, Path log, Map<String, String> settings)
      throws IOException {
    ProcessBuilder builder = builder(arguments, log);
    builder.environment().putAll(settings);
    return new CroupierProcess(builder.start(), log, -1);
  }

  private static ProcessBuilder builder(List<String> arguments, Path log) {
    assertThat(JAR).as("the shaded jar; run the package phase first").exists();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(arguments);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(variable -> variable.startsWith("CROUPIER_"));
    return builder;
  }

  int port() {
    return port;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Sends SIGKILL and returns the exit status once the process is gone. On Linux, {@link
   * Process#destroyForcibly()} sends SIGKILL, which the JVM cannot catch, so no shutdown hook runs
   * and nothing is flushed.
   */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
        .as("process gone after SIGKILL")
        .isTrue();
    return process.exitValue();
  }

  /** Sends SIGTERM, which stops a server gracefully, and returns the exit status. */
  int stop() throws InterruptedException, IOException {
    process.destroy();
    assertThat(process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
        .as("process stopped after SIGTERM; log:%n%s", logText())
        .isTrue();
    return process.exitValue();
  }

  /** Waits for the process to exit by itself and returns its exit status. */
  int awaitExit(Duration timeout) throws InterruptedException, IOException {
    assertThat(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))
        .as("process exited; log:%n%s", logText())
        .isTrue();
    return process.exitValue();
  }

  /** Waits until the log contains the text, failing if the process exits or time runs out. */
  void awaitLog(String text, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!logText().contains(text)) {
      assertThat(process.isAlive()).as("process running; log:%n%s", logText()).isTrue();
      assertThat(System.nanoTime())
          .as("time to log '%s'; log:%n%s", text, logText())
          .isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  String logText() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /**
   * Returns a port from 18600 to 18699 that nothing listens on, trying each in turn from where the
   * last call stopped, so that a port a killed server held is not the next one taken.
   */
  private static int freePort() throws IOException {
    for (int attempt = 0; attempt < PORTS; attempt++) {
      int port = FIRST_PORT + Math.floorMod(NEXT_PORT.getAndIncrement(), PORTS);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException taken) {
        // Tried again with the next port.
      }
    }
    throw new IOException("Every port from 18600 to 18699 is in use");
  }
}
