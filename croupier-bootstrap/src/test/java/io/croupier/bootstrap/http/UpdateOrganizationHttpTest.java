package io.croupier.bootstrap.http;

import static io.croupier.bootstrap.http.CroupierTestServer.CONTENT_TYPE;
import static io.croupier.bootstrap.http.CroupierTestServer.JSON;
import static io.croupier.bootstrap.http.CroupierTestServer.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code PUT /org/update} over HTTP. */
class UpdateOrganizationHttpTest {

  @RegisterExtension static final CroupierTestServer server = new CroupierTestServer();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Rename races per test run; each round gives the two requests another chance to overlap. */
  private static final int RACE_ROUNDS = 5;

  @Test
  void rejectsRequestWithoutToken() {
    // given
    server.register();
    StoreSnapshot before = server.snapshot();
    String body = emailChange(NewOrganization.unique().email());

    // when
    Reply reply = server.send("PUT", "/org/update", body, CONTENT_TYPE, JSON);

    // then
    server.assertProblem(reply, 401);
    assertThat(reply.header("WWW-Authenticate")).isPresent();
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @Test
  void rejectsRequestWithoutTokenBeforeReadingBody() {
    // when
    Reply reply = server.send("PUT", "/org/update", "{not json", CONTENT_TYPE, JSON);

    // then
    server.assertProblem(reply, 401);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedTokens")
  void rejectsInvalidToken(String kind, Function<Tenant, String> forge) {
    // given
    Tenant tenant = server.register();
    String token = forge.apply(tenant);
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply =
        server.putJson("/org/update", emailChange(NewOrganization.unique().email()), token);

    // then
    JsonNode problem = server.assertProblem(reply, 401);
    assertThat(problem.get("detail").asText()).contains("log in again");
    assertThat(reply.header("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    assertThat(server.snapshot()).isEqualTo(before);
  }

  static Stream<Arguments> rejectedTokens() {
    return Stream.of(
        rejected("garbage", tenant -> "garbage"),
        rejected("three garbage segments", tenant -> "abc.def.ghi"),
        rejected("alg none without signature", TestTokens::unsigned),
        rejected("alg none with signature", TestTokens::unsignedKeepingSignature),
        rejected("HS512 with the same secret", TestTokens::hs512),
        rejected("expired", tenant -> TestTokens.expiredFor(tenant, Duration.ofMinutes(10))),
        rejected("signed with another secret", TestTokens::signedWithAnotherSecret),
        rejected("tampered org_id", tenant -> TestTokens.tamperedOrganization(tenant, "other")));
  }

  private static Arguments rejected(String kind, Function<Tenant, String> forge) {
    return Arguments.of(kind, forge);
  }

  @Test
  void acceptsTokenExpiredWithinClockSkew() {
    // given
    Tenant tenant = server.register();
    String token = TestTokens.expiredFor(tenant, Duration.ofSeconds(10));

    // when
    Reply reply =
        server.putJson("/org/update", emailChange(NewOrganization.unique().email()), token);

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }

  @Test
  void rejectsTokenExpiredBeyondClockSkew() {
    // given
    Tenant tenant = server.register();
    String token = TestTokens.expiredFor(tenant, Duration.ofSeconds(60));

    // when
    Reply reply =
        server.putJson("/org/update", emailChange(NewOrganization.unique().email()), token);

    // then
    server.assertProblem(reply, 401);
  }

  @Test
  void renameMovesCollectionWithItsDocuments() {
    // given
    Tenant tenant = server.register();
    server.database().getCollection(tenant.collectionName()).insertOne(new Document("sku", "a-1"));
    String newName = NewOrganization.uniqueName();

    // when
    Reply reply = server.putJson("/org/update", nameChange(newName), tenant.token());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.text("organization_name")).isEqualTo(newName);
    assertThat(reply.text("collection_name")).isEqualTo("org_" + newName);
    assertThat(reply.text("id")).isEqualTo(tenant.organizationId());
    assertThat(collectionNames()).contains("org_" + newName);
    assertThat(collectionNames()).doesNotContain(tenant.collectionName());
    Document moved = server.database().getCollection("org_" + newName).find().first();
    assertThat(moved).isNotNull();
    assertThat(moved.getString("sku")).isEqualTo("a-1");
  }

  @Test
  void concurrentRenamesKeepDocumentsReadable() throws Exception {
    // given
    Tenant tenant = server.register();
    for (int index = 0; index < 3; index++) {
      Reply created =
          server.send(
              "POST",
              "/org/documents",
              "{\"n\": " + index + "}",
              CONTENT_TYPE,
              JSON,
              "Authorization",
              "Bearer " + tenant.token());
      assertThat(created.status()).as("%s", created).isEqualTo(201);
    }
    String collection = tenant.collectionName();

    for (int round = 0; round < RACE_ROUNDS; round++) {
      String first = NewOrganization.uniqueName();
      String second = NewOrganization.uniqueName();

      // when both renames start at once
      List<Reply> replies = renameConcurrently(tenant, first, second);

      // then each is applied or rejected as a conflict, and the documents follow the metadata
      for (Reply reply : replies) {
        assertThat(reply.status()).as("%s", reply).isIn(200, 409);
        if (reply.status() == 409) {
          assertThat(reply.text("type")).isEqualTo("urn:croupier:problem:organization-changed");
        }
      }
      assertThat(replies).anyMatch(reply -> reply.status() == 200);
      List<String> candidates = List.of(collection, "org_" + first, "org_" + second);
      collection = organization(tenant).getString("collection_name");
      assertThat(server.database().getCollection(collection).countDocuments()).isEqualTo(3);
      Reply documents = server.getWithToken("/org/documents", tenant.token());
      assertThat(documents.status()).as("%s", documents).isEqualTo(200);
      assertThat(documents.json().path("documents").size()).isEqualTo(3);
      List<String> orphans = new ArrayList<>(candidates);
      orphans.remove(collection);
      assertThat(collectionNames()).doesNotContainAnyElementsOf(orphans);
    }
  }

  /**
   * Sends two renames of the tenant from two threads that start together. Whether they overlap
   * depends on scheduling, so a run may serialize them and get two 200 replies.
   */
  private static List<Reply> renameConcurrently(Tenant tenant, String first, String second)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Reply>> replies = new ArrayList<>();
      for (String name : List.of(first, second)) {
        replies.add(
            threads.submit(
                () -> {
                  start.await();
                  return server.putJson("/org/update", nameChange(name), tenant.token());
                }));
      }
      start.countDown();
      List<Reply> done = new ArrayList<>();
      for (Future<Reply> reply : replies) {
        done.add(reply.get(30, TimeUnit.SECONDS));
      }
      return done;
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void renameUpdatesStoredOrganization() {
    // given
    Tenant tenant = server.register();
    String newName = NewOrganization.uniqueName();

    // when
    Reply reply = server.putJson("/org/update", nameChange(newName.toUpperCase()), tenant.token());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    Document stored = organization(tenant);
    assertThat(stored.getString("organization_name")).isEqualTo(newName);
    assertThat(stored.getString("collection_name")).isEqualTo("org_" + newName);
    assertThat(Instant.parse(reply.text("updated_at")))
        .isAfter(Instant.parse(reply.text("created_at")));
  }

  @Test
  void tokenKeepsWorkingAfterRename() {
    // given
    Tenant tenant = server.register();
    String newName = NewOrganization.uniqueName();
    server.putJson("/org/update", nameChange(newName), tenant.token());

    // when
    Reply reply = server.getWithToken("/org/get?organization_name=" + newName, tenant.token());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.text("email")).isEqualTo(tenant.email());
  }

  @Test
  void oldNameIsNotFoundAfterRename() {
    // given
    Tenant tenant = server.register();
    server.putJson("/org/update", nameChange(NewOrganization.uniqueName()), tenant.token());

    // when
    Reply reply = server.get("/org/get?organization_name=" + tenant.name());

    // then
    JsonNode problem = server.assertProblem(reply, 404);
    assertThat(problem.get("detail").asText()).contains("not found");
  }

  @Test
  void acceptsOwnNameInOtherCase() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply =
        server.putJson("/org/update", nameChange(tenant.name().toUpperCase()), tenant.token());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.text("organization_name")).isEqualTo(tenant.name());
    assertThat(collectionNames()).contains(tenant.collectionName());
  }

