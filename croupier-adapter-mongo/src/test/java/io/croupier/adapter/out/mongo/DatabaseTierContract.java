package io.croupier.adapter.out.mongo;

import static io.croupier.adapter.out.mongo.TestData.CREATED_AT;
import static io.croupier.adapter.out.mongo.TestData.document;
import static io.croupier.adapter.out.mongo.TestData.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.croupier.application.port.out.TenantLocation;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.TenantTier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour of the database tier: a database of each organization's own. */
public abstract class DatabaseTierContract {

  private static final String MASTER = MongoConnection.DEFAULT_DATABASE;

  /** Length of an organization id that makes {@code croupier_t_<id>} exactly 63 bytes long. */
  private static final int MAX_KEPT_ID_LENGTH = 63 - (MASTER + "_t_").length();

  private MongoTenantStorage storage;

  /** Returns the client of the store. */
  protected abstract MongoClient client();

  /** Returns the master database, named {@value MongoConnection#DEFAULT_DATABASE}. */
  protected abstract MongoDatabase masterDatabase();

  @BeforeEach
  void createStorage() {
    storage = new MongoTenantStorage(client(), masterDatabase());
  }

  private static TenantPlacement placementWithId(String organizationId) {
    return new TenantPlacement(organizationId, uniqueName("tenant"), TenantTier.DATABASE);
  }

  /** Returns an id of lower-case hex digits and '-' of the length, different on each call. */
  private static String uniqueIdOfLength(int length) {
    StringBuilder id = new StringBuilder();
    while (id.length() < length) {
      id.append(UUID.randomUUID());
    }
    return id.substring(0, length);
  }

  private String databaseNameOf(TenantPlacement placement) {
    return storage.locate(placement).connectionDetails().substring("Database: ".length());
  }

  private List<String> databaseNames() {
    return client().listDatabaseNames().into(new ArrayList<>());
  }

  private void assertStoresAndReadsDocument(TenantPlacement placement) {
    storage.create(placement);
    storage.documents(placement).insert(document("doc", CREATED_AT, 1L));
    assertThat(storage.documents(placement).find("doc")).contains(document("doc", CREATED_AT, 1L));
    assertThat(databaseNames()).contains(databaseNameOf(placement));
  }

  @Test
  void locatesDatabaseNamedAfterMasterAndOrganizationId() {
    // given
    TenantPlacement placement = TestData.placement(TenantTier.DATABASE);

    // when
    TenantLocation location = storage.locate(placement);

    // then
    assertThat(location.collectionName()).isEqualTo("documents");
    assertThat(location.connectionDetails())
        .isEqualTo("Database: croupier_t_" + placement.organizationId());
  }

  @Test
  void createMakesDatabaseWithIndexedDocumentsCollection() {
    // given
    TenantPlacement placement = TestData.placement(TenantTier.DATABASE);

    // when
    storage.create(placement);

    // then
    MongoDatabase database = client().getDatabase(databaseNameOf(placement));
    assertThat(databaseNames()).contains(database.getName());
    assertThat(database.listCollectionNames().into(new ArrayList<>())).containsExactly("documents");
    assertThat(database.getCollection("documents").listIndexes().into(new ArrayList<>()))
        .extracting(index -> index.get("key", Document.class))
        .contains(new Document("created_at", 1).append("_id", 1));
    assertThat(storage.exists(placement)).isTrue();
  }

  @Test
  void storesDocumentUnderItsId() {
    // given
    TenantPlacement placement = TestData.placement(TenantTier.DATABASE);
    storage.create(placement);

    // when
    storage.documents(placement).insert(document("doc-1", CREATED_AT, 7L));

    // then
    MongoDatabase database = client().getDatabase(databaseNameOf(placement));
    assertThat(database.getCollection("documents").find().first())
        .isEqualTo(
            new Document("_id", "doc-1")
                .append("created_at", Date.from(CREATED_AT))
                .append("updated_at", Date.from(CREATED_AT))
                .append("body", new Document("value", 7L)));
  }

