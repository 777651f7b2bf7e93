package io.croupier.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;
import static io.croupier.adapter.out.mongo.TestData.CREATED_AT;
import static io.croupier.adapter.out.mongo.TestData.uniqueEmail;
import static io.croupier.adapter.out.mongo.TestData.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.croupier.adapter.out.mongo.FaultPlan.Call;
import io.croupier.adapter.out.mongo.FaultPlan.Timing;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.UpdateOrganizationCommand;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.application.port.out.AuditLog;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.PasswordHasher;
import io.croupier.application.port.out.TenantDocuments;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.application.service.CreateOrganizationService;
import io.croupier.application.service.DeleteOrganizationService;
import io.croupier.application.service.UpdateOrganizationService;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.Password;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantTier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs the real create, update and delete services on the Mongo adapters of the embedded store,
 * makes one port call fail, and checks in the database that the services leave no half-made or
 * half-changed organization behind, in each tier. A call fails either before it reaches the store
 * or after the store applied it, as when the reply is lost on the network.
 */
class OrganizationLifecycleFailureTest {

  private static final String INITIAL_PASSWORD = "Initial1pass";
  private static final AtomicInteger DATABASE_NUMBER = new AtomicInteger();

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

  @Nested
  class SharedTier extends Scenarios {
    SharedTier() {
      super(TenantTier.SHARED);
    }
  }

  @Nested
  class CollectionTier extends Scenarios {
    CollectionTier() {
      super(TenantTier.COLLECTION);
    }

    @Test
    void createKeepsLeftoverCollectionUntouched() {
      // given
      OrganizationName name = uniqueName("leftover");
      EmailAddress email = uniqueEmail();
      TenantPlacement leftover = new TenantPlacement("unknown", name, TenantTier.COLLECTION);
      addTenantDocuments(leftover);

      // when
      Throwable failure = catchThrowable(() -> create(name, email));

      // then
      assertThat(failure).isInstanceOf(OrganizationNameTaken.class);
      assertThat(tenantDocumentIds(leftover)).containsExactlyInAnyOrder("first", "second");
      assertThat(organizations().find(eq("organization_name", name.value())).first()).isNull();
      assertThat(admins().find(eq("email", email.value())).first()).isNull();
    }
  }

  @Nested
  class DatabaseTier extends Scenarios {
    DatabaseTier() {
      super(TenantTier.DATABASE);
    }
  }

  /** The failure scenarios, for organizations created in one tier. */
  abstract static class Scenarios {

    private final TenantTier tier;
    private final FaultPlan faults = new FaultPlan();
    private MongoDatabase database;
    private TenantStorage tenants;
    private CreateOrganizationService createService;
    private UpdateOrganizationService updateService;
    private DeleteOrganizationService deleteService;

    Scenarios(TenantTier tier) {
      this.tier = tier;
    }

    @BeforeEach
    void wireServices() {
      // A database per test, so that the checks for leftovers see this test's data only.
      database = store.database("lifecycle" + DATABASE_NUMBER.incrementAndGet());
      MongoSchema.prepare(database);
      OrganizationRepository organizations =
          new FaultyPorts.Organizations(new MongoOrganizationRepository(database), faults);
      AdminRepository admins = new FaultyPorts.Admins(new MongoAdminRepository(database), faults);
      tenants = new FaultyPorts.Tenants(new MongoTenantStorage(store.client(), database), faults);
      PasswordHasher hasher = new FakePasswordHasher();
      Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));

      AuditLog auditLog = new MongoAuditLog(database, clock);

