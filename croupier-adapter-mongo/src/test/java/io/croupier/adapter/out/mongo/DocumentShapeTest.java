package io.croupier.adapter.out.mongo;

import static io.croupier.adapter.out.mongo.TestData.CREATED_AT;
import static io.croupier.adapter.out.mongo.TestData.UPDATED_AT;
import static io.croupier.adapter.out.mongo.TestData.admin;
import static io.croupier.adapter.out.mongo.TestData.organization;
import static io.croupier.adapter.out.mongo.TestData.uniqueEmail;
import static io.croupier.adapter.out.mongo.TestData.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.croupier.domain.AdminUser;
import io.croupier.domain.MovePhase;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationState;
import io.croupier.domain.TenantMove;
import io.croupier.domain.TenantTier;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the stored BSON fields, which other tools and older data rely on. */
class DocumentShapeTest {

  @TempDir static Path dataFolder;

  private static EmbeddedTestStore store;

  @BeforeAll
  static void startStore() {
    store = EmbeddedTestStore.start(dataFolder);
  }

  @AfterAll
  static void stopStore() {
    store.close();
  }

  private static Document stored(String collection, String id) {
    MongoDatabase database = store.masterDatabase();
    return database.getCollection(collection).find(Filters.eq("_id", id)).first();
  }

  @Test
  void storesOrganizationWithSnakeCaseFields() {
    // given
    Organization organization =
        organization(uniqueName("shape")).withState(OrganizationState.PENDING, UPDATED_AT);

    // when
    new MongoOrganizationRepository(store.masterDatabase()).insert(organization);

    // then
    assertThat(stored("organizations", organization.id()))
        .isEqualTo(
            new Document("_id", organization.id())
                .append("organization_name", organization.name().value())
                .append("storage_name", organization.name().value())
                .append("renaming", false)
                .append("admin_id", organization.adminId())
                .append("state", "PENDING")
                .append("tier", "collection")
                .append("collection_name", "org_" + organization.name().value())
                .append("created_at", Date.from(CREATED_AT))
                .append("updated_at", Date.from(UPDATED_AT)));
  }

  @Test
  void storesMoveWithLowerCaseNamesAndDates() {
    // given
    Instant startedAt = Instant.parse("2026-03-03T08:00:00.250Z");
    TenantMove move =
        new TenantMove(
            TenantTier.SHARED, TenantTier.DATABASE, MovePhase.SWITCHING, startedAt, UPDATED_AT);
    Organization organization =
        organization(uniqueName("moving"))
            .withTier(TenantTier.SHARED, UPDATED_AT)
            .withName(uniqueName("claimed"), UPDATED_AT)
            .withMove(Optional.of(move), UPDATED_AT);

    // when
    new MongoOrganizationRepository(store.masterDatabase()).insert(organization);

    // then
    Document stored = stored("organizations", organization.id());
    assertThat(stored.getString("tier")).isEqualTo("shared");
    assertThat(stored.getString("storage_name")).isNotEqualTo(organization.name().value());
    assertThat(stored.getBoolean("renaming")).isTrue();
    assertThat(stored.get("move"))
        .isEqualTo(
            new Document("source", "shared")
                .append("target", "database")
                .append("phase", "switching")
                .append("started_at", Date.from(startedAt))
                .append("heartbeat_at", Date.from(UPDATED_AT)));
  }

  @Test
  void storesAdminWithSnakeCaseFields() {
    // given
    AdminUser admin = admin("organization-id", uniqueEmail());

    // when
    new MongoAdminRepository(store.masterDatabase()).insert(admin);

    // then
    assertThat(stored("admin_users", admin.id()))
        .isEqualTo(
            new Document("_id", admin.id())
                .append("organization_id", "organization-id")
                .append("email", admin.email().value())
                .append("password_hash", admin.passwordHash())
                .append("credentials_version", 1L)
                .append("created_at", Date.from(CREATED_AT))
                .append("updated_at", Date.from(CREATED_AT)));
  }

  @Test
  void readsCredentialsVersionStoredAsInt32() {
    // given
    AdminUser admin = admin("organization-id", uniqueEmail());
    Document document = AdminDocuments.toDocument(admin).append("credentials_version", 7);
    store.masterDatabase().getCollection("admin_users").insertOne(document);

    // when
    AdminUser loaded =
        new MongoAdminRepository(store.masterDatabase()).findById(admin.id()).orElseThrow();

    // then
    assertThat(loaded.credentialsVersion()).isEqualTo(7L);
  }
}
