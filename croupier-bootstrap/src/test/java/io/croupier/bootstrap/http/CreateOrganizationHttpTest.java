package io.croupier.bootstrap.http;

import static io.croupier.bootstrap.http.CroupierTestServer.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /org/create} over HTTP. */
class CreateOrganizationHttpTest {

  @RegisterExtension static final CroupierTestServer server = new CroupierTestServer();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void returnsCreatedOrganization() {
    // given
    NewOrganization organization = NewOrganization.unique();
    Instant before = Instant.now();

    // when
    Reply reply = server.create(organization);

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(reply.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode body = reply.json();
    assertThat(body.path("id").asText()).isNotBlank();
    assertThat(body.path("organization_name").asText()).isEqualTo(organization.name());
    assertThat(body.path("email").asText()).isEqualTo(organization.email());
    assertThat(body.path("collection_name").asText()).isEqualTo("org_" + organization.name());
    assertThat(body.path("connection_details").asText()).contains("org_" + organization.name());
    assertThat(body.has("password")).isFalse();
    assertThat(body.has("password_hash")).isFalse();
    assertUtcTimestamp(body.path("created_at").asText(), before);
    assertUtcTimestamp(body.path("updated_at").asText(), before);
  }

  @Test
  void returnsExactlyTheOrganizationFields() {
    // when
    Reply reply = server.create(NewOrganization.unique());

    // then
    List<String> fields = new ArrayList<>();
    reply.json().fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "id",
            "organization_name",
            "email",
            "collection_name",
            "connection_details",
            "tier",
            "created_at",
            "updated_at");
  }

  @ParameterizedTest
  @ValueSource(strings = {"shared", "collection", "database"})
  void createsOrganizationInRequestedTier(String tier) {
    // given
    NewOrganization organization = NewOrganization.unique();

    // when
    Reply reply =
        server.postJson("/org/create", organization.jsonObject().put("tier", tier).toString());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(reply.text("tier")).isEqualTo(tier);
    Reply fetched = server.get("/org/get?organization_name=" + organization.name());
    assertThat(fetched.text("tier")).isEqualTo(tier);
  }

  @Test
  void createsOrganizationInDefaultTierWithoutTier() {
    // when
    Reply reply = server.create(NewOrganization.unique());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(reply.text("tier")).isEqualTo("collection");
  }

