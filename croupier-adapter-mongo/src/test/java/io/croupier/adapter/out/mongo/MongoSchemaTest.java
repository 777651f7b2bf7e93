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

class MongoSchemaTest {

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
  void useFreshDatabase() {
    databaseNumber++;
    database = store.database("schema" + databaseNumber);
  }

  private List<Document> indexes(String collection) {
    return database.getCollection(collection).listIndexes().into(new ArrayList<>());
  }

  private Document indexOn(String collection, String field) {
    return indexes(collection).stream()
        .filter(index -> index.get("key", Document.class).equals(new Document(field, 1)))
        .findFirst()
        .orElse(null);
  }

  @Test
  void createsMasterCollections() {
    // when
    MongoSchema.prepare(database);

    // then
    assertThat(database.listCollectionNames().into(new ArrayList<>()))
        .contains("organizations", "admin_users", "tenant_documents");
  }

  @Test
  void createsUniqueIndexOnOrganizationName() {
    // when
    MongoSchema.prepare(database);

    // then
    assertThat(indexOn("organizations", "organization_name").getBoolean("unique")).isTrue();
  }

  @Test
  void createsUniqueIndexOnAdminEmail() {
    // when
    MongoSchema.prepare(database);

    // then
    assertThat(indexOn("admin_users", "email").getBoolean("unique")).isTrue();
  }

  @Test
  void createsNonUniqueIndexOnAdminOrganizationId() {
    // when
    MongoSchema.prepare(database);

    // then
    Document index = indexOn("admin_users", "organization_id");
    assertThat(index).isNotNull();
    assertThat(index.getBoolean("unique", false)).isFalse();
  }

  @Test
  void createsListingIndexOnStateThenNewestFirst() {
    // when
    MongoSchema.prepare(database);

    // then
    Document index =
        indexes("organizations").stream()
            .filter(candidate -> MongoSchema.LISTING_INDEX.equals(candidate.getString("name")))
            .findFirst()
            .orElseThrow();
    Document expectedKey = new Document("state", 1).append("created_at", -1).append("_id", -1);
    assertThat(index.get("key", Document.class)).isEqualTo(expectedKey);
    assertThat(index.getBoolean("unique", false)).isFalse();
  }

  private Document indexWithKey(String collection, Document key) {
    return indexes(collection).stream()
        .filter(index -> index.get("key", Document.class).equals(key))
        .findFirst()
        .orElse(null);
  }

  @Test
  void createsPlacementIndexes() {
    // when
    MongoSchema.prepare(database);

    // then
    assertThat(indexOn("organizations", "move")).isNotNull();
    assertThat(indexOn("organizations", "renaming")).isNotNull();
    assertThat(indexWithKey("organizations", new Document("state", 1).append("tier", 1)))
        .isNotNull();
  }

  @Test
  void createsUniqueSharedDocumentIndex() {
    // when
    MongoSchema.prepare(database);

    // then
    Document index =
        indexWithKey("tenant_documents", new Document("org_id", 1).append("doc_id", 1));
    assertThat(index.getBoolean("unique")).isTrue();
  }

  @Test
  void createsPageIndexOnSharedDocuments() {
    // when
    MongoSchema.prepare(database);

    // then
    Document key = new Document("org_id", 1).append("created_at", 1).append("doc_id", 1);
    assertThat(indexWithKey("tenant_documents", key)).isNotNull();
  }

  @Test
  void secondRunChangesNothing() {
    // given
    MongoSchema.prepare(database);
    List<Document> organizationIndexes = indexes("organizations");
    List<Document> adminIndexes = indexes("admin_users");
    List<Document> sharedIndexes = indexes("tenant_documents");

    // when
    MongoSchema.prepare(database);

    // then
    assertThat(indexes("organizations")).isEqualTo(organizationIndexes);
    assertThat(indexes("admin_users")).isEqualTo(adminIndexes);
    assertThat(indexes("tenant_documents")).isEqualTo(sharedIndexes);
  }
}
