package io.croupier.bootstrap.http;

import static io.croupier.bootstrap.http.CroupierTestServer.errorFields;
import static io.croupier.bootstrap.http.CroupierTestServer.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /org/get} over HTTP. */
class GetOrganizationHttpTest {

  @RegisterExtension static final CroupierTestServer server = new CroupierTestServer();

  @Test
  void returnsOrganizationWithoutEmailToAnonymousCaller() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = server.get("/org/get?organization_name=" + tenant.name());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    List<String> fields = new ArrayList<>();
    reply.json().fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "id",
            "organization_name",
            "collection_name",
            "connection_details",
            "tier",
            "created_at",
            "updated_at");
    assertThat(reply.text("id")).isEqualTo(tenant.organizationId());
    assertThat(reply.text("organization_name")).isEqualTo(tenant.name());
    assertThat(reply.text("collection_name")).isEqualTo(tenant.collectionName());
    assertThat(reply.body()).doesNotContain(tenant.email());
  }

  @Test
  void returnsTimestampsInUtc() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = server.get("/org/get?organization_name=" + tenant.name());

    // then
    assertThat(reply.text("created_at")).endsWith("Z");
    assertThat(reply.text("updated_at")).endsWith("Z");
  }

  @Test
  void showsEmailToOwnAdmin() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply =
        server.getWithToken("/org/get?organization_name=" + tenant.name(), tenant.token());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.text("email")).isEqualTo(tenant.email());
  }

  @Test
  void hidesEmailFromAdminOfAnotherOrganization() {
    // given
    Tenant owner = server.register();
    Tenant other = server.register();

    // when
    Reply reply = server.getWithToken("/org/get?organization_name=" + owner.name(), other.token());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json().has("email")).isFalse();
    assertThat(reply.body()).doesNotContain(owner.email());
    assertThat(reply.body()).doesNotContain(other.email());
  }

  @Test
  void rejectsUnknownOrganization() {
    // given
    String unknown = NewOrganization.uniqueName();

    // when
    Reply reply = server.get("/org/get?organization_name=" + unknown);

    // then
    JsonNode problem = server.assertProblem(reply, 404);
    assertThat(problem.get("detail").asText()).contains("not found");
    assertThat(problem.get("detail").asText()).contains(unknown);
  }

  @Test
  void rejectsMissingParameter() {
    // when
    Reply reply = server.get("/org/get");

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactly("organization_name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ab", "_acme", "ac$me", "ac.me", "ac me"})
  void rejectsInvalidName(String name) {
    // when
    Reply reply = server.get("/org/get?organization_name=" + query(name));

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactly("organization_name");
  }

  @Test
  void rejectsOperatorShapedName() {
    // when
    Reply reply = server.get("/org/get?organization_name%5B%24ne%5D=x");

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactly("organization_name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl"})
  void rejectsInvalidBearerToken(String token) {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = server.getWithToken("/org/get?organization_name=" + tenant.name(), token);

    // then
    server.assertProblem(reply, 401);
    assertThat(reply.header("WWW-Authenticate")).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Basic dXNlcjpwYXNzd29yZA==", "Bearer", "Bearer "})
  void rejectsAuthorizationHeaderWithoutBearerToken(String header) {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply =
        server.get("/org/get?organization_name=" + tenant.name(), "Authorization", header);

    // then
    server.assertProblem(reply, 401);
  }

  @Test
  void findsMixedCasePaddedName() {
    // given
    Tenant tenant = server.register();
    String raw = "  " + tenant.name().toUpperCase() + " ";

    // when
    Reply reply = server.get("/org/get?organization_name=" + query(raw));

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.text("organization_name")).isEqualTo(tenant.name());
  }

  @Test
  void findsFullWidthName() {
    // given
    Tenant tenant = server.register();
    StringBuilder wide = new StringBuilder();
    tenant.name().chars().forEach(c -> wide.append((char) (c + 0xFEE0)));

    // when
    Reply reply = server.get("/org/get?organization_name=" + query(wide.toString()));

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.text("id")).isEqualTo(tenant.organizationId());
  }

  @Test
  void changesNothingInStore() {
    // given
    Tenant tenant = server.register();
    StoreSnapshot before = server.snapshot();

    // when
    server.getWithToken("/org/get?organization_name=" + tenant.name(), tenant.token());

    // then
    assertThat(server.snapshot()).isEqualTo(before);
  }
}