  @Test
  void createsOrganizationInDefaultTierWithNullTier() {
    // given
    ObjectNode body = NewOrganization.unique().jsonObject().putNull("tier");

    // when
    Reply reply = server.postJson("/org/create", body.toString());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(reply.text("tier")).isEqualTo("collection");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Database", " shared ", "COLLECTION"})
  void normalizesTierName(String tier) {
    // given
    ObjectNode body = NewOrganization.unique().jsonObject().put("tier", tier);

    // when
    Reply reply = server.postJson("/org/create", body.toString());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(reply.text("tier")).isEqualTo(tier.strip().toLowerCase(Locale.ROOT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "dedicated", "collections", "share", "data base", "default"})
  void rejectsUnknownTier(String tier) {
    // when / then
    JsonNode problem =
        assertRejectedField(NewOrganization.unique().jsonObject().put("tier", tier), "tier");
    assertThat(problem.toString()).contains("shared, collection, database");
  }

  @ParameterizedTest
  @MethodSource("nonStringTiers")
  void rejectsNonStringTier(JsonNode tier) {
    // given
    ObjectNode body = NewOrganization.unique().jsonObject();
    body.set("tier", tier);

    // when / then
    assertRejectedField(body, "tier");
  }

  static Stream<JsonNode> nonStringTiers() {
    return Stream.of(
        NODES.numberNode(1),
        NODES.numberNode(1.5),
        NODES.booleanNode(true),
        NODES.arrayNode().add("shared"),
        NODES.objectNode().put("$ne", "shared"));
  }

  @Test
  void listsInvalidTierWithOtherInvalidFields() {
    // given
    ObjectNode body = NewOrganization.unique().jsonObject().put("tier", "gold").put("email", "no");

    // when
    Reply reply = server.postJson("/org/create", body.toString());

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactlyInAnyOrder("email", "tier");
  }

  @Test
  void storesOrganizationAdminAndCollection() {
    // given
    NewOrganization organization = NewOrganization.unique();

    // when
    Reply reply = server.create(organization);

    // then
    String id = reply.text("id");
    Document stored = findOrganization(id);
    assertThat(stored).isNotNull();
    assertThat(stored.getString("organization_name")).isEqualTo(organization.name());
    assertThat(stored.getString("collection_name")).isEqualTo("org_" + organization.name());
    Document admin = findAdmin(id);
    assertThat(admin).isNotNull();
    assertThat(admin.getString("email")).isEqualTo(organization.email());
    assertThat(admin.getString("password_hash")).doesNotContain(organization.password());
    assertThat(collectionExists("org_" + organization.name())).isTrue();
  }

  @Test
  void returnsTimestampsEqualOnCreation() {
    // when
    Reply reply = server.create(NewOrganization.unique());

    // then
    assertThat(reply.text("updated_at")).isEqualTo(reply.text("created_at"));
  }

  @Test
  void normalizesPaddedName() {
    // given
    NewOrganization organization = NewOrganization.unique();

    // when
    Reply reply = server.create(organization.withName("  " + organization.name() + " "));

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(reply.text("organization_name")).isEqualTo(organization.name());
    assertThat(collectionExists("org_" + organization.name())).isTrue();
  }

  @Test
  void normalizesUpperCaseName() {
    // given
    NewOrganization organization = NewOrganization.unique();

    // when
    Reply reply = server.create(organization.withName(organization.name().toUpperCase()));

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(reply.text("organization_name")).isEqualTo(organization.name());
    assertThat(reply.text("collection_name")).isEqualTo("org_" + organization.name());
  }

  @Test
  void normalizesFullWidthName() {
    // given
    NewOrganization organization = NewOrganization.unique();
    String fullWidth = toFullWidth("Acme_" + organization.name());

    // when
    Reply reply = server.create(organization.withName(fullWidth));

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(reply.text("organization_name")).isEqualTo("acme_" + organization.name());
    assertThat(collectionExists("org_acme_" + organization.name())).isTrue();
  }

  @Test
  void normalizesPaddedMixedCaseEmail() {
    // given
    NewOrganization organization = NewOrganization.unique();
    String raw = " " + organization.email().toUpperCase() + "  ";

    // when
    Reply reply = server.create(organization.withEmail(raw));

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(reply.text("email")).isEqualTo(organization.email());
    assertThat(findAdmin(reply.text("id")).getString("email")).isEqualTo(organization.email());
  }

  @Test
  void rejectsNameTakenInAnotherCase() {
    // given
    NewOrganization first = NewOrganization.unique();
    server.create(first);
    NewOrganization second = NewOrganization.unique().withName(first.name().toUpperCase());
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.create(second);

    // then
    JsonNode problem = server.assertProblem(reply, 409);
    assertThat(problem.get("detail").asText()).contains("already exists");
    assertThat(problem.get("detail").asText()).contains(first.name());
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @Test
  void rejectsEmailTakenInAnotherCase() {
    // given
    NewOrganization first = NewOrganization.unique();
    server.create(first);
    NewOrganization second = NewOrganization.unique().withEmail(first.email().toUpperCase());
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.create(second);

    // then
    JsonNode problem = server.assertProblem(reply, 409);
    assertThat(problem.get("detail").asText()).contains("already exists");
    assertThat(server.snapshot()).isEqualTo(before);
    assertThat(collectionExists("org_" + second.name())).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 50})
  void acceptsNameAtLengthLimit(int length) {
    // given
    String name = NewOrganization.uniqueName(length);

    // when
    Reply reply = server.create(NewOrganization.unique().withName(name));

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(reply.text("organization_name")).hasSize(length);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 51})
  void rejectsNameBeyondLengthLimit(int length) {
    // given
    String name =
        length < 3
            ? "q" + NewOrganization.randomText(length - 1)
            : NewOrganization.uniqueName(length);

    // when / then
    assertRejectedField(NewOrganization.unique().withName(name).jsonObject(), "organization_name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"_acme", "-acme", "ac$me", "ac.me", "ac me", "", "   ", "acmé", "a/b/c"})
  void rejectsInvalidName(String name) {
    assertRejectedField(NewOrganization.unique().withName(name).jsonObject(), "organization_name");
  }

  @Test
  void acceptsNameWithInnerUnderscoreAndHyphen() {
    // given
    String name = "a_b-" + NewOrganization.uniqueName();

    // when
    Reply reply = server.create(NewOrganization.unique().withName(name));

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
  }

  @ParameterizedTest
  @ValueSource(strings = {"organization_name", "email", "password"})
  void rejectsMissingField(String field) {
    // given
    ObjectNode body = NewOrganization.unique().jsonObject();
    body.remove(field);

    // when / then
    assertRejectedField(body, field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-an-email", "a@b", "@example.com", "a b@example.com", "", "  "})
  void rejectsInvalidEmail(String email) {
    assertRejectedField(NewOrganization.unique().withEmail(email).jsonObject(), "email");
  }

  @Test
  void acceptsEmailOf254Characters() {
    // given
    String email = NewOrganization.uniqueEmail(254);

    // when
    Reply reply = server.create(NewOrganization.unique().withEmail(email));

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(reply.text("email")).hasSize(254);
  }

  @Test
  void rejectsEmailOf255Characters() {
    // given
    String email = NewOrganization.uniqueEmail(255);

    // when / then
    assertRejectedField(NewOrganization.unique().withEmail(email).jsonObject(), "email");
  }

  @Test
  void acceptsPasswordOf8Characters() {
    // given
    String password = "Aa1" + NewOrganization.randomText(5);

    // when
    Reply reply = server.create(NewOrganization.unique().withPassword(password));

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
  }

  @ParameterizedTest
  @MethodSource("weakPasswords")
  void rejectsWeakPassword(String password) {
    assertRejectedField(NewOrganization.unique().withPassword(password).jsonObject(), "password");
  }

  static Stream<String> weakPasswords() {
    String random = NewOrganization.randomText(6).replaceAll("[0-9]", "k");
    return Stream.of(
        "Aa1" + random.substring(0, 4),
        "aa1" + random + "xy",
        "AA1" + random.toUpperCase() + "XY",
        "Aab" + random + "xy",
        "");
  }

  @Test
  void acceptsPasswordOf72AsciiBytes() {
    // given
    String password = "Aa1" + NewOrganization.randomText(69);
    NewOrganization organization = NewOrganization.unique().withPassword(password);

    // when
    Reply created = server.create(organization);

    // then
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(server.logIn(organization.email(), password).status()).isEqualTo(200);
    assertThat(server.logIn(organization.email(), password.substring(0, 71)).status())
        .isEqualTo(401);
  }

  @Test
  void rejectsPasswordOf73AsciiBytes() {
    // given
    String password = "Aa1" + NewOrganization.randomText(70);

    // when / then
    assertRejectedField(NewOrganization.unique().withPassword(password).jsonObject(), "password");
  }

  @Test
  void acceptsPasswordOf72MultiByteBytes() {
    // given: 2 one-byte characters and 35 two-byte characters make 72 bytes
    String password = "A1" + "é".repeat(35);
    NewOrganization organization = NewOrganization.unique().withPassword(password);

    // when
    Reply created = server.create(organization);

    // then
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(server.logIn(organization.email(), password).status()).isEqualTo(200);
  }

  @Test
  void rejectsPasswordOf73MultiByteBytes() {
    // given: 38 characters, but 73 bytes in UTF-8
    String password = "A1" + "é".repeat(35) + "b";

    // when / then
    assertRejectedField(NewOrganization.unique().withPassword(password).jsonObject(), "password");
  }

  @Test
  void acceptsDecomposedPasswordAfterNormalization() {
    // given: 'e' plus a combining accent is 3 bytes, but 2 bytes once NFC-normalized
    String decomposed = "A1" + "e\u0301".repeat(35);
    NewOrganization organization = NewOrganization.unique().withPassword(decomposed);

    // when
    Reply created = server.create(organization);

    // then
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(server.logIn(organization.email(), "A1" + "é".repeat(35)).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0000", "\t", "\n", "\u007f", "\u0085"})
  void rejectsPasswordWithControlCharacter(String control) {
    // given
    String password = "Aa1" + NewOrganization.randomText(4) + control + "xyz";

    // when / then
    assertRejectedField(NewOrganization.unique().withPassword(password).jsonObject(), "password");
  }

  @Test
  void listsEveryInvalidFieldTogether() {
    // given
    ObjectNode body =
        NODES.objectNode().put("organization_name", "x").put("email", "nope").put("password", "a");
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.postJson("/org/create", body.toString());

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem))
        .containsExactlyInAnyOrder("organization_name", "email", "password");
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @Test
  void listsEveryMissingFieldTogether() {
    // given
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.postJson("/org/create", "{}");

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem))
        .containsExactlyInAnyOrder("organization_name", "email", "password");
    assertThat(server.snapshot()).isEqualTo(before);
  }

  @ParameterizedTest
  @MethodSource("nonStringValues")
  void rejectsNonStringValue(String field, JsonNode value) {
    // given
    ObjectNode body = NewOrganization.unique().jsonObject();
    body.set(field, value);

    // when / then
    JsonNode problem = assertRejectedField(body, field);
    assertThat(problem.toString()).doesNotContain("$ne");
  }

  static Stream<Arguments> nonStringValues() {
    List<JsonNode> values =
        List.of(
            NODES.objectNode().putNull("$ne"),
            NODES.objectNode().put("$gt", ""),
            NODES.arrayNode().add("acme"),
            NODES.numberNode(42),
            NODES.numberNode(4.2),
            NODES.booleanNode(true),
            NODES.nullNode());
    return Stream.of("organization_name", "email", "password")
        .flatMap(field -> values.stream().map(value -> Arguments.of(field, value)));
  }

  @Test
  void ignoresUnknownFields() {
    // given
    ObjectNode body = NewOrganization.unique().jsonObject();
    body.put("role", "superuser");
    body.put("_id", "chosen-id");
    body.put("state", "DELETING");
    body.put("password_hash", "chosen-hash");
    body.put("credentials_version", 99);
    body.set("admin", NODES.objectNode().put("is_root", true));

    // when
    Reply reply = server.postJson("/org/create", body.toString());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    String id = reply.text("id");
    assertThat(id).isNotEqualTo("chosen-id");
    Document organization = findOrganization(id);
    Document admin = findAdmin(id);
    for (Document stored : List.of(organization, admin)) {
      assertThat(stored.keySet()).doesNotContain("role", "admin", "is_root");
    }
    assertThat(organization.getString("state")).isEqualTo("ACTIVE");
    assertThat(admin.getString("password_hash")).isNotEqualTo("chosen-hash");
    assertThat(admin.get("credentials_version", Number.class).longValue()).isEqualTo(1);
    assertThat(server.database().getCollection(reply.text("collection_name")).countDocuments())
        .isZero();
  }

  @Test
  void omitsUnknownFieldsFromResponse() {
    // given
    ObjectNode body = NewOrganization.unique().jsonObject().put("role", "superuser");

    // when
    Reply reply = server.postJson("/org/create", body.toString());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(reply.json().has("role")).isFalse();
  }

  private JsonNode assertRejectedField(ObjectNode body, String field) {
    // given
    StoreSnapshot before = server.snapshot();

    // when
    Reply reply = server.postJson("/org/create", body.toString());

    // then
    JsonNode problem = server.assertProblem(reply, 422);
    assertThat(errorFields(problem)).containsExactly(field);
    assertThat(server.snapshot()).isEqualTo(before);
    return problem;
  }

  private static void assertUtcTimestamp(String value, Instant notBefore) {
    assertThat(value).endsWith("Z");
    Instant instant = Instant.parse(value);
    assertThat(instant).isAfterOrEqualTo(notBefore.minusSeconds(1));
    assertThat(instant).isBefore(Instant.now().plus(Duration.ofSeconds(1)));
  }

  private static Document findOrganization(String id) {
    return server.database().getCollection("organizations").find(new Document("_id", id)).first();
  }

  private static Document findAdmin(String organizationId) {
    return server
        .database()
        .getCollection("admin_users")
        .find(new Document("organization_id", organizationId))
        .first();
  }

  private static boolean collectionExists(String name) {
    return server.database().listCollectionNames().into(new ArrayList<>()).contains(name);
  }

  /** Maps ASCII letters, digits and '_' to their full-width forms, which NFKC maps back. */
  private static String toFullWidth(String ascii) {
    StringBuilder wide = new StringBuilder();
    for (char c : ascii.toCharArray()) {
      wide.append((char) (c + 0xFEE0));
    }
    return wide.toString();
  }
}
