package io.croupier.bootstrap.http;

import static io.croupier.bootstrap.http.CroupierTestServer.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code POST /admin/login} over HTTP, on a server whose tokens live 45 minutes. */
class AdminLoginHttpTest {

  private static final long TOKEN_TTL_SECONDS = 45 * 60;

  @RegisterExtension
  static final CroupierTestServer server =
      new CroupierTestServer(Map.of("croupier.token-ttl", "45"));

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void returnsTokenBody() {
    // given
    NewOrganization organization = NewOrganization.unique();
    Reply created = server.create(organization);

    // when
    Reply reply = server.logIn(organization.email(), organization.password());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    List<String> fields = new ArrayList<>();
    reply.json().fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "access_token",
            "token_type",
            "expires_in",
            "refresh_token",
            "refresh_expires_in",
            "admin_id",
            "organization_id",
            "organization_name");
    assertThat(reply.text("token_type")).isEqualTo("bearer");
    assertThat(reply.json().get("expires_in").isIntegralNumber()).isTrue();
    assertThat(reply.json().get("expires_in").asLong()).isEqualTo(TOKEN_TTL_SECONDS);
    assertThat(reply.text("refresh_token")).matches("[A-Za-z0-9_-]{43}");
    assertThat(reply.json().get("refresh_expires_in").isIntegralNumber()).isTrue();
    assertThat(reply.json().get("refresh_expires_in").asLong()).isEqualTo(14 * 24 * 3600);
    assertThat(reply.text("organization_id")).isEqualTo(created.text("id"));
    assertThat(reply.text("organization_name")).isEqualTo(organization.name());
    assertThat(reply.text("admin_id")).isNotBlank();
  }

  @Test
  void issuesHs256TokenWithDocumentedClaims() {
    // given
    NewOrganization organization = NewOrganization.unique();
    Reply created = server.create(organization);

    // when
    Reply reply = server.logIn(organization.email(), organization.password());

    // then
    String token = reply.text("access_token");
    assertThat(token.split("\\.", -1)).hasSize(3);
    JsonNode header = TestTokens.decodePart(token, 0);
    assertThat(header.get("alg").asText()).isEqualTo("HS256");
    JsonNode claims = TestTokens.decodePart(token, 1);
    List<String> names = new ArrayList<>();
    claims.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactlyInAnyOrder(
            "iss", "sub", "org_id", "org_name", "iat", "exp", "jti", "cver", "sid");
    assertThat(header.get("kid").asText()).hasSize(12);
    assertThat(claims.get("iss").asText()).isEqualTo("croupier");
    assertThat(claims.get("sub").asText()).isEqualTo(reply.text("admin_id"));
    assertThat(claims.get("org_id").asText()).isEqualTo(created.text("id"));
    assertThat(claims.get("org_name").asText()).isEqualTo(organization.name());
    assertThat(claims.get("jti").asText()).isNotBlank();
    assertThat(claims.get("cver").asLong()).isEqualTo(1);
    assertThat(claims.get("sid").asText()).isNotBlank();
  }

  @Test
  void expiresTokenAfterConfiguredLifetime() {
    // given
    NewOrganization organization = NewOrganization.unique();
    server.create(organization);
    long now = Instant.now().getEpochSecond();

    // when
    Reply reply = server.logIn(organization.email(), organization.password());

    // then
    JsonNode claims = TestTokens.decodePart(reply.text("access_token"), 1);
    long issuedAt = claims.get("iat").asLong();
    assertThat(issuedAt).isBetween(now - 2, now + 2);
    assertThat(claims.get("exp").asLong() - issuedAt).isEqualTo(TOKEN_TTL_SECONDS);
  }

  @Test
  void issuesDistinctTokenIdsPerLogin() {
    // given
    NewOrganization organization = NewOrganization.unique();
    server.create(organization);

    // when
    Reply first = server.logIn(organization.email(), organization.password());
    Reply second = server.logIn(organization.email(), organization.password());

    // then
    String firstId = TestTokens.decodePart(first.text("access_token"), 1).get("jti").asText();
    String secondId = TestTokens.decodePart(second.text("access_token"), 1).get("jti").asText();
    assertThat(firstId).isNotEqualTo(secondId);
  }

  @Test
  void issuedTokenAuthenticatesItsAdmin() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply =
        server.getWithToken("/org/get?organization_name=" + tenant.name(), tenant.token());

    // then
    assertThat(reply.text("email")).isEqualTo(tenant.email());
  }

  @Test
  void rejectsWrongPasswordAndUnknownEmailAlike() {
    // given
    Tenant tenant = server.register();
    StoreSnapshot before = server.snapshot();

    // when
    long failuresBefore = server.count("login_failures");
    Reply wrongPassword = server.logIn(tenant.email(), NewOrganization.uniquePassword());
    long failuresOfWrongPassword = server.count("login_failures") - failuresBefore;
    Reply unknownEmail = server.logIn(NewOrganization.unique().email(), tenant.password());
    long failuresOfUnknownEmail =
        server.count("login_failures") - failuresBefore - failuresOfWrongPassword;

    // then
    JsonNode first = server.assertProblem(wrongPassword, 401);
    JsonNode second = server.assertProblem(unknownEmail, 401);
    assertThat(first.get("detail").asText()).isEqualTo("Incorrect email or password");
    assertThat(second.get("detail").asText()).isEqualTo(first.get("detail").asText());
    assertThat(second.get("type").asText()).isEqualTo(first.get("type").asText());
    assertThat(wrongPassword.header("WWW-Authenticate")).isPresent();
    assertThat(unknownEmail.header("WWW-Authenticate"))
        .isEqualTo(wrongPassword.header("WWW-Authenticate"));
    assertThat(server.snapshot()).isEqualTo(before);
    assertThat(failuresOfWrongPassword).as("account and address records").isEqualTo(2);
    assertThat(failuresOfUnknownEmail).isEqualTo(failuresOfWrongPassword);
  }

  @Test
  void rejectsPasswordInOtherCase() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = server.logIn(tenant.email(), tenant.password().toUpperCase());

    // then
    server.assertProblem(reply, 401);
  }

  @Test
  void rejectsPasswordWithExtraCharacter() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = server.logIn(tenant.email(), tenant.password() + "x");

    // then
    server.assertProblem(reply, 401);
  }

  @Test
  void rejectsMalformedEmailAsUnknown() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = server.logIn("not-an-address", tenant.password());

    // then
    JsonNode problem = server.assertProblem(reply, 401);
    assertThat(problem.get("detail").asText()).isEqualTo("Incorrect email or password");
  }

  @Test
  void acceptsPaddedMixedCaseEmail() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = server.logIn("  " + tenant.email().toUpperCase() + " ", tenant.password());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.text("admin_id")).isEqualTo(tenant.adminId());
  }

  @Test
  void acceptsPasswordWithMultiByteCharacters() {
    // given
    NewOrganization organization = NewOrganization.unique().withPassword("Zürich1" + "ßø");
    server.create(organization);

    // when
    Reply reply = server.logIn(organization.email(), organization.password());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("incompleteBodies")
  void rejectsMissingOrBlankFields(String body, List<String> fields) {
    // when
    Reply reply = server.postJson("/admin/login", body);

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactlyInAnyOrderElementsOf(fields);
  }

  static Stream<Arguments> incompleteBodies() {
    return Stream.of(
        Arguments.of("{}", List.of("email", "password")),
        Arguments.of("{\"email\":\"a@example.com\"}", List.of("password")),
        Arguments.of("{\"password\":\"Secret123x\"}", List.of("email")),
        Arguments.of("{\"email\":\"\",\"password\":\"\"}", List.of("email", "password")),
        Arguments.of("{\"email\":\" \",\"password\":\"Secret123x\"}", List.of("email")),
        Arguments.of("{\"email\":null,\"password\":null}", List.of("email", "password")));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("nonStringValues")
  void rejectsNonStringValue(String field, JsonNode value) {
    // given
    Tenant tenant = server.register();
    ObjectNode body =
        NODES.objectNode().put("email", tenant.email()).put("password", tenant.password());
    body.set(field, value);

    // when
    Reply reply = server.postJson("/admin/login", body.toString());

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactly(field);
  }

  static Stream<Arguments> nonStringValues() {
    List<JsonNode> values =
        List.of(
            NODES.objectNode().putNull("$ne"),
            NODES.objectNode().put("$regex", ".*"),
            NODES.arrayNode().add("a@example.com"),
            NODES.numberNode(1),
            NODES.booleanNode(true));
    return Stream.of("email", "password")
        .flatMap(field -> values.stream().map(value -> Arguments.of(field, value)));
  }

  @Test
  void tokenBodyHidesCredentials() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = server.logIn(tenant.email(), tenant.password());

    // then
    assertThat(reply.body()).doesNotContain(tenant.password());
    assertThat(reply.body()).doesNotContain("$2");
    assertThat(reply.body()).doesNotContain("password");
  }
}
