package io.croupier.bootstrap.http;

import static io.croupier.bootstrap.http.CroupierTestServer.errorFields;
import static io.croupier.bootstrap.http.CroupierTestServer.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code DELETE /org/delete} over HTTP. */
class DeleteOrganizationHttpTest {

  @RegisterExtension static final CroupierTestServer server = new CroupierTestServer();

  @Test
  void deletesOrganizationAdminAndCollection() {
    // given
    Tenant tenant = server.register();
    server.database().getCollection(tenant.collectionName()).insertOne(new Document("sku", "a-1"));

    // when
    Reply reply = server.deleteWithToken("/org/delete", tenant.token());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(204);
    assertThat(reply.body()).isEmpty();
    assertThat(count("organizations", new Document("_id", tenant.organizationId()))).isZero();
    assertThat(count("admin_users", new Document("_id", tenant.adminId()))).isZero();
    assertThat(count("admin_users", new Document("organization_id", tenant.organizationId())))
        .isZero();
    assertThat(collectionNames()).doesNotContain(tenant.collectionName());
  }

  @Test
  void hidesDeletedOrganizationAndAdmin() {
    // given
    Tenant tenant = server.register();

    // when
    server.deleteWithToken("/org/delete", tenant.token());

    // then
    server.assertProblem(server.get("/org/get?organization_name=" + tenant.name()), 404);
    server.assertProblem(server.logIn(tenant.email(), tenant.password()), 401);
  }

  @Test
  void leavesOtherOrganizationsAlone() {
    // given
    Tenant tenant = server.register();
    Tenant other = server.register();

    // when
    server.deleteWithToken("/org/delete", tenant.token());

    // then
    assertThat(count("organizations", new Document("_id", other.organizationId()))).isOne();
    assertThat(count("admin_users", new Document("_id", other.adminId()))).isOne();
    assertThat(collectionNames()).contains(other.collectionName());
  }

  @Test
  void rejectsNameOfAnotherOrganization() {
    // given
    Tenant tenant = server.register();
    Tenant other = server.register();
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply =
        server.deleteWithToken("/org/delete?organization_name=" + other.name(), tenant.token());

    // then
    server.assertProblem(reply, 403);
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @Test
  void rejectsNameOfNoOrganization() {
    // given
    Tenant tenant = server.register();
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply =
        server.deleteWithToken(
            "/org/delete?organization_name=" + NewOrganization.uniqueName(), tenant.token());

    // then
    server.assertProblem(reply, 403);
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ac$me", "ab", ""})
  void rejectsInvalidName(String name) {
    // given
    Tenant tenant = server.register();
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply =
        server.deleteWithToken("/org/delete?organization_name=" + query(name), tenant.token());

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactly("organization_name");
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @Test
  void acceptsOwnNameInAnyCase() {
    // given
    Tenant tenant = server.register();
    String raw = " " + tenant.name().toUpperCase() + " ";

    // when
    Reply reply =
        server.deleteWithToken("/org/delete?organization_name=" + query(raw), tenant.token());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(204);
    assertThat(count("organizations", new Document("_id", tenant.organizationId()))).isZero();
  }

  @Test
  void rejectsRequestWithoutToken() {
    // given
    Tenant tenant = server.register();
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.send("DELETE", "/org/delete?organization_name=" + tenant.name(), null);

    // then
    server.assertProblem(reply, 401);
    assertThat(reply.header("WWW-Authenticate")).isPresent();
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"expired", "unsigned", "foreign"})
  void rejectsInvalidToken(String kind) {
    // given
    Tenant tenant = server.register();
    String token =
        switch (kind) {
          case "expired" -> TestTokens.expiredFor(tenant, java.time.Duration.ofMinutes(5));
          case "unsigned" -> TestTokens.unsigned(tenant);
          default -> TestTokens.signedWithAnotherSecret(tenant);
        };
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.deleteWithToken("/org/delete", token);

    // then
    server.assertProblem(reply, 401);
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @Test
  void rejectsRepeatedDeleteWithSameToken() {
    // given
    Tenant tenant = server.register();
    server.deleteWithToken("/org/delete", tenant.token());
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.deleteWithToken("/org/delete", tenant.token());

    // then
    assertThat(reply.status()).as("%s", reply).isIn(401, 404);
    server.assertProblem(reply, reply.status());
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @Test
  void freesNameAndEmailForNewOrganization() {
    // given
    Tenant tenant = server.register();
    server.deleteWithToken("/org/delete", tenant.token());

    // when
    Reply reply = server.create(tenant.input());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(reply.text("id")).isNotEqualTo(tenant.organizationId());
    assertThat(server.database().getCollection(tenant.collectionName()).countDocuments()).isZero();
  }

  private static long count(String collection, Document filter) {
    return server.database().getCollection(collection).countDocuments(filter);
  }

  private static List<String> collectionNames() {
    return server.database().listCollectionNames().into(new ArrayList<>());
  }
}