  @Test
  void changesEmail() {
    // given
    Tenant tenant = server.register();
    String newEmail = NewOrganization.unique().email();

    // when
    Reply reply =
        server.putJson("/org/update", emailChange(" " + newEmail.toUpperCase()), tenant.token());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.text("email")).isEqualTo(newEmail);
    assertThat(admin(tenant).getString("email")).isEqualTo(newEmail);
    assertThat(server.logIn(newEmail, tenant.password()).status()).isEqualTo(200);
    server.assertProblem(server.logIn(tenant.email(), tenant.password()), 401);
  }

  @Test
  void emailChangeKeepsTokenValid() {
    // given
    Tenant tenant = server.register();
    server.putJson("/org/update", emailChange(NewOrganization.unique().email()), tenant.token());

    // when
    Reply reply =
        server.putJson("/org/update", nameChange(NewOrganization.uniqueName()), tenant.token());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }

  @Test
  void passwordChangeRevokesEarlierToken() {
    // given
    Tenant tenant = server.register();
    String newPassword = NewOrganization.uniquePassword();
    Reply changed = server.putJson("/org/update", passwordChange(newPassword), tenant.token());

    // when
    Reply reply =
        server.putJson(
            "/org/update", emailChange(NewOrganization.unique().email()), tenant.token());

    // then
    assertThat(changed.status()).as("%s", changed).isEqualTo(200);
    server.assertProblem(reply, 401);
    assertThat(admin(tenant).getString("email")).isEqualTo(tenant.email());
  }

  @Test
  void passwordChangeSwitchesLoginPassword() {
    // given
    Tenant tenant = server.register();
    String newPassword = NewOrganization.uniquePassword();

    // when
    Reply reply = server.putJson("/org/update", passwordChange(newPassword), tenant.token());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.body()).doesNotContain(newPassword);
    Reply login = server.logIn(tenant.email(), newPassword);
    assertThat(login.status()).as("%s", login).isEqualTo(200);
    Reply update =
        server.putJson("/org/update", emailChange(tenant.email()), login.text("access_token"));
    assertThat(update.status()).as("%s", update).isEqualTo(200);
    server.assertProblem(server.logIn(tenant.email(), tenant.password()), 401);
  }

  @Test
  void changesNameEmailAndPasswordTogether() {
    // given
    Tenant tenant = server.register();
    NewOrganization next = NewOrganization.unique();

    // when
    Reply reply = server.putJson("/org/update", next.json(), tenant.token());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.text("organization_name")).isEqualTo(next.name());
    assertThat(reply.text("email")).isEqualTo(next.email());
    assertThat(collectionNames()).contains("org_" + next.name());
    assertThat(collectionNames()).doesNotContain(tenant.collectionName());
    server.assertProblem(
        server.putJson("/org/update", emailChange(tenant.email()), tenant.token()), 401);
    Reply login = server.logIn(next.email(), next.password());
    assertThat(login.status()).as("%s", login).isEqualTo(200);
    assertThat(login.text("organization_name")).isEqualTo(next.name());
  }

  @Test
  void rejectsNameTakenInAnotherCase() {
    // given
    Tenant existing = server.register();
    Tenant tenant = server.register();
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply =
        server.putJson("/org/update", nameChange(existing.name().toUpperCase()), tenant.token());

    // then
    JsonNode problem = server.assertProblem(reply, 409);
    assertThat(problem.get("detail").asText()).contains("already exists");
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @Test
  void rejectsEmailTakenInAnotherCase() {
    // given
    Tenant existing = server.register();
    Tenant tenant = server.register();
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply =
        server.putJson("/org/update", emailChange(existing.email().toUpperCase()), tenant.token());

    // then
    JsonNode problem = server.assertProblem(reply, 409);
    assertThat(problem.get("detail").asText()).contains("already exists");
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @Test
  void rejectsTakenNameWithOtherChanges() {
    // given
    Tenant existing = server.register();
    Tenant tenant = server.register();
    NewOrganization next = NewOrganization.unique().withName(existing.name());
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.putJson("/org/update", next.json(), tenant.token());

    // then
    server.assertProblem(reply, 409);
    assertThat(server.snapshot()).isEqualTo(before);
    assertThat(server.logIn(tenant.email(), tenant.password()).status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidChanges")
  void rejectsInvalidValue(String body, List<String> fields) {
    // given
    Tenant tenant = server.register();
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.putJson("/org/update", body, tenant.token());

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactlyInAnyOrderElementsOf(fields);
    assertThat(server.snapshot()).isEqualTo(before);
  }

  static Stream<Arguments> invalidChanges() {
    String validName = NewOrganization.uniqueName();
    String validEmail = NewOrganization.unique().email();
    return Stream.of(
        invalid(nameChange("ac$me"), "organization_name"),
        invalid(nameChange("ab"), "organization_name"),
        invalid(nameChange(NewOrganization.uniqueName(51)), "organization_name"),
        invalid(nameChange(""), "organization_name"),
        invalid(emailChange("not-an-email"), "email"),
        invalid(emailChange(""), "email"),
        invalid(passwordChange("Aa1" + NewOrganization.randomText(4)), "password"),
        invalid(passwordChange("nouppercase1"), "password"),
        invalid(passwordChange("Aa1" + NewOrganization.randomText(70)), "password"),
        invalid(
            NODES
                .objectNode()
                .put("organization_name", validName)
                .put("password", "weak")
                .toString(),
            "password"),
        invalid(
            NODES.objectNode().put("email", validEmail).put("organization_name", "-x").toString(),
            "organization_name"),
        invalid(
            NODES
                .objectNode()
                .put("organization_name", "_x")
                .put("email", "bad")
                .put("password", "weak")
                .toString(),
            "organization_name",
            "email",
            "password"));
  }

  private static Arguments invalid(String body, String... fields) {
    return Arguments.of(body, List.of(fields));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonStringValues")
  void rejectsNonStringValue(String field, JsonNode value) {
    // given
    Tenant tenant = server.register();
    ObjectNode body = NODES.objectNode();
    body.set(field, value);
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.putJson("/org/update", body.toString(), tenant.token());

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactly(field);
    assertThat(server.snapshot()).isEqualTo(before);
  }

  static Stream<Arguments> nonStringValues() {
    List<JsonNode> values =
        List.of(
            NODES.objectNode().putNull("$ne"),
            NODES.arrayNode().add("x"),
            NODES.numberNode(7),
            NODES.booleanNode(false));
    return Stream.of("organization_name", "email", "password")
        .flatMap(field -> values.stream().map(value -> Arguments.of(field, value)));
  }

  @ParameterizedTest
  @MethodSource("emptyChanges")
  void rejectsRequestWithNothingToChange(String body) {
    // given
    Tenant tenant = server.register();
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.putJson("/org/update", body, tenant.token());

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactly("body");
    assertThat(server.snapshot()).isEqualTo(before);
  }

  static Stream<String> emptyChanges() {
    return Stream.of(
        "{}",
        "{\"organization_name\":null,\"email\":null,\"password\":null}",
        "{\"role\":\"superuser\"}");
  }

  @Test
  void ignoresUnknownFields() {
    // given
    Tenant tenant = server.register();
    Tenant other = server.register();
    ObjectNode body = NODES.objectNode().put("email", NewOrganization.unique().email());
    body.put("role", "superuser").put("organization_id", other.organizationId()).put("_id", "x");

    // when
    Reply reply = server.putJson("/org/update", body.toString(), tenant.token());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.text("id")).isEqualTo(tenant.organizationId());
    assertThat(admin(tenant).keySet()).doesNotContain("role");
    assertThat(organization(tenant).keySet()).doesNotContain("role");
    assertThat(admin(other).getString("email")).isEqualTo(other.email());
  }

  @Test
  void rejectsTokenOfDeletedOrganization() {
    // given
    Tenant tenant = server.register();
    Reply deleted = server.deleteWithToken("/org/delete", tenant.token());
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.putJson("/org/update", nameChange(tenant.name()), tenant.token());

    // then
    assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
    server.assertProblem(reply, 401);
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @Test
  void rejectsOldTokenForSuccessorOfSameName() {
    // given
    Tenant tenant = server.register();
    server.deleteWithToken("/org/delete", tenant.token());
    Tenant successor = server.register(NewOrganization.unique().withName(tenant.name()));
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply =
        server.putJson("/org/update", nameChange(NewOrganization.uniqueName()), tenant.token());

    // then
    server.assertProblem(reply, 401);
    assertThat(server.snapshot()).isEqualTo(before);
    assertThat(organization(successor).getString("organization_name")).isEqualTo(tenant.name());
  }

  private static String nameChange(String name) {
    return NODES.objectNode().put("organization_name", name).toString();
  }

  private static String emailChange(String email) {
    return NODES.objectNode().put("email", email).toString();
  }

  private static String passwordChange(String password) {
    return NODES.objectNode().put("password", password).toString();
  }

  private static Document organization(Tenant tenant) {
    return server
        .database()
        .getCollection("organizations")
        .find(new Document("_id", tenant.organizationId()))
        .first();
  }

  private static Document admin(Tenant tenant) {
    return server
        .database()
        .getCollection("admin_users")
        .find(new Document("_id", tenant.adminId()))
        .first();
  }

  private static List<String> collectionNames() {
    return server.database().listCollectionNames().into(new ArrayList<>());
  }
}