  @Test
  void rejectsCreateOfExistingStorage() {
    // given
    TenantPlacement placement = TestData.placement(TenantTier.DATABASE);
    storage.create(placement);
    storage.documents(placement).insert(document("kept", CREATED_AT, 1L));

    // when
    OrganizationNameTaken conflict =
        catchThrowableOfType(OrganizationNameTaken.class, () -> storage.create(placement));

    // then
    assertThat(conflict.name()).isEqualTo(placement.storageName());
    assertThat(storage.documents(placement).count()).isEqualTo(1);
  }

  @Test
  void dropDropsDatabase() {
    // given
    TenantPlacement placement = TestData.placement(TenantTier.DATABASE);
    storage.create(placement);
    storage.documents(placement).insert(document("gone", CREATED_AT, 1L));

    // when
    storage.drop(placement);

    // then
    // Listed first: the embedded store registers an empty database again when one is read.
    assertThat(databaseNames()).doesNotContain(databaseNameOf(placement));
    assertThat(storage.exists(placement)).isFalse();
  }

  @Test
  void renameMovesNothing() {
    // given
    TenantPlacement placement = TestData.placement(TenantTier.DATABASE);
    storage.create(placement);
    storage.documents(placement).insert(document("doc", CREATED_AT, 1L));
    TenantPlacement renamed = placement.named(uniqueName("renamed"));

    // when
    storage.rename(placement, renamed.storageName());

    // then
    assertThat(storage.locate(renamed)).isEqualTo(storage.locate(placement));
    assertThat(storage.documents(renamed).find("doc")).contains(document("doc", CREATED_AT, 1L));
  }

  @Test
  void keepsIdMakingSixtyThreeBytes() {
    // given
    TenantPlacement placement = placementWithId(uniqueIdOfLength(MAX_KEPT_ID_LENGTH));

    // when
    String name = databaseNameOf(placement);

    // then
    assertThat(name).isEqualTo("croupier_t_" + placement.organizationId());
    assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSize(63);
    assertStoresAndReadsDocument(placement);
  }

  @Test
  void hashesIdMakingSixtyFourBytes() {
    // given
    TenantPlacement placement = placementWithId(uniqueIdOfLength(MAX_KEPT_ID_LENGTH + 1));

    // when
    String name = databaseNameOf(placement);

    // then
    assertThat(name).startsWith("croupier_h_");
    assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThan(64);
    assertStoresAndReadsDocument(placement);
  }

  @Test
  void idsDifferingOnlyInCaseGetSeparateDatabases() {
    // given
    // MongoDB rejects a database whose name differs from an existing one only by case.
    String lower = uniqueIdOfLength(36);
    TenantPlacement lowerCase = placementWithId(lower);
    TenantPlacement upperCase = placementWithId(lower.toUpperCase(Locale.ROOT));
    storage.create(lowerCase);
    storage.documents(lowerCase).insert(document("doc", CREATED_AT, 1L));

    // when
    storage.create(upperCase);
    storage.documents(upperCase).insert(document("doc", CREATED_AT, 2L));

    // then
    assertThat(databaseNameOf(upperCase)).isNotEqualToIgnoringCase(databaseNameOf(lowerCase));
    assertThat(storage.documents(lowerCase).find("doc")).contains(document("doc", CREATED_AT, 1L));
    assertThat(storage.documents(upperCase).find("doc")).contains(document("doc", CREATED_AT, 2L));
  }

  @Test
  void organizationIdWithForbiddenCharactersGetsValidName() {
    // given
    TenantPlacement placement = placementWithId("a.b/c\\d \"e$f*g<h>i:j|k?" + UUID.randomUUID());

    // when
    String name = databaseNameOf(placement);

    // then
    assertThat(name).matches("[a-z0-9_-]{1,63}");
    assertStoresAndReadsDocument(placement);
  }
}
