package io.croupier.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;
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
import io.croupier.application.port.out.TenantStorage;
import io.croupier.application.service.CreateOrganizationService;
import io.croupier.application.service.DeleteOrganizationService;
import io.croupier.application.service.UpdateOrganizationService;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.Password;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs the real create, update and delete services on the Mongo adapters of the embedded store,
 * makes one port call fail, and checks in the database that the services leave no half-made or
 * half-changed organization behind. A call fails either before it reaches the store or after the
 * store applied it, as when the reply is lost on the network.
 */
class OrganizationLifecycleFailureTest {

  private static final String INITIAL_PASSWORD = "Initial1pass";
  private static final AtomicInteger DATABASE_NUMBER = new AtomicInteger();

  @TempDir static Path dataFolder;

  private static EmbeddedTestStore store;

  private final FaultPlan faults = new FaultPlan();
  private MongoDatabase database;
  private CreateOrganizationService createService;
  private UpdateOrganizationService updateService;
  private DeleteOrganizationService deleteService;

  @BeforeAll
  static void startStore() {
    store = EmbeddedTestStore.start(dataFolder);
  }

  @AfterAll
  static void stopStore() {
    store.close();
  }

  @BeforeEach
  void wireServices() {
    // A database per test, so that the checks for leftovers see this test's data only.
    database = store.database("lifecycle" + DATABASE_NUMBER.incrementAndGet());
    MongoSchema.prepare(database);
    OrganizationRepository organizations =
        new FaultyPorts.Organizations(new MongoOrganizationRepository(database), faults);
    AdminRepository admins = new FaultyPorts.Admins(new MongoAdminRepository(database), faults);
    TenantStorage tenants = new FaultyPorts.Tenants(new MongoTenantStorage(database), faults);
    PasswordHasher hasher = new FakePasswordHasher();
    Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));

    AuditLog auditLog = new MongoAuditLog(database, clock);

    createService =
        new CreateOrganizationService(organizations, admins, tenants, hasher, auditLog, clock);
    updateService =
        new UpdateOrganizationService(organizations, admins, tenants, hasher, auditLog, clock);
    deleteService = new DeleteOrganizationService(organizations, admins, tenants, auditLog, clock);
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

  @Test
  void createKeepsLeftoverCollectionUntouched() {
    // given
    OrganizationName name = uniqueName("leftover");
    EmailAddress email = uniqueEmail();
    addTenantDocuments(name);

    // when
    Throwable failure = catchThrowable(() -> create(name, email));

    // then
    assertThat(failure).isInstanceOf(OrganizationNameTaken.class);
    assertThat(tenantDocumentIds(name)).containsExactlyInAnyOrder("first", "second");
    assertThat(organizations().find(eq("organization_name", name.value())).first()).isNull();
    assertThat(admins().find(eq("email", email.value())).first()).isNull();
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
  void lostDropReplyFinishesDelete() {
    // given
    OrganizationDetails created = create(uniqueName("dropped"), uniqueEmail());
    OrganizationName name = created.organization().name();
    addTenantDocuments(name);
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
    assertThat(collectionNames()).doesNotContain("org_" + name.value());
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
    assertThat(collectionNames()).doesNotContain("org_" + name.value());
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
    assertThat(tenantDocumentIds(name)).isEmpty();
    assertNothingOrphaned();
  }

  private void checkFailedRenameRestoresOrganization(Call failingStep, Timing timing) {
    // given
    OrganizationDetails created = create(uniqueName("rename"), uniqueEmail());
    OrganizationName oldName = created.organization().name();
    OrganizationName newName = uniqueName("renamed");
    addTenantDocuments(oldName);
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
                        Optional.of(newName),
                        Optional.of(uniqueEmail()),
                        Optional.of(Password.of("Changed2pass")))));

    // then
    assertThat(failure).isSameAs(faults.injected());
    assertThat(organizationDocument(created)).isEqualTo(organizationBefore);
    assertThat(adminDocument(created)).isEqualTo(adminBefore);
    assertThat(tenantDocumentIds(oldName)).containsExactlyInAnyOrder("first", "second");
    assertThat(collectionNames()).doesNotContain("org_" + newName.value());
    assertNothingOrphaned();
  }

  private void checkFailedDeleteRestoresOrganization(Call failingStep, Timing timing) {
    // given
    OrganizationDetails created = create(uniqueName("delete"), uniqueEmail());
    OrganizationName name = created.organization().name();
    addTenantDocuments(name);
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
    assertThat(tenantDocumentIds(name)).containsExactlyInAnyOrder("first", "second");
    assertNothingOrphaned();
  }

  private OrganizationDetails create(OrganizationName name, EmailAddress email) {
    return createService.create(
        new CreateOrganizationCommand(name, email, Password.of(INITIAL_PASSWORD)));
  }

  private static AuthenticatedAdmin caller(OrganizationDetails details) {
    return new AuthenticatedAdmin(details.organization().adminId(), details.organization().id());
  }

  private MongoCollection<Document> organizations() {
    return database.getCollection("organizations");
  }

  private MongoCollection<Document> admins() {
    return database.getCollection("admin_users");
  }

  private Document organizationDocument(OrganizationDetails details) {
    return organizations().find(eq("_id", details.organization().id())).first();
  }

  private Document adminDocument(OrganizationDetails details) {
    return admins().find(eq("_id", details.organization().adminId())).first();
  }

  private void addTenantDocuments(OrganizationName name) {
    MongoCollection<Document> tenant = database.getCollection("org_" + name.value());
    tenant.insertOne(new Document("_id", "first"));
    tenant.insertOne(new Document("_id", "second"));
  }

  private List<String> tenantDocumentIds(OrganizationName name) {
    List<String> ids = new ArrayList<>();
    for (Document document : database.getCollection("org_" + name.value()).find()) {
      ids.add(document.getString("_id"));
    }
    return ids;
  }

  private List<String> collectionNames() {
    return database.listCollectionNames().into(new ArrayList<>());
  }

  /**
   * Checks the whole database: every tenant collection belongs to an organization, every admin
   * belongs to an existing organization, and every organization is active.
   */
  private void assertNothingOrphaned() {
    for (String collection : collectionNames()) {
      if (collection.startsWith("org_")) {
        assertThat(organizations().find(eq("collection_name", collection)).first())
            .as("organization owning collection %s", collection)
            .isNotNull();
      }
    }
    for (Document admin : admins().find()) {
      assertThat(organizations().find(eq("_id", admin.getString("organization_id"))).first())
          .as("organization of admin %s", admin.getString("_id"))
          .isNotNull();
    }
    for (Document organization : organizations().find()) {
      assertThat(organization.getString("state"))
          .as("state of organization %s", organization.getString("organization_name"))
          .isEqualTo("ACTIVE");
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
