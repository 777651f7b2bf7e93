package io.croupier.adapter.out.mongo;

import static io.croupier.adapter.out.mongo.TestData.admin;
import static io.croupier.adapter.out.mongo.TestData.organization;
import static io.croupier.adapter.out.mongo.TestData.uniqueEmail;
import static io.croupier.adapter.out.mongo.TestData.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.domain.AdminUser;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantTier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoStoreTest {

  @TempDir Path dataFolder;

  private static MongoCollection<Document> tenantCollection(
      EmbeddedTestStore store, OrganizationName name) {
    return store.masterDatabase().getCollection("org_" + name.value());
  }

  private static TenantPlacement collectionTier(OrganizationName name) {
    return new TenantPlacement("unused-id", name, TenantTier.COLLECTION);
  }

  private static List<Document> documents(MongoCollection<Document> collection) {
    return collection.find().into(new ArrayList<>());
  }

  @Test
  void bindsToLoopbackAddress() {
    try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataFolder)) {
      assertThat(store.connectionString()).startsWith("mongodb://127.0.0.1:");
    }
  }

  @Test
  void restartsOnSamePortForWaitingClient() {
    // given
    EmbeddedMongoStore first = EmbeddedMongoStore.start(dataFolder);
    String address = first.connectionString();
    int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    try (MongoClient client = MongoClients.create(address)) {
      client.getDatabase("plain").getCollection("things").insertOne(new Document("_id", "kept"));
      first.close();

      // when
      try (EmbeddedMongoStore second = EmbeddedMongoStore.start(dataFolder, port)) {

        // then
        assertThat(second.connectionString()).isEqualTo(address);
        assertThat(client.getDatabase("plain").getCollection("things").countDocuments())
            .isEqualTo(1);
      }
    }
  }

  @Test
  void rejectsPortOutsideRange() {
    // when
    Throwable tooHigh = catchThrowable(() -> EmbeddedMongoStore.start(dataFolder, 65536));
    Throwable negative = catchThrowable(() -> EmbeddedMongoStore.start(dataFolder, -1));

    // then
    assertThat(tooHigh).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536");
    assertThat(negative).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    assertThat(dataFolder.resolve(EmbeddedMongoStore.DATA_FILE_NAME)).doesNotExist();
  }

  @Test
  void createsMissingDataFolder() {
    // given
    Path nested = dataFolder.resolve("missing").resolve("data");

    // when
    try (EmbeddedMongoStore store = EmbeddedMongoStore.start(nested)) {

      // then
      assertThat(store.dataFile()).isEqualTo(nested.resolve(EmbeddedMongoStore.DATA_FILE_NAME));
      assertThat(Files.isRegularFile(store.dataFile())).isTrue();
    }
  }

  @Test
  void servesOrdinaryDriverThroughConnectionString() {
    try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataFolder);
        MongoClient client = MongoClients.create(store.connectionString())) {
      // given
      MongoDatabase database = client.getDatabase("plain");

      // when
      database.getCollection("things").insertOne(new Document("_id", "one"));

      // then
      assertThat(database.getCollection("things").countDocuments()).isEqualTo(1);
    }
  }

  @Test
  void keepsOrganizationsAndAdminsAcrossRestart() {
    // given
    Organization organization = organization(uniqueName("persist"));
    AdminUser admin = admin(organization.id(), uniqueEmail());
    try (EmbeddedTestStore store = EmbeddedTestStore.start(dataFolder)) {
      new MongoOrganizationRepository(store.masterDatabase()).insert(organization);
      new MongoAdminRepository(store.masterDatabase()).insert(admin);
    }

    // when
    try (EmbeddedTestStore restarted = EmbeddedTestStore.start(dataFolder)) {

      // then
      MongoDatabase database = restarted.masterDatabase();
      assertThat(new MongoOrganizationRepository(database).findById(organization.id()))
          .contains(organization);
      assertThat(new MongoAdminRepository(database).findByEmail(admin.email())).contains(admin);
    }
  }

  @Test
  void keepsUniqueIndexesAcrossRestart() {
    // given
    Organization organization = organization(uniqueName("unique"));
    try (EmbeddedTestStore store = EmbeddedTestStore.start(dataFolder)) {
      new MongoOrganizationRepository(store.masterDatabase()).insert(organization);
    }

    // when
    try (EmbeddedTestStore restarted = EmbeddedTestStore.start(dataFolder)) {
      Throwable failure =
          catchThrowable(
              () ->
                  new MongoOrganizationRepository(restarted.masterDatabase())
                      .insert(organization(organization.name())));

      // then
      assertThat(failure).isInstanceOf(OrganizationNameTaken.class);
    }
  }

  @Test
  void keepsTenantDocumentsAcrossRestart() {
    // given
    OrganizationName name = uniqueName("tenant");
    try (EmbeddedTestStore store = EmbeddedTestStore.start(dataFolder)) {
      store.tenantStorage().create(collectionTier(name));
      tenantCollection(store, name).insertOne(new Document("_id", "kept"));
    }

    // when
    try (EmbeddedTestStore restarted = EmbeddedTestStore.start(dataFolder)) {

      // then
      assertThat(documents(tenantCollection(restarted, name)))
          .containsExactly(new Document("_id", "kept"));
    }
  }

  @Test
  void keepsRenamedTenantDocumentsAcrossRestart() {
    // given
    OrganizationName from = uniqueName("from");
    OrganizationName to = uniqueName("to");
    try (EmbeddedTestStore store = EmbeddedTestStore.start(dataFolder)) {
      MongoTenantStorage storage = store.tenantStorage();
      storage.create(collectionTier(from));
      tenantCollection(store, from).insertOne(new Document("_id", "before-rename"));
      storage.rename(collectionTier(from), to);
      tenantCollection(store, to).insertOne(new Document("_id", "after-rename"));
    }

    // when
    try (EmbeddedTestStore restarted = EmbeddedTestStore.start(dataFolder)) {

      // then
      MongoCollection<Document> renamed = tenantCollection(restarted, to);
      assertThat(documents(renamed))
          .containsExactlyInAnyOrder(
              new Document("_id", "before-rename"), new Document("_id", "after-rename"));
      assertThat(renamed.find(Filters.eq("_id", "before-rename")).first()).isNotNull();
      assertThat(restarted.tenantStorage().exists(collectionTier(from))).isFalse();
    }
  }

  @Test
  void keepsIdIndexOfRenamedCollectionAcrossRestart() {
    // given
    OrganizationName from = uniqueName("from");
    OrganizationName to = uniqueName("to");
    try (EmbeddedTestStore store = EmbeddedTestStore.start(dataFolder)) {
      MongoTenantStorage storage = store.tenantStorage();
      storage.create(collectionTier(from));
      tenantCollection(store, from).insertOne(new Document("_id", "only"));
      storage.rename(collectionTier(from), to);
    }

    // when
    try (EmbeddedTestStore restarted = EmbeddedTestStore.start(dataFolder)) {
      Throwable failure =
          catchThrowable(
              () -> tenantCollection(restarted, to).insertOne(new Document("_id", "only")));

      // then
      assertThat(failure).isNotNull();
      assertThat(tenantCollection(restarted, to).countDocuments()).isEqualTo(1);
    }
  }

  @Test
  void reusedOldNameStartsEmptyAfterRestart() {
    // given
    OrganizationName from = uniqueName("from");
    OrganizationName to = uniqueName("to");
    try (EmbeddedTestStore store = EmbeddedTestStore.start(dataFolder)) {
      MongoTenantStorage storage = store.tenantStorage();
      storage.create(collectionTier(from));
      tenantCollection(store, from).insertOne(new Document("_id", "moved"));
      storage.rename(collectionTier(from), to);
    }

    // when
    try (EmbeddedTestStore restarted = EmbeddedTestStore.start(dataFolder)) {
      restarted.tenantStorage().create(collectionTier(from));

      // then
      assertThat(documents(tenantCollection(restarted, from))).isEmpty();
      tenantCollection(restarted, from).insertOne(new Document("_id", "moved"));
      assertThat(tenantCollection(restarted, from).countDocuments()).isEqualTo(1);
    }
  }

  @Test
  void droppedRenamedCollectionStaysGoneAfterRestart() {
    // given
    OrganizationName from = uniqueName("from");
    OrganizationName to = uniqueName("to");
    try (EmbeddedTestStore store = EmbeddedTestStore.start(dataFolder)) {
      MongoTenantStorage storage = store.tenantStorage();
      storage.create(collectionTier(from));
      tenantCollection(store, from).insertOne(new Document("_id", "dropped"));
      storage.rename(collectionTier(from), to);
      storage.drop(collectionTier(to));
    }

    // when
    try (EmbeddedTestStore restarted = EmbeddedTestStore.start(dataFolder)) {
      MongoTenantStorage storage = restarted.tenantStorage();
      storage.create(collectionTier(to));
      storage.create(collectionTier(from));

      // then
      assertThat(documents(tenantCollection(restarted, to))).isEmpty();
      assertThat(documents(tenantCollection(restarted, from))).isEmpty();
    }
  }

  @Test
  void keepsDocumentsOfEveryTierAcrossRestart() {
    // given
    TenantDocument document = TestData.document("kept", TestData.CREATED_AT, 1L);
    List<TenantPlacement> placements = new ArrayList<>();
    try (EmbeddedTestStore store = EmbeddedTestStore.start(dataFolder)) {
      for (TenantTier tier : TenantTier.values()) {
        TenantPlacement placement = TestData.placement(tier);
        store.tenantStorage().create(placement);
        store.tenantStorage().documents(placement).insert(document);
        placements.add(placement);
      }
    }

    // when
    try (EmbeddedTestStore restarted = EmbeddedTestStore.start(dataFolder)) {

      // then
      for (TenantPlacement placement : placements) {
        assertThat(restarted.tenantStorage().documents(placement).find("kept"))
            .as("tier %s", placement.tier())
            .contains(document);
      }
    }
  }

  @Test
  void droppedTenantDatabaseStaysGoneAfterRestart() {
    // given
    TenantPlacement placement = TestData.placement(TenantTier.DATABASE);
    try (EmbeddedTestStore store = EmbeddedTestStore.start(dataFolder)) {
      MongoTenantStorage storage = store.tenantStorage();
      storage.create(placement);
      storage.documents(placement).insert(TestData.document("gone", TestData.CREATED_AT, 1L));
      storage.drop(placement);
    }

    // when
    try (EmbeddedTestStore restarted = EmbeddedTestStore.start(dataFolder)) {

      // then
      MongoTenantStorage storage = restarted.tenantStorage();
      assertThat(storage.exists(placement)).isFalse();
      assertThat(storage.documents(placement).count()).isZero();
      storage.create(placement);
      assertThat(storage.documents(placement).count()).isZero();
    }
  }

  @Test
  void keepsUniqueIndexOfSharedDocumentsAcrossRestart() {
    // given
    TenantPlacement placement = TestData.placement(TenantTier.SHARED);
    try (EmbeddedTestStore store = EmbeddedTestStore.start(dataFolder)) {
      store
          .tenantStorage()
          .documents(placement)
          .insert(TestData.document("only", TestData.CREATED_AT, 1L));
    }

    // when
    try (EmbeddedTestStore restarted = EmbeddedTestStore.start(dataFolder)) {
      Throwable failure =
          catchThrowable(
              () ->
                  restarted
                      .masterDatabase()
                      .getCollection("tenant_documents")
                      .insertOne(
                          new Document("_id", "other")
                              .append("org_id", placement.organizationId())
                              .append("doc_id", "only")));

      // then
      assertThat(failure).isNotNull();
      assertThat(restarted.tenantStorage().documents(placement).count()).isEqualTo(1);
    }
  }

  @Test
  void rejectsSecondStoreOnSameFolder() {
    try (EmbeddedMongoStore first = EmbeddedMongoStore.start(dataFolder)) {
      // when
      EmbeddedStoreLocked locked =
          catchThrowableOfType(
              EmbeddedStoreLocked.class, () -> EmbeddedMongoStore.start(dataFolder));

      // then
      assertThat(locked.dataFolder()).isEqualTo(dataFolder.toAbsolutePath());
      assertThat(locked.getMessage())
          .isEqualTo(
              "The data folder "
                  + dataFolder.toAbsolutePath()
                  + " is in use by another Croupier process. Stop that process or choose"
                  + " another data folder.");
      assertThat(locked.getCause()).isNull();
    }
  }

  @Test
  void firstStoreKeepsWorkingAfterRejectedSecondStart() {
    try (EmbeddedMongoStore first = EmbeddedMongoStore.start(dataFolder);
        MongoClient client = MongoClients.create(first.connectionString())) {
      // given
      catchThrowable(() -> EmbeddedMongoStore.start(dataFolder));

      // when
      client.getDatabase("check").getCollection("things").insertOne(new Document("_id", "one"));

      // then
      assertThat(client.getDatabase("check").getCollection("things").countDocuments()).isEqualTo(1);
    }
  }

  @Test
  void startsAgainOnceFirstStoreIsClosed() {
    // given
    EmbeddedMongoStore first = EmbeddedMongoStore.start(dataFolder);
    first.close();

    // when
    Throwable failure = catchThrowable(() -> EmbeddedMongoStore.start(dataFolder).close());

    // then
    assertThat(failure).isNull();
  }

  @Test
  void closeTwiceIsNoError() {
    // given
    EmbeddedMongoStore store = EmbeddedMongoStore.start(dataFolder);
    store.close();

    // when
    Throwable failure = catchThrowable(store::close);

    // then
    assertThat(failure).isNull();
  }
}
