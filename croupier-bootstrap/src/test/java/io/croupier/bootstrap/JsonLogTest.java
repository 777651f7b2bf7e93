package io.croupier.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.croupier.adapter.out.mongo.EmbeddedMongoStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's log with {@code CROUPIER_LOG_FORMAT=json}: {@code croupier serve} runs in its own
 * JVM with the production logback.xml, on a MongoDB that the test starts and later stops, and every
 * line of its standard output must be one JSON object that reveals no secret.
 */
class JsonLogTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JWT_SECRET = "json-log-test-signing-secret-0123456789abcdef";
  private static final Pattern BCRYPT_HASH = Pattern.compile("\\$2[abxy]?\\$\\d{2}\\$");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Path OUTPUT_COPY = Path.of("target", "logs", "json-log-test.jsonl");

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> output = new CopyOnWriteArrayList<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final List<Thread> readers = new ArrayList<>();

  @TempDir Path folder;

  @Test
  void writesEveryLineAsJsonWithoutSecrets() throws Exception {
    // given
    EmbeddedMongoStore store = EmbeddedMongoStore.start(folder.resolve("store"));
    int port = freePort();
    Process server = start(store.connectionString(), port);
    List<String> secrets = new ArrayList<>(List.of(JWT_SECRET));
    try {
      awaitOutput(server, "listening on");
      String name = "jsonlog" + UUID.randomUUID().toString().substring(0, 8);
      String password = "Pw" + UUID.randomUUID().toString().substring(0, 12) + "7x";
      String email = "admin@" + name + ".example";
      secrets.add(password);

      // when
      post(
          port,
          "/org/create",
          body("organization_name", name, "email", email, "password", password));
      String token =
          JSON.readTree(
                  post(port, "/admin/login", body("email", email, "password", password)).body())
              .get("access_token")
              .asText();
      secrets.add(token);
      secrets.add("Wrong" + password);
      post(port, "/admin/login", body("email", email, "password", "Wrong" + password));
      send(port, "GET", "/org/get?organization_name=missing" + name, "json-log-missing", token);
      post(
          port, "/org/create", body("organization_name", "x", "email", email, "password", "short"));
      secrets.addAll(passwordHashes(store.connectionString()));
      store.close();
      send(port, "GET", "/org/get?organization_name=" + name, "json-log-outage", null);
    } finally {
      // ProcessHandle.destroy sends SIGTERM like Process.destroy, but keeps the output streams
      // open,
      // so the lines logged while the server stops are read as well.
      server.toHandle().destroy();
      server.waitFor(30, TimeUnit.SECONDS);
      for (Thread reader : readers) {
        reader.join(Duration.ofSeconds(10).toMillis());
      }
      store.close();
    }

    // then
    Files.createDirectories(OUTPUT_COPY.getParent());
    Files.write(OUTPUT_COPY, output, StandardCharsets.UTF_8);
    Files.write(OUTPUT_COPY.resolveSibling("json-log-test.stderr"), errors, StandardCharsets.UTF_8);
    assertThat(output).as("standard output, copied to %s", OUTPUT_COPY).hasSizeGreaterThan(5);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : output) {
      JsonNode parsed = JSON.readTree(line);
      assertThat(parsed.isObject()).as("JSON object: %s", line).isTrue();
      lines.add(parsed);
      for (String field : List.of("time", "level", "logger", "message")) {
        assertThat(parsed.path(field).isTextual()).as("%s in %s", field, line).isTrue();
      }
      assertThat(Instant.parse(parsed.get("time").asText())).isBeforeOrEqualTo(Instant.now());
      assertThat(BCRYPT_HASH.matcher(line).find()).as("bcrypt hash in log line").isFalse();
      for (String secret : secrets) {
        assertThat(line.contains(secret))
            .as("secret in log line %s", parsed.get("message"))
            .isFalse();
      }
    }
    assertThat(lines)
        .as("line of the 404 with its request id")
        .anyMatch(
            line ->
                line.path("request_id").asText().equals("json-log-missing")
                    && line.get("message").asText().contains("404"));
    assertThat(lines)
        .as("line of the outage with its request id and exception")
        .anyMatch(
            line ->
                line.path("request_id").asText().equals("json-log-outage")
                    && line.path("exception").asText().contains("StoreUnavailable"));
    assertThat(lines)
        .as("line of the start-up, outside any request")
        .anyMatch(
            line ->
                line.get("message").asText().contains("listening on")
                    && line.path("request_id").isMissingNode());
    assertThat(lines)
        .as("line of the shutdown")
        .anyMatch(line -> line.get("message").asText().equals("Stopping Croupier"));
    assertThat(String.join("\n", errors)).as("standard error").doesNotContain(JWT_SECRET);
  }

  /** Starts {@code croupier serve} with this test's class path and the production logback.xml. */
  private Process start(String mongodbUri, int port) throws IOException, URISyntaxException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path logback = Path.of(Croupier.class.getResource("/logback.xml").toURI());
    ProcessBuilder builder =
        new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "-Dlogback.configurationFile=" + logback,
            Croupier.class.getName(),
            "serve");
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(variable -> variable.startsWith("CROUPIER_"));
    environment.put("CROUPIER_LOG_FORMAT", "json");
    environment.put("CROUPIER_MONGODB_URI", mongodbUri);
    environment.put("CROUPIER_JWT_SECRET", JWT_SECRET);
    environment.put("CROUPIER_PORT", Integer.toString(port));
    environment.put("CROUPIER_BCRYPT_COST", "4");
    environment.put("CROUPIER_DATA_DIR", folder.resolve("data").toString());
    environment.put("MICRONAUT_SERVER_HOST", "127.0.0.1");

    Process process = builder.start();
    readers.add(collect(process.getInputStream(), output));
    readers.add(collect(process.getErrorStream(), errors));
    return process;
  }

  private static Thread collect(InputStream stream, List<String> lines) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.add(line);
                }
              } catch (IOException closed) {
                // The process ended; every line read so far is kept.
              }
            },
            "json-log-test-reader");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  private void awaitOutput(Process process, String text) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (output.stream().noneMatch(line -> line.contains(text))) {
      assertThat(process.isAlive()).as("server running; error output: %s", errors).isTrue();
      assertThat(System.nanoTime()).as("time to start; output: %s", output).isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }

  private static String body(String... fieldsAndValues) {
    var body = JSON.createObjectNode();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      body.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return body.toString();
  }

  private HttpResponse<String> post(int port, String path, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .timeout(Duration.ofSeconds(30))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private void send(int port, String method, String path, String requestId, String token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("X-Request-ID", requestId)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> passwordHashes(String connectionString) {
    List<String> hashes = new ArrayList<>();
    try (MongoClient mongo = MongoClients.create(connectionString)) {
      for (Document admin : mongo.getDatabase("croupier").getCollection("admin_users").find()) {
        hashes.add(admin.getString("password_hash"));
      }
    }
    assertThat(hashes).as("password hashes in the store").isNotEmpty();
    return hashes;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
