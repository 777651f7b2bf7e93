package io.croupier.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecuritySchemaTest {

  @TempDir static Path dataFolder;

  private static EmbeddedTestStore store;
  private static int databaseNumber;

  private MongoDatabase database;

  @BeforeAll
  static void startStore() {
    store = EmbeddedTestStore.start(dataFolder);
  }

  @AfterAll
  static void stopStore() {
    store.close();
  }

  @BeforeEach
  void prepareFreshDatabase() {
    databaseNumber++;
    database = store.database("security" + databaseNumber);
    MongoSchema.prepare(database);
  }

  private List<Document> indexes(String collection) {
    return database.getCollection(collection).listIndexes().into(new ArrayList<>());
  }

  private Document indexWithKey(String collection, Document key) {
    return indexes(collection).stream()
        .filter(index -> index.get("key", Document.class).equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No index " + key.toJson() + " on " + collection));
  }

  @ParameterizedTest
  @ValueSource(strings = {"refresh_tokens", "revoked_tokens", "login_failures", "audit_events"})
  void deletesExpiredDocumentsByTtlIndex(String collection) {
    // when
    Document index = indexWithKey(collection, new Document("expires_at", 1));

    // then
    assertThat(index.get("expireAfterSeconds", Number.class).longValue()).isZero();
  }

  @Test
  void indexesRefreshTokensBySession() {
    // when
    Document index = indexWithKey("refresh_tokens", new Document("session_id", 1));

    // then
    assertThat(index.getBoolean("unique", false)).isFalse();
  }

  @Test
  void indexesLoginFailuresByKeyThenNewestFirst() {
    // when
    Document index =
        indexWithKey("login_failures", new Document("key", 1).append("time", -1).append("_id", -1));

    // then
    assertThat(index).isNotNull();
  }

  @Test
  void indexesAuditEventsByOrganizationThenNewestFirst() {
    // when
    Document index =
        indexWithKey(
            "audit_events",
            new Document("organization_id", 1).append("time", -1).append("_id", -1));

    // then
    assertThat(index).isNotNull();
  }

  @Test
  void indexesAuditEventsByOrganizationName() {
    // when
    Document index =
        indexWithKey("audit_events", new Document("organization_name", 1).append("time", -1));

    // then
    assertThat(index).isNotNull();
  }

  @Test
  void secondRunChangesNothing() {
    // given
    List<String> collections =
        List.of("refresh_tokens", "revoked_tokens", "login_failures", "audit_events");
    List<List<Document>> before = collections.stream().map(this::indexes).toList();

    // when
    MongoSchema.prepare(database);

    // then
    assertThat(collections.stream().map(this::indexes).toList()).isEqualTo(before);
  }
}
