package io.croupier.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Croupier's real HTTP server on the embedded store, bound to 127.0.0.1 on a free port, with a raw
 * HTTP client, direct access to the master database and the log lines written meanwhile. Registered
 * as a static extension, it starts before a test class and stops after it.
 *
 * <p>Every request gets a unique {@code X-Request-ID} unless the test sends its own. Every password
 * sent in a body, every bearer token sent and every token received is remembered, so that {@link
 * #assertNoSecretLogged()} can look for them in the log.
 */
final class CroupierTestServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

  /** HS256 secret of the server under test, 45 bytes long. */
  static final String JWT_SECRET = "croupier-http-tests-signing-secret-0123456789";

  static final String REQUEST_ID = "X-Request-ID";
  static final String CONTENT_TYPE = "Content-Type";
  static final String JSON = "application/json";

  private static final Pattern PLAIN_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  /** Start of a bcrypt hash such as {@code $2a$04$}; stack frames also contain {@code $2}. */
  private static final Pattern BCRYPT_HASH = Pattern.compile("\\$2[abxy]?\\$\\d{2}\\$");

  private static final Pattern QUALIFIED_CLASS_NAME =
      Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");
  private static final List<String> INTERNALS =
      List.of(
          "exception", "mongodb://", "org.bson", "stack", "\tat ", "jackson", "micronaut", "netty");
  private static final Map<Integer, String> TITLES =
      Map.ofEntries(
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(409, "Conflict"),
          Map.entry(413, "Content Too Large"),
          Map.entry(414, "URI Too Long"),
          Map.entry(431, "Request Header Fields Too Large"),
          Map.entry(415, "Unsupported Media Type"),
          Map.entry(422, "Unprocessable Content"),
          Map.entry(429, "Too Many Requests"),
          Map.entry(503, "Service Unavailable"));
  private static final int MIN_SECRET_LENGTH = 6;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, Object> extraProperties;
  private final Set<String> secrets = ConcurrentHashMap.newKeySet();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private Path dataDir;
  private LogCapture logs;
  private ApplicationContext context;
  private URI baseUri;

  /** Creates a server with the test defaults; it starts before the first test of the class. */
  CroupierTestServer() {
    this(Map.of());
  }

  /** Creates a server with extra configuration properties, such as {@code croupier.token-ttl}. */
  CroupierTestServer(Map<String, Object> extraProperties) {
    this.extraProperties = Map.copyOf(extraProperties);
  }

  @Override
  public void beforeAll(ExtensionContext extension) throws IOException {
    start();
  }

  @Override
  public void afterAll(ExtensionContext extension) throws IOException {
    try {
      assertNoSecretLogged();
    } finally {
      close();
    }
  }

  /** Starts the server on a new, empty data folder. */
  void start() throws IOException {
    dataDir = Files.createTempDirectory("croupier-http-test");
    logs = LogCapture.attach();
    startContext();
  }

  /**
   * Stops the server and starts a new one on the same data folder, as a process that starts after
   * another stopped does. The new server listens on another port, and the log keeps what both
   * wrote.
   */
  void restart() {
    context.close();
    startContext();
  }

  private void startContext() {
    Map<String, Object> properties = new HashMap<>();
    properties.put("micronaut.server.host", "127.0.0.1");
    properties.put("micronaut.server.port", -1);
    properties.put("croupier.data-dir", dataDir.toString());
    properties.put("croupier.bcrypt-cost", 4);
    properties.put("croupier.jwt-secret", JWT_SECRET);
    properties.putAll(extraProperties);

    context = ApplicationContext.builder().properties(properties).start();
    EmbeddedServer server = context.getBean(EmbeddedServer.class);
    server.start();
    baseUri = URI.create("http://127.0.0.1:" + server.getPort());
  }

  /** Returns the data folder of the server's embedded store. */
  Path dataDir() {
    return dataDir;
  }

  /** Returns the server's address, such as http://127.0.0.1:40123, without a trailing slash. */
  URI baseUri() {
    return baseUri;
  }

  /** Returns the master database that the server writes to. */
  MongoDatabase database() {
    return context.getBean(MongoDatabase.class);
  }

  /** Returns a bean of the running application, such as the token service. */
  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  LogCapture logs() {
    return logs;
  }

  /** Returns the number of documents in a collection of the master database. */
  long count(String collection) {
    return database().getCollection(collection).countDocuments();
  }

  /** Returns every document of the master database at this moment. */
  StoreSnapshot snapshot() {
    return StoreSnapshot.of(database());
  }

  /**
   * Sends one request. {@code headers} alternates names and values; a header named twice is sent
   * twice, and a header with a null value is not sent. A null body sends no body at all.
   */
  Reply send(String method, String path, String body, String... headers) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    return sendWith(publisher, method, path, body, headers);
  }

  /**
   * Sends a body of raw bytes, such as invalid UTF-8 that no Java string can contain. A password in
   * such a body is not remembered; register it with {@link #addSecret(String)}.
   */
  Reply sendBytes(String method, String path, byte[] body, String... headers) {
    return sendWith(HttpRequest.BodyPublishers.ofByteArray(body), method, path, null, headers);
  }

  /** Sends a JSON body with chunked transfer encoding, so without a Content-Length header. */
  Reply sendChunked(String method, String path, String body, String... headers) {
    HttpRequest.BodyPublisher chunked =
        HttpRequest.BodyPublishers.fromPublisher(
            HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return sendWith(chunked, method, path, body, prepend(headers, CONTENT_TYPE, JSON));
  }

  private Reply sendWith(
      HttpRequest.BodyPublisher publisher,
      String method,
      String path,
      String body,
      String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUri + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, publisher);
    String requestId = null;
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(REQUEST_ID)) {
        requestId = headers[i + 1] == null ? "" : headers[i + 1];
      }
      if (headers[i + 1] != null) {
        request.header(headers[i], headers[i + 1]);
        remember(headers[i], headers[i + 1]);
      }
    }
    if (requestId == null) {
      requestId = "test-" + UUID.randomUUID();
      request.header(REQUEST_ID, requestId);
    }
    rememberPassword(body);

    Reply reply = exchange(request.build(), method, path, requestId);
    rememberToken(reply);
    return reply;
  }

  private Reply exchange(HttpRequest request, String method, String path, String requestId) {
    try {
      HttpResponse<String> response =
          client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(
          method,
          path,
          requestId,
          response.statusCode(),
          response.headers().map(),
          response.body());
    } catch (IOException failure) {
      throw new AssertionError(method + " " + path + " failed: " + failure, failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError(method + " " + path + " was interrupted", interrupted);
    }
  }

  Reply get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  Reply getWithToken(String path, String token) {
    return get(path, "Authorization", "Bearer " + token);
  }

  Reply postJson(String path, String body, String... headers) {
    return send("POST", path, body, prepend(headers, CONTENT_TYPE, JSON));
  }

  Reply putJson(String path, String body, String token) {
    return send("PUT", path, body, CONTENT_TYPE, JSON, "Authorization", "Bearer " + token);
  }

  Reply deleteWithToken(String path, String token) {
    return send("DELETE", path, null, "Authorization", "Bearer " + token);
  }

  /** Sends {@code POST /org/create} with the organization's fields. */
  Reply create(NewOrganization organization) {
    return postJson("/org/create", organization.json());
  }

  /** Sends {@code POST /admin/login}. */
  Reply logIn(String email, String password) {
    String body =
        MAPPER.createObjectNode().put("email", email).put("password", password).toString();
    return postJson("/admin/login", body);
  }

  /** Sends {@code POST /admin/refresh} with the refresh token. */
  Reply refresh(String refreshToken, String... headers) {
    String body = MAPPER.createObjectNode().put("refresh_token", refreshToken).toString();
    return postJson("/admin/refresh", body, headers);
  }

  /** Sends {@code POST /admin/logout} with the bearer token and no body. */
  Reply logOut(String token, String... headers) {
    return send(
        "POST", "/admin/logout", null, prepend(headers, "Authorization", "Bearer " + token));
  }

  /** Sends {@code GET /org/audit} with the query, such as {@code ?limit=5}, and the token. */
  Reply audit(String query, String token) {
    return getWithToken("/org/audit" + query, token);
  }

  /** Logs in the admin of an organization created before, expecting 200. */
  Tenant logInAs(NewOrganization organization) {
    Reply login = logIn(organization.email(), organization.password());
    assertThat(login.status()).as("login %s: %s", organization, login).isEqualTo(200);
    return new Tenant(
        organization,
        login.text("organization_id"),
        login.text("admin_id"),
        login.text("access_token"),
        login.text("refresh_token"));
  }

  /** Creates a new unique organization and logs its admin in. */
  Tenant register() {
    return register(NewOrganization.unique());
  }

  /** Creates the organization, expecting 201, and logs its admin in, expecting 200. */
  Tenant register(NewOrganization organization) {
    Reply created = create(organization);
    assertThat(created.status()).as("create %s: %s", organization, created).isEqualTo(201);

    Reply login = logIn(organization.email(), organization.password());
    assertThat(login.status()).as("login %s: %s", organization, login).isEqualTo(200);
    return new Tenant(
        organization,
        created.text("id"),
        login.text("admin_id"),
        login.text("access_token"),
        login.text("refresh_token"));
  }

  /** Returns the value as a URL query value, spaces as {@code %20}. */
  static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Checks that the reply is a complete problem of the status and returns it. The checks cover the
   * media type, every problem field, the request id in header and body, and field errors exactly on
   * a 422. The body must show nothing internal, and exactly one log line must carry the id.
   */
  JsonNode assertProblem(Reply reply, int status) {
    assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
    assertThat(reply.header(CONTENT_TYPE)).as("content type of %s", reply).isPresent();
    assertThat(reply.header(CONTENT_TYPE).get()).startsWith("application/problem+json");

    JsonNode problem = reply.json();
    assertThat(fieldNames(problem)).as("fields of %s", reply).isEqualTo(problemFields(status));
    assertThat(problem.get("type").asText()).startsWith("urn:croupier:problem:");
    assertThat(problem.get("title").asText()).isEqualTo(TITLES.get(status));
    assertThat(problem.get("status").isInt()).as("status is a number in %s", reply).isTrue();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertThat(problem.get("instance").asText()).isEqualTo(reply.path().split("\\?", 2)[0]);
    assertRequestId(reply, problem);
    if (status == 422) {
      assertFieldErrors(reply, problem);
    }

    assertNoInternals(reply);
    assertOneLogLine(reply);
    return problem;
  }

  private static Set<String> problemFields(int status) {
    Set<String> fields = Set.of("type", "title", "status", "detail", "instance", "request_id");
    if (status != 422) {
      return fields;
    }
    Set<String> withErrors = new HashSet<>(fields);
    withErrors.add("errors");
    return withErrors;
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void assertRequestId(Reply reply, JsonNode problem) {
    assertThat(reply.header(REQUEST_ID)).as("X-Request-ID of %s", reply).isPresent();
    assertThat(problem.get("request_id").asText()).isEqualTo(reply.header(REQUEST_ID).get());
    if (PLAIN_REQUEST_ID.matcher(reply.sentRequestId()).matches()) {
      assertThat(problem.get("request_id").asText()).isEqualTo(reply.sentRequestId());
    }
  }

  private static void assertFieldErrors(Reply reply, JsonNode problem) {
    JsonNode errors = problem.get("errors");
    assertThat(errors.isArray()).as("errors of %s", reply).isTrue();
    assertThat(errors.size()).as("errors of %s", reply).isPositive();
    for (JsonNode error : errors) {
      assertThat(fieldNames(error)).isEqualTo(Set.of("field", "message"));
      assertThat(error.get("field").asText()).isNotBlank();
      assertThat(error.get("message").asText()).isNotBlank();
    }
  }

  /** Returns the {@code field} of every entry of a 422 problem's {@code errors}. */
  static List<String> errorFields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
    return fields;
  }

  /** Checks that the body shows no stack trace, class name, driver detail or secret. */
  void assertNoInternals(Reply reply) {
    String lowerCase = reply.body().toLowerCase(Locale.ROOT);
    for (String internal : INTERNALS) {
      assertThat(lowerCase).as("body of %s", reply).doesNotContain(internal);
    }
    assertThat(QUALIFIED_CLASS_NAME.matcher(reply.body()).find())
        .as("class name in %s", reply)
        .isFalse();
    for (String secret : secrets) {
      assertThat(reply.body())
          .as("secret in body of %s", reply.method() + " " + reply.path())
          .doesNotContain(secret);
    }
  }

  /** Waits up to two seconds for the reply's log line, then checks there is exactly one. */
  void assertOneLogLine(Reply reply) {
    String requestId = reply.header(REQUEST_ID).orElseThrow();
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (logs.linesWithRequestId(requestId).isEmpty() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
    assertThat(logs.linesWithRequestId(requestId))
        .as("log lines of request %s (%s)", requestId, reply)
        .hasSize(1);
  }

  /**
   * Checks that no log line so far contains the start of a bcrypt hash, a password sent in a body,
   * a token sent or received, or a password hash now stored in the master database.
   */
  void assertNoSecretLogged() {
    Set<String> forbidden = new HashSet<>(secrets);
    for (Document admin : database().getCollection("admin_users").find()) {
      forbidden.add(admin.getString("password_hash"));
    }
    List<String> lines = logs.lines();
    assertThat(lines).as("log lines captured").isNotEmpty();
    for (String line : lines) {
      assertThat(BCRYPT_HASH.matcher(line).find())
          .as("bcrypt hash in log line: %s", BCRYPT_HASH.matcher(line).replaceAll("<hash>"))
          .isFalse();
      for (String secret : forbidden) {
        assertThat(line.contains(secret))
            .as("secret in log line: %s", line.replace(secret, "<secret>"))
            .isFalse();
      }
    }
  }

  private void remember(String header, String value) {
    if (header.equalsIgnoreCase("Authorization")) {
      String[] parts = value.strip().split("\\s+", 2);
      addSecret(parts[parts.length - 1]);
    }
  }

  private void rememberPassword(String body) {
    try {
      JsonNode json = body == null ? null : MAPPER.readTree(body);
      for (String field : List.of("password", "refresh_token")) {
        JsonNode secret = json == null ? null : json.get(field);
        if (secret != null && secret.isTextual()) {
          addSecret(secret.asText());
        }
      }
    } catch (IOException notJson) {
      // Malformed bodies are sent on purpose; they carry no password worth tracking.
    }
  }

  /**
   * Remembers the access token of a token body; documents that only mention the field are skipped.
   */
  private void rememberToken(Reply reply) {
    if (reply.status() != 200 || !reply.body().contains("\"access_token\"")) {
      return;
    }
    try {
      JsonNode tokens = MAPPER.readTree(reply.body());
      for (String field : List.of("access_token", "refresh_token")) {
        if (tokens.path(field).isTextual()) {
          addSecret(tokens.path(field).asText());
        }
      }
    } catch (IOException notJson) {
      // A script or page that mentions the field carries no token.
    }
  }

  /** Adds a value that must never appear in a log line or a problem body. */
  void addSecret(String secret) {
    if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
      secrets.add(secret);
    }
  }

  private static String[] prepend(String[] headers, String name, String value) {
    String[] all = new String[headers.length + 2];
    all[0] = name;
    all[1] = value;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return all;
  }

  /** Stops the server and deletes its data folder. */
  @Override
  public void close() throws IOException {
    try {
      if (context != null) {
        context.close();
      }
    } finally {
      if (logs != null) {
        logs.close();
      }
      deleteRecursively(dataDir);
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (folder == null || !Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
