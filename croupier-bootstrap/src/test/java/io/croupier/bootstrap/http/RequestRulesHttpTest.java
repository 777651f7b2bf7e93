package io.croupier.bootstrap.http;

import static io.croupier.bootstrap.http.CroupierTestServer.CONTENT_TYPE;
import static io.croupier.bootstrap.http.CroupierTestServer.JSON;
import static io.croupier.bootstrap.http.CroupierTestServer.REQUEST_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules that every endpoint keeps: body parsing, size, media type, routing and request ids. */
class RequestRulesHttpTest {

  private static final int MAX_BODY_BYTES = 16 * 1024;

  @RegisterExtension static final CroupierTestServer server = new CroupierTestServer();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"organization_name\":\"acme\",",
        "{'organization_name':'acme'}",
        "{\"organization_name\":}",
        "{organization_name:\"acme\"}",
        "not json",
        "{\"a\":\"unterminated}"
      })
  void rejectsMalformedJson(String body) {
    assertRejectedBody("/org/create", body, 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/org/create", "/admin/login"})
  void rejectsMalformedJsonOnEveryBodyEndpoint(String path) {
    assertRejectedBody(path, "{\"email\":", 400);
  }

  @Test
  void rejectsMalformedJsonOnUpdate() {
    // given
    Tenant tenant = server.register();
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.putJson("/org/update", "{\"email\":", tenant.token());

    // then
    server.assertProblem(reply, 400);
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @Test
  void acceptsMultiByteUtf8Password() {
    // given: "é" takes two bytes in UTF-8 and the emoji four
    NewOrganization organization =
        NewOrganization.unique().withPassword(NewOrganization.uniquePassword() + "é😀");

    // when
    Reply created = server.create(organization);
    Reply login = server.logIn(organization.email(), organization.password());

    // then
    assertThat(organization.json()).as("sent as raw UTF-8, not as \\u escapes").contains("é😀");
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(login.status()).as("%s", login).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.croupier.bootstrap.http.RawUtf8#invalidSequences")
  void rejectsInvalidUtf8InCreateBody(String name, byte[] sequence) {
    // given: a replacement character in its place would make a valid password
    NewOrganization organization = NewOrganization.unique();
    String json =
        organization.json().replace(organization.password(), organization.password() + "-RAW-");
    byte[] body = RawUtf8.withSequence(json, "-RAW-", sequence);
    server.addSecret(organization.password());
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.sendBytes("POST", "/org/create", body, CONTENT_TYPE, JSON);

    // then
    RawUtf8.assertInvalidUtf8(server.assertProblem(reply, 400));
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/org/create", "/admin/login", "/admin/refresh"})
  void rejectsInvalidUtf8OnEveryBodyEndpoint(String path) {
    // given
    Tenant tenant = server.register();
    String json =
        "{\"organization_name\":\""
            + NewOrganization.uniqueName()
            + "\",\"email\":\""
            + tenant.email()
            + "\",\"password\":\"Pw1-RAW-\",\"refresh_token\":\""
            + tenant.refreshToken()
            + "-RAW-\"}";
    byte[] body = RawUtf8.withSequence(json, "-RAW-", RawUtf8.bytes(0xC3, 0x28));
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.sendBytes("POST", path, body, CONTENT_TYPE, JSON);

    // then
    RawUtf8.assertInvalidUtf8(server.assertProblem(reply, 400));
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @Test
  void rejectsInvalidUtf8OnUpdate() {
    // given
    Tenant tenant = server.register();
    String newPassword = NewOrganization.uniquePassword();
    server.addSecret(newPassword);
    byte[] body =
        RawUtf8.withSequence(
            "{\"password\":\"" + newPassword + "-RAW-\"}", "-RAW-", RawUtf8.bytes(0xC3, 0x28));
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply =
        server.sendBytes(
            "PUT",
            "/org/update",
            body,
            CONTENT_TYPE,
            JSON,
            "Authorization",
            "Bearer " + tenant.token());

    // then
    RawUtf8.assertInvalidUtf8(server.assertProblem(reply, 400));
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @Test
  void rejectsInvalidUtf8At16KiBAs400() {
    // given: decoded with replacement, the two bytes would take three and go over the limit
    byte[] body = invalidUtf8CreateBody(MAX_BODY_BYTES);
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.sendBytes("POST", "/org/create", body, CONTENT_TYPE, JSON);

    // then
    assertThat(body).hasSize(MAX_BODY_BYTES);
    RawUtf8.assertInvalidUtf8(server.assertProblem(reply, 400));
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @Test
  void rejectsInvalidUtf8Over16KiBAs413() {
    // given
    byte[] body = invalidUtf8CreateBody(MAX_BODY_BYTES + 1);

    // when
    Reply reply = server.sendBytes("POST", "/org/create", body, CONTENT_TYPE, JSON);

    // then
    assertThat(body).hasSize(MAX_BODY_BYTES + 1);
    server.assertProblem(reply, 413);
  }

  @Test
  void checksContentTypeBeforeUtf8() {
    // given
    byte[] body = invalidUtf8CreateBody(1024);

    // when
    Reply reply = server.sendBytes("POST", "/org/create", body, CONTENT_TYPE, "text/plain");

    // then
    server.assertProblem(reply, 415);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\n"})
  void rejectsEmptyBody(String body) {
    assertRejectedBody("/org/create", body, 400);
  }

  @Test
  void rejectsRequestWithNoBodyAtAll() {
    // given
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.send("POST", "/org/create", null, CONTENT_TYPE, JSON);

    // then
    server.assertProblem(reply, 400);
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {" garbage", " {}", " 1", "]", "}", " \"x\"", ",", " null"})
  void rejectsTrailingContentAfterObject(String trailing) {
    assertRejectedBody("/org/create", NewOrganization.unique().json() + trailing, 400);
  }

  @Test
  void acceptsTrailingWhitespaceAfterObject() {
    // when
    Reply reply = server.postJson("/org/create", NewOrganization.unique().json() + " \n\t ");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
  }

  @Test
  void rejectsDuplicateKeys() {
    // given
    NewOrganization organization = NewOrganization.unique();
    String body =
        organization
            .json()
            .replaceFirst(
                "\\{", "{\"organization_name\":\"" + NewOrganization.uniqueName() + "\",");

    // when / then
    assertRejectedBody("/org/create", body, 400);
  }

  @Test
  void rejectsDuplicateKeysWithEqualValues() {
    // given
    NewOrganization organization = NewOrganization.unique();
    String body =
        organization.json().replaceFirst("\\{", "{\"email\":\"" + organization.email() + "\",");

    // when / then
    assertRejectedBody("/org/create", body, 400);
  }

  @Test
  void rejectsDuplicatePasswordKeyOnLogin() {
    // given
    Tenant tenant = server.register();
    String body =
        "{\"email\":\""
            + tenant.email()
            + "\",\"password\":\"x\",\"password\":\""
            + tenant.password()
            + "\"}";

    // when
    Reply reply = server.postJson("/admin/login", body);

    // then
    server.assertProblem(reply, 400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"[]", "[{\"organization_name\":\"acme\"}]", "42", "\"text\"", "true", "null"})
  void rejectsBodyThatIsNotAnObject(String body) {
    // given
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.postJson("/org/create", body);

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(CroupierTestServer.errorFields(problem)).containsExactly("body");
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "deflate"})
  void rejectsBodyThatFailsToDecompress(String encoding) {
    // given
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply =
        server.send(
            "POST",
            "/org/create",
            "{\"organization_name\":\"not-compressed\"}",
            "Content-Type",
            "application/json",
            "Content-Encoding",
            encoding);

    // then
    server.assertProblem(reply, 400);
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @Test
  void rejectsOversizedHeadersWith431() {
    // when
    Reply reply = server.get("/health", "X-Padding", "a".repeat(9000));

    // then
    JsonNode problem = assertUnparsedRequestProblem(reply, 431, "headers-too-large");
    assertThat(problem.get("detail").asText()).contains("headers");
  }

  @Test
  void acceptsHeadersWellBelowLimit() {
    // when
    Reply reply = server.get("/health", "X-Padding", "a".repeat(4000));

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }

  @Test
  void rejectsOversizedRequestLineWith414() {
    // when
    Reply reply = server.get("/org/get?organization_name=" + "a".repeat(9000));

    // then
    JsonNode problem = assertUnparsedRequestProblem(reply, 414, "uri-too-long");
    assertThat(problem.get("detail").asText()).contains("request line");
  }

  /**
   * Checks the problem for a request whose head the server could not read, so that neither the
   * client's request id nor, for a long request line, the path can be echoed.
   */
  private static JsonNode assertUnparsedRequestProblem(Reply reply, int status, String type) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(status);
    assertThat(reply.header(CONTENT_TYPE).orElseThrow()).startsWith("application/problem+json");
    JsonNode problem = reply.json();
    assertThat(problem.get("type").asText()).isEqualTo("urn:croupier:problem:" + type);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("request_id").asText())
        .isEqualTo(reply.header(REQUEST_ID).orElseThrow());
    return problem;
  }

  @Test
  void problemCarriesOneRequestIdHeader() {
    // when
    Reply reply = server.postJson("/org/create", "{");

    // then
    server.assertProblem(reply, 400);
    assertThat(reply.allHeaders("X-Request-ID")).hasSize(1);
  }

  @Test
  void acceptsBodyOfExactly16KiB() {
    // given
    String body = paddedCreateBody(MAX_BODY_BYTES);

    // when
    Reply reply = server.postJson("/org/create", body);

    // then
    assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(MAX_BODY_BYTES);
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
  }

  @Test
  void rejectsBodyOneByteOver16KiB() {
    // given
    String body = paddedCreateBody(MAX_BODY_BYTES + 1);

    // when / then
    assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(MAX_BODY_BYTES + 1);
    JsonNode problem = assertRejectedBody("/org/create", body, 413);
    assertThat(problem.get("detail").asText()).contains("16 KiB");
  }

  @Test
  void rejectsBodyFarOver16KiB() {
    assertRejectedBody("/org/create", paddedCreateBody(64 * 1024), 413);
  }

  @Test
  void acceptsChunkedBodyOfExactly16KiB() {
    // when
    Reply reply = server.sendChunked("POST", "/org/create", paddedCreateBody(MAX_BODY_BYTES));

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
  }

  @Test
  void rejectsChunkedBodyOver16KiB() {
    // given
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.sendChunked("POST", "/org/create", paddedCreateBody(MAX_BODY_BYTES + 1));

    // then
    server.assertProblem(reply, 413);
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @Test
  void rejectsDeeplyNestedUnknownField() {
    // given
    int depth = 5_000;
    String nested = "[".repeat(depth) + "]".repeat(depth);
    String body = NewOrganization.unique().json().replaceFirst("\\{", "{\"deep\":" + nested + ",");

    // when / then
    assertThat(body.length()).isLessThan(MAX_BODY_BYTES);
    assertRejectedBody("/org/create", body, 400);
  }

  @Test
  void rejectsOversizedUpdate() {
    // given
    Tenant tenant = server.register();
    ObjectNode body =
        NewOrganization.unique().jsonObject().put("padding", "p".repeat(MAX_BODY_BYTES));
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.putJson("/org/update", body.toString(), tenant.token());

    // then
    server.assertProblem(reply, 413);
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/plain",
        "application/xml",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/jsonp",
        "text/json",
        "application/json; charset=iso-8859-1",
        "application/json; charset=utf-16"
      })
  void rejectsNonJsonContentType(String contentType) {
    // given
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply =
        server.send(
            "POST", "/org/create", NewOrganization.unique().json(), CONTENT_TYPE, contentType);

    // then
    server.assertProblem(reply, 415);
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @Test
  void rejectsBodyWithoutContentType() {
    // given
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.send("POST", "/org/create", NewOrganization.unique().json());

    // then
    server.assertProblem(reply, 415);
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @Test
  void rejectsNonJsonContentTypeOnLogin() {
    // given
    Tenant tenant = server.register();
    String body =
        "{\"email\":\"" + tenant.email() + "\",\"password\":\"" + tenant.password() + "\"}";

    // when
    Reply reply = server.send("POST", "/admin/login", body, CONTENT_TYPE, "text/plain");

    // then
    server.assertProblem(reply, 415);
  }

  @Test
  void rejectsNonJsonContentTypeOnUpdate() {
    // given
    Tenant tenant = server.register();
    StoreSnapshot before = server.snapshot();
    String body = "{\"email\":\"" + NewOrganization.unique().email() + "\"}";

    // when
    Reply reply =
        server.send(
            "PUT",
            "/org/update",
            body,
            CONTENT_TYPE,
            "text/plain",
            "Authorization",
            "Bearer " + tenant.token());

    // then
    server.assertProblem(reply, 415);
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @ParameterizedTest
  @MethodSource("repeatedContentTypes")
  void rejectsRepeatedContentTypeWithNonJsonValue(String first, String second) {
    // given
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply =
        server.send(
            "POST",
            "/org/create",
            NewOrganization.unique().json(),
            CONTENT_TYPE,
            first,
            CONTENT_TYPE,
            second);

    // then
    server.assertProblem(reply, 415);
    assertThat(server.snapshot()).isEqualTo(before);
  }

  static Stream<Arguments> repeatedContentTypes() {
    return Stream.of(
        Arguments.of(JSON, "text/plain"),
        Arguments.of("text/plain", JSON),
        Arguments.of(JSON, "application/xml"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json; charset=utf-8",
        "application/json;charset=UTF-8",
        "application/json ; charset=utf-8",
        "application/json; charset=\"UTF-8\""
      })
  void acceptsJsonWithCharset(String contentType) {
    // when
    Reply reply =
        server.send(
            "POST", "/org/create", NewOrganization.unique().json(), CONTENT_TYPE, contentType);

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/nothing-here", "/org", "/org/create/extra", "/admin", "/org/get/acme"})
  void rejectsUnknownPath(String path) {
    // when
    Reply reply = server.get(path);

    // then
    JsonNode problem = server.assertProblem(reply, 404);
    assertThat(problem.get("detail").asText()).contains(path);
  }

  @Test
  void rejectsUnknownPathWithBody() {
    // when
    Reply reply = server.postJson("/org/nothing-here", NewOrganization.unique().json());

    // then
    server.assertProblem(reply, 404);
  }

  @ParameterizedTest
  @MethodSource("browserRequests")
  void answersProblemJsonToBrowser(String method, String path, int status) {
    // when
    Reply reply =
        server.send(
            method, path, null, "Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");

    // then
    server.assertProblem(reply, status);
  }

  static Stream<Arguments> browserRequests() {
    return Stream.of(
        Arguments.of("GET", "/nothing-here", 404),
        Arguments.of("GET", "/org/create", 405),
        Arguments.of("GET", "/org/get", 422),
        Arguments.of("DELETE", "/org/delete", 401));
  }

  @ParameterizedTest
  @MethodSource("wrongMethods")
  void rejectsWrongMethod(String method, String path) {
    // given
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.send(method, path, null);

    // then
    JsonNode problem = server.assertProblem(reply, 405);
    assertThat(problem.get("detail").asText()).contains(method);
    assertThat(server.snapshot()).isEqualTo(before);
  }

  static Stream<Arguments> wrongMethods() {
    return Stream.of(
        Arguments.of("GET", "/org/create"),
        Arguments.of("PUT", "/org/create"),
        Arguments.of("POST", "/org/get"),
        Arguments.of("GET", "/org/update"),
        Arguments.of("PATCH", "/org/update"),
        Arguments.of("POST", "/org/delete"),
        Arguments.of("GET", "/admin/login"),
        Arguments.of("DELETE", "/health"));
  }

  @Test
  void sendsRequestIdOnEverySuccess() {
    // given
    NewOrganization organization = NewOrganization.unique();

    // when
    List<Reply> replies =
        List.of(
            server.get("/health"),
            server.create(organization),
            server.get("/org/get?organization_name=" + organization.name()),
            server.logIn(organization.email(), organization.password()));
    Reply deleted = server.deleteWithToken("/org/delete", replies.get(3).text("access_token"));

    // then
    assertThat(deleted.status()).isEqualTo(204);
    for (Reply reply : Stream.concat(replies.stream(), Stream.of(deleted)).toList()) {
      assertThat(reply.header(REQUEST_ID)).as("%s", reply).hasValue(reply.sentRequestId());
    }
  }

  @Test
  void generatesRequestIdWhenClientSendsNone() {
    // when
    Reply first = server.send("GET", "/health", null, REQUEST_ID, "x");
    Reply reply = anonymousRequest("/org/get?organization_name=" + NewOrganization.uniqueName());

    // then
    assertThat(first.header(REQUEST_ID)).hasValue("x");
    JsonNode problem = server.assertProblem(reply, 404);
    assertThat(UUID.fromString(problem.get("request_id").asText())).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"client-42", "Q", "abc.DEF_123:xyz-9"})
  void echoesPlainClientRequestId(String requestId) {
    // when
    Reply reply =
        server.get(
            "/org/get?organization_name=" + NewOrganization.uniqueName(), REQUEST_ID, requestId);

    // then
    assertThat(reply.header(REQUEST_ID)).hasValue(requestId);
    JsonNode problem = server.assertProblem(reply, 404);
    assertThat(problem.get("request_id").asText()).isEqualTo(requestId);
  }

  @Test
  void echoesClientRequestIdOf128Characters() {
    // given
    String requestId =
        "r" + UUID.randomUUID().toString().replace("-", "").repeat(4).substring(0, 127);

    // when
    Reply reply = server.get("/org/get", REQUEST_ID, requestId);

    // then
    assertThat(requestId).hasSize(128);
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(problem.get("request_id").asText()).isEqualTo(requestId);
  }

  @ParameterizedTest
  @MethodSource("malformedRequestIds")
  void replacesMalformedClientRequestId(String requestId) {
    // when
    Reply reply = server.get("/org/get", REQUEST_ID, requestId);

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    String assigned = reply.header(REQUEST_ID).orElseThrow();
    assertThat(assigned).isNotEqualTo(requestId);
    assertThat(UUID.fromString(assigned)).isNotNull();
    assertThat(problem.get("request_id").asText()).isEqualTo(assigned);
    assertThat(reply.body()).doesNotContain(requestId);
  }

  static Stream<String> malformedRequestIds() {
    return Stream.of(
        "has spaces in it",
        "<script>alert(1)</script>",
        "quote\"inside",
        "semi;colon",
        "r" + "x".repeat(128),
        "über-id");
  }

  @Test
  void neverEchoesTokenInProblem() {
    // given
    Tenant tenant = server.register();
    String forged = tenant.token() + "x";

    // when
    Reply reply = server.putJson("/org/update", "{\"email\":\"a@example.com\"}", forged);

    // then
    server.assertProblem(reply, 401);
    assertThat(reply.body()).doesNotContain(tenant.token());
    assertThat(reply.body()).doesNotContain(forged);
  }

  @Test
  void logsExactlyOneLinePerRejectedRequest() {
    // given
    Tenant tenant = server.register();

    // when
    List<Reply> rejected =
        List.of(
            server.postJson("/org/create", "{"),
            server.putJson("/org/update", "{}", "garbage-token"),
            server.deleteWithToken(
                "/org/delete?organization_name=" + NewOrganization.uniqueName(), tenant.token()),
            server.get("/org/get?organization_name=" + NewOrganization.uniqueName()),
            server.send("GET", "/org/create", null),
            server.create(NewOrganization.unique().withName(tenant.name())),
            server.postJson("/org/create", paddedCreateBody(MAX_BODY_BYTES + 1)),
            server.send("POST", "/org/create", "{}", CONTENT_TYPE, "text/plain"),
            server.postJson("/org/create", "{}"),
            server.get("/nothing-here"));

    // then
    assertThat(rejected)
        .extracting(Reply::status)
        .containsExactly(400, 401, 403, 404, 405, 409, 413, 415, 422, 404);
    for (Reply reply : rejected) {
      server.assertOneLogLine(reply);
    }
  }

  @Test
  void logsNoPasswordHashOrToken() {
    // given
    Tenant tenant = server.register();
    String newPassword = NewOrganization.uniquePassword();
    String malformed = "{\"email\":\"" + tenant.email() + "\",\"password\":\"" + newPassword + "\"";
    server.addSecret(newPassword);

    // when
    server.logIn(tenant.email(), NewOrganization.uniquePassword());
    server.postJson("/admin/login", malformed);
    server.postJson("/admin/login", malformed + "} trailing");
    server.putJson("/org/update", "{\"password\":\"" + newPassword + "\"}", tenant.token());
    server.putJson("/org/update", "{\"password\":\"" + newPassword + "\"}", tenant.token());
    server.logIn(tenant.email(), tenant.password());
    server.logIn(tenant.email(), newPassword);
    server.putJson(
        "/org/update",
        "{\"password\":\"short\"}",
        TestTokens.expiredFor(tenant, java.time.Duration.ofHours(1)));

    // then
    server.assertNoSecretLogged();
  }

  /** Sends a GET without any {@code X-Request-ID} header. */
  private static Reply anonymousRequest(String path) {
    return server.send("GET", path, null, REQUEST_ID, null);
  }

  /** Returns a valid create body padded with an unknown field to exactly {@code bytes} bytes. */
  private static String paddedCreateBody(int bytes) {
    ObjectNode body = NewOrganization.unique().jsonObject().put("padding", "");
    int missing = bytes - body.toString().getBytes(StandardCharsets.UTF_8).length;
    return body.put("padding", "p".repeat(missing)).toString();
  }

  /**
   * Returns a valid create body of exactly {@code bytes} bytes whose padding ends with the invalid
   * sequence C3 28 in place of its last two characters.
   */
  private static byte[] invalidUtf8CreateBody(int bytes) {
    String body = paddedCreateBody(bytes).replace("pp\"", "-RAW-\"");
    return RawUtf8.withSequence(body, "-RAW-", RawUtf8.bytes(0xC3, 0x28));
  }

  private static JsonNode assertRejectedBody(String path, String body, int status) {
    // given
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.postJson(path, body);

    // then
    JsonNode problem = server.assertProblem(reply, status);
    assertThat(server.snapshot()).isEqualTo(before);
    return problem;
  }
}