      createService =
          new CreateOrganizationService(
              organizations, admins, tenants, hasher, auditLog, clock, tier);
      updateService =
          new UpdateOrganizationService(
              organizations, admins, tenants, hasher, auditLog, clock, Duration.ZERO);
      deleteService =
          new DeleteOrganizationService(organizations, admins, tenants, auditLog, clock);
    }

    @ParameterizedTest
    @EnumSource(
        value = Call.class,
        names = {"ORGANIZATION_INSERT", "ADMIN_INSERT", "TENANT_CREATE", "ORGANIZATION_UPDATE"})
    void createFailingBeforeStoreLeavesNothingBehind(Call failingStep) {
      checkFailedCreateLeavesNothingBehind(failingStep, Timing.BEFORE_STORE);
    }

    @ParameterizedTest
    @EnumSource(
        value = Call.class,
        names = {"ORGANIZATION_INSERT", "ADMIN_INSERT", "TENANT_CREATE", "ORGANIZATION_UPDATE"})
    void createFailingBeforeStoreFreesNameAndEmail(Call failingStep) {
      checkFailedCreateFreesNameAndEmail(failingStep, Timing.BEFORE_STORE);
    }

    @ParameterizedTest
    @EnumSource(
        value = Call.class,
        names = {"ORGANIZATION_INSERT", "ADMIN_INSERT", "TENANT_CREATE", "ORGANIZATION_UPDATE"})
    void createWithLostReplyFreesNameAndEmail(Call failingStep) {
      checkFailedCreateFreesNameAndEmail(failingStep, Timing.AFTER_STORE);
    }

    @ParameterizedTest
    @EnumSource(
        value = Call.class,
        names = {"ORGANIZATION_INSERT", "ADMIN_INSERT", "TENANT_CREATE", "ORGANIZATION_UPDATE"})
    void createWithLostReplyLeavesNothingBehind(Call failingStep) {
      checkFailedCreateLeavesNothingBehind(failingStep, Timing.AFTER_STORE);
    }

    @ParameterizedTest
    @EnumSource(
        value = Call.class,
        names = {"TENANT_RENAME", "ORGANIZATION_UPDATE", "ADMIN_UPDATE"})
    void renameFailingBeforeStoreRestoresOrganization(Call failingStep) {
      checkFailedRenameRestoresOrganization(failingStep, Timing.BEFORE_STORE);
    }

    @ParameterizedTest
    @EnumSource(
        value = Call.class,
        names = {"TENANT_RENAME", "ORGANIZATION_UPDATE", "ADMIN_UPDATE"})
    void renameWithLostReplyRestoresOrganization(Call failingStep) {
      checkFailedRenameRestoresOrganization(failingStep, Timing.AFTER_STORE);
    }

    @ParameterizedTest
    @EnumSource(
        value = Call.class,
        names = {"ORGANIZATION_UPDATE", "ADMIN_DELETE", "TENANT_DROP"})
    void deleteFailingBeforeStoreRestoresOrganization(Call failingStep) {
      checkFailedDeleteRestoresOrganization(failingStep, Timing.BEFORE_STORE);
    }

    @ParameterizedTest
    @EnumSource(
        value = Call.class,
        names = {"ORGANIZATION_UPDATE", "ADMIN_DELETE"})
    void deleteWithLostReplyRestoresOrganization(Call failingStep) {
      checkFailedDeleteRestoresOrganization(failingStep, Timing.AFTER_STORE);
    }

    @Test
    void createsOrganizationInTheTier() {
      // when
      OrganizationDetails created = create(uniqueName("tiered"), uniqueEmail());

      // then
      assertThat(created.organization().tier()).isEqualTo(tier);
      assertThat(tenants.exists(placementOf(created))).isEqualTo(tier != TenantTier.SHARED);
      assertNothingOrphaned();
    }

    @Test
    void lostDropReplyFinishesDelete() {
      // given
      OrganizationDetails created = create(uniqueName("dropped"), uniqueEmail());
      addTenantDocuments(placementOf(created));
      faults.failFirst(Call.TENANT_DROP, Timing.AFTER_STORE);

      // when
      Throwable failure =
          catchThrowable(() -> deleteService.delete(caller(created), Optional.empty()));

      // then
      // The data is gone once the drop is applied, so the service completes the delete.
      assertThat(failure).isNull();
      assertThat(faults.injected()).isNotNull();
      assertThat(organizationDocument(created)).isNull();
      assertThat(adminDocument(created)).isNull();
      assertThat(tenants.exists(placementOf(created))).isFalse();
      assertNothingOrphaned();
    }

    private void checkFailedCreateLeavesNothingBehind(Call failingStep, Timing timing) {
      // given
      OrganizationName name = uniqueName("create");
      EmailAddress email = uniqueEmail();
      faults.failFirst(failingStep, timing);

      // when
      Throwable failure = catchThrowable(() -> create(name, email));

      // then
      assertThat(failure).isSameAs(faults.injected());
      assertThat(organizations().find(eq("organization_name", name.value())).first()).isNull();
      assertThat(admins().find(eq("email", email.value())).first()).isNull();
      assertNothingOrphaned();
    }

    private void checkFailedCreateFreesNameAndEmail(Call failingStep, Timing timing) {
      // given
      OrganizationName name = uniqueName("retry");
      EmailAddress email = uniqueEmail();
      faults.failFirst(failingStep, timing);
      catchThrowable(() -> create(name, email));

      // when
      OrganizationDetails retried = create(name, email);

      // then
      assertThat(retried.organization().name()).isEqualTo(name);
      assertThat(tenantDocumentIds(placementOf(retried))).isEmpty();
      assertNothingOrphaned();
    }

    private void checkFailedRenameRestoresOrganization(Call failingStep, Timing timing) {
      // given
      OrganizationDetails created = create(uniqueName("rename"), uniqueEmail());
      TenantPlacement placement = placementOf(created);
      addTenantDocuments(placement);
      Document organizationBefore = organizationDocument(created);
      Document adminBefore = adminDocument(created);
      faults.failFirst(failingStep, timing);

      // when
      Throwable failure =
          catchThrowable(
              () ->
                  updateService.update(
                      new UpdateOrganizationCommand(
                          caller(created),
                          Optional.of(uniqueName("renamed")),
                          Optional.of(uniqueEmail()),
                          Optional.of(Password.of("Changed2pass")))));

      // then
      assertThat(failure).isSameAs(faults.injected());
      assertThat(organizationDocument(created)).isEqualTo(organizationBefore);
      assertThat(adminDocument(created)).isEqualTo(adminBefore);
      assertThat(tenantDocumentIds(placement)).containsExactlyInAnyOrder("first", "second");
      assertNothingOrphaned();
    }

    private void checkFailedDeleteRestoresOrganization(Call failingStep, Timing timing) {
      // given
      OrganizationDetails created = create(uniqueName("delete"), uniqueEmail());
      TenantPlacement placement = placementOf(created);
      addTenantDocuments(placement);
      Document organizationBefore = organizationDocument(created);
      Document adminBefore = adminDocument(created);
      faults.failFirst(failingStep, timing);

      // when
      Throwable failure =
          catchThrowable(() -> deleteService.delete(caller(created), Optional.empty()));

      // then
      assertThat(failure).isSameAs(faults.injected());
      assertThat(organizationDocument(created)).isEqualTo(organizationBefore);
      assertThat(adminDocument(created)).isEqualTo(adminBefore);
      assertThat(tenantDocumentIds(placement)).containsExactlyInAnyOrder("first", "second");
      assertNothingOrphaned();
    }

    OrganizationDetails create(OrganizationName name, EmailAddress email) {
      return createService.create(
          new CreateOrganizationCommand(name, email, Password.of(INITIAL_PASSWORD)));
    }

    private static AuthenticatedAdmin caller(OrganizationDetails details) {
      return new AuthenticatedAdmin(details.organization().adminId(), details.organization().id());
    }

    private static TenantPlacement placementOf(OrganizationDetails details) {
      return TenantPlacement.of(details.organization());
    }

    MongoCollection<Document> organizations() {
      return database.getCollection("organizations");
    }

    MongoCollection<Document> admins() {
      return database.getCollection("admin_users");
    }

    private Document organizationDocument(OrganizationDetails details) {
      return organizations().find(eq("_id", details.organization().id())).first();
    }

    private Document adminDocument(OrganizationDetails details) {
      return admins().find(eq("_id", details.organization().adminId())).first();
    }

    void addTenantDocuments(TenantPlacement placement) {
      TenantDocuments documents = tenants.documents(placement);
      documents.insert(TestData.document("first", CREATED_AT, 1L));
      documents.insert(TestData.document("second", CREATED_AT, 2L));
    }

    List<String> tenantDocumentIds(TenantPlacement placement) {
      return tenants.documents(placement).page(Optional.empty(), 100).stream()
          .map(TenantDocument::id)
          .toList();
    }

    /**
     * Checks the whole store: tenant storage of every tier belongs to an organization of that tier
     * and is kept under its storage name, every admin belongs to an existing organization, and
     * every organization is active.
     */
    private void assertNothingOrphaned() {
      Set<String> ids = new HashSet<>();
      Set<String> collections = new HashSet<>();
      Set<String> databases = new HashSet<>();
      for (Document organization : organizations().find()) {
        String id = organization.getString("_id");
        ids.add(id);
        switch (TenantTier.of(organization.getString("tier"))) {
          case COLLECTION -> collections.add("org_" + organization.getString("storage_name"));
          case DATABASE -> databases.add(TenantDatabaseNames.of(database.getName(), id));
          case SHARED -> {}
        }
        assertThat(organization.getString("state"))
            .as("state of organization %s", organization.getString("organization_name"))
            .isEqualTo("ACTIVE");
      }

      for (String collection : database.listCollectionNames()) {
        if (collection.startsWith("org_")) {
          assertThat(collections).as("owner of collection %s", collection).contains(collection);
        }
      }
      for (Document document : database.getCollection("tenant_documents").find()) {
        assertThat(ids).as("owner of shared document").contains(document.getString("org_id"));
      }
      for (String name : tenantDatabasesWithCollections()) {
        assertThat(databases).as("owner of database %s", name).contains(name);
      }
      for (Document admin : admins().find()) {
        assertThat(ids)
            .as("organization of admin %s", admin.getString("_id"))
            .contains(admin.getString("organization_id"));
      }
    }

    /**
     * Returns this test's tenant databases that contain a collection. The embedded store also lists
     * a database that was only read after it was dropped, which contains nothing.
     */
    private List<String> tenantDatabasesWithCollections() {
      String prefix = TenantDatabaseNames.prefix(database.getName());
      List<String> names = new ArrayList<>();
      for (String name : store.client().listDatabaseNames()) {
        boolean tenant =
            name.startsWith(prefix + TenantDatabaseNames.BY_ID)
                || name.startsWith(prefix + TenantDatabaseNames.BY_HASH);
        if (tenant && store.database(name).listCollectionNames().first() != null) {
          names.add(name);
        }
      }
      return names;
    }
  }

  /** Fast stand-in for bcrypt; its output is not a secure hash. */
  private static final class FakePasswordHasher implements PasswordHasher {

    @Override
    public String hash(Password password) {
      return "fake-hash-" + Integer.toHexString(password.reveal().hashCode());
    }

    @Override
    public boolean matches(Password candidate, String hash) {
      return hash(candidate).equals(hash);
    }
  }
}
