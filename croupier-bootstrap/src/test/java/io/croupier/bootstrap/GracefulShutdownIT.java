package io.croupier.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM sent to {@code java -jar croupier.jar serve}, the shaded jar that the package phase
 * builds: the server refuses new connections, lets the requests in flight finish within the grace
 * period, and exits with status 0. Logins at bcrypt cost 14, about a second each on one core, are
 * the slow requests. Runs in the integration-test phase, after the jar exists.
 */
class GracefulShutdownIT {

  private static final Path JAR = Path.of("target", "croupier.jar");
  private static final Path LOG_COPIES = Path.of("target", "logs");
  private static final String JWT_SECRET = "graceful-shutdown-test-secret-0123456789abcdef";
  private static final String EMAIL = "admin@graceful.example";
  private static final String PASSWORD = "Gr4cefulStop";
  private static final int SLOW_BCRYPT_COST = 14;
  private static final int LOGINS_IN_FLIGHT = 4;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** Time between sending the logins and SIGTERM, long enough for the server to read them. */
  private static final Duration REQUESTS_IN_FLIGHT_DELAY = Duration.ofMillis(500);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @TempDir Path folder;

  private Process server;
  private Path log;
  private int port;

  /** Kills a server that is still running and copies its log to target/logs for diagnosis. */
  @AfterEach
  void killServerAndKeepLog(TestInfo test) throws IOException, InterruptedException {
    if (server != null && server.isAlive()) {
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (log != null && Files.exists(log)) {
      Path copy = LOG_COPIES.resolve("graceful-shutdown-" + test.getDisplayName() + ".log");
      Files.createDirectories(LOG_COPIES);
      Files.copy(log, copy, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void finishesRequestsInFlightAndExitsZero() throws Exception {
    // given
    startServer("30");
    assertThat(createOrganization().statusCode()).isEqualTo(201);
    List<CompletableFuture<HttpResponse<String>>> logins = sendLogins();
    LockSupport.parkNanos(REQUESTS_IN_FLIGHT_DELAY.toNanos());

    // when
    server.toHandle().destroy();
    awaitLog("Refusing new connections");
    boolean refused = awaitRefusedConnection();
    boolean aliveWhileRefusing = server.isAlive();
    boolean exited = server.waitFor(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    // then
    assertThat(refused).as("new connection refused; log:%n%s", logText()).isTrue();
    assertThat(aliveWhileRefusing).as("server still draining when refusing").isTrue();
    for (CompletableFuture<HttpResponse<String>> login : logins) {
      HttpResponse<String> response = login.get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertThat(response.statusCode()).as("login in flight: %s", response.body()).isEqualTo(200);
      assertThat(response.body()).contains("access_token");
    }
    assertThat(exited).as("server exited; log:%n%s", logText()).isTrue();
    assertThat(server.exitValue()).as("exit status; log:%n%s", logText()).isZero();
    assertThat(logText()).contains("Received SIGTERM");
    assertThat(logText()).contains("Stopping Croupier");
    assertThat(logText()).contains("Every request in flight has finished");
    assertThat(logText()).contains("Croupier stopped");
  }

  @Test
  void gracePeriodBoundsStopOfSlowRequests() throws Exception {
    // given
    startServer("1");
    assertThat(createOrganization().statusCode()).isEqualTo(201);
    List<CompletableFuture<HttpResponse<String>>> logins = sendLogins();
    LockSupport.parkNanos(REQUESTS_IN_FLIGHT_DELAY.toNanos());

    // when
    long signalled = System.nanoTime();
    server.toHandle().destroy();
    boolean exited = server.waitFor(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    Duration stopTime = Duration.ofNanos(System.nanoTime() - signalled);

    // then
    assertThat(exited).as("server exited; log:%n%s", logText()).isTrue();
    assertThat(server.exitValue()).as("exit status; log:%n%s", logText()).isZero();
    assertThat(logText()).contains("The grace period of PT1S ended");
    assertThat(stopTime).as("time from SIGTERM to exit").isLessThan(Duration.ofSeconds(10));
    long unanswered =
        logins.stream()
            .filter(login -> catchThrowable(() -> login.get(10, TimeUnit.SECONDS)) != null)
            .count();
    assertThat(unanswered).as("logins cut off by the end of the grace period").isPositive();
  }

  /** Starts the shaded jar on the embedded store in a new folder and waits until it listens. */
  private void startServer(String gracePeriod) throws IOException {
    assertThat(JAR).as("the shaded jar; run the package phase first").exists();
    port = freePort();
    log = folder.resolve("server.log");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(java.toString(), "-jar", JAR.toString(), "serve")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(variable -> variable.startsWith("CROUPIER_"));
    environment.put("CROUPIER_PORT", Integer.toString(port));
    environment.put("CROUPIER_DATA_DIR", folder.resolve("data").toString());
    environment.put("CROUPIER_JWT_SECRET", JWT_SECRET);
    environment.put("CROUPIER_BCRYPT_COST", Integer.toString(SLOW_BCRYPT_COST));
    environment.put("CROUPIER_SHUTDOWN_GRACE_PERIOD", gracePeriod);
    environment.put("MICRONAUT_SERVER_HOST", "127.0.0.1");
    server = builder.start();
    awaitLog("listening on");
  }

  private HttpResponse<String> createOrganization() throws Exception {
    String body =
        JSON.createObjectNode()
            .put("organization_name", "graceful")
            .put("email", EMAIL)
            .put("password", PASSWORD)
            .toString();
    return client.send(post("/org/create", body), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends the logins at once, each on its own connection, without waiting for the responses. */
  private List<CompletableFuture<HttpResponse<String>>> sendLogins() {
    String body = JSON.createObjectNode().put("email", EMAIL).put("password", PASSWORD).toString();
    List<CompletableFuture<HttpResponse<String>>> logins = new ArrayList<>();
    for (int i = 0; i < LOGINS_IN_FLIGHT; i++) {
      logins.add(
          client.sendAsync(post("/admin/login", body), HttpResponse.BodyHandlers.ofString()));
    }
    return logins;
  }

  private HttpRequest post(String path, String json) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .timeout(REQUEST_TIMEOUT)
        .build();
  }

  /**
   * Tries to open a connection every 50 ms for up to 5 seconds and returns whether one was refused.
   * Connections accepted meanwhile are closed at once.
   */
  private boolean awaitRefusedConnection() throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      } catch (ConnectException refused) {
        return true;
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    return false;
  }

  private void awaitLog(String text) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!logText().contains(text)) {
      assertThat(server.isAlive()).as("server running; log:%n%s", logText()).isTrue();
      assertThat(System.nanoTime())
          .as("time to log '%s'; log:%n%s", text, logText())
          .isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  private String logText() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
