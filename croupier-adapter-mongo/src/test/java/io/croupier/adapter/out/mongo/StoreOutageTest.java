package io.croupier.adapter.out.mongo;

import static io.croupier.adapter.out.mongo.TestData.admin;
import static io.croupier.adapter.out.mongo.TestData.organization;
import static io.croupier.adapter.out.mongo.TestData.uniqueEmail;
import static io.croupier.adapter.out.mongo.TestData.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.StoreUnavailable;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.domain.AdminUser;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantTier;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Calls every storage port method while the embedded store is stopped, and checks that each fails
 * with {@link StoreUnavailable} carrying the driver's exception as cause only.
 */
class StoreOutageTest {

  @TempDir static Path dataFolder;

  private static EmbeddedTestStore store;
  private static OrganizationRepository organizations;
  private static AdminRepository admins;
  private static TenantStorage tenants;

  @BeforeAll
  static void startAndStopStore() {
    store = EmbeddedTestStore.start(dataFolder);
    MongoDatabase database = store.masterDatabase();
    organizations = new MongoOrganizationRepository(database);
    admins = new MongoAdminRepository(database);
    tenants = new MongoTenantStorage(store.client(), database);
    store.connection().embeddedStore().orElseThrow().close();
  }

  @AfterAll
  static void closeClient() {
    store.close();
  }

  static Stream<Arguments> portCalls() {
    Organization organization = organization(uniqueName("outage"));
    AdminUser admin = admin(organization.id(), uniqueEmail());
    OrganizationName name = organization.name();
    Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
    calls.put("organizations.insert", () -> organizations.insert(organization));
    calls.put("organizations.findById", () -> organizations.findById(organization.id()));
    calls.put("organizations.findByName", () -> organizations.findByName(name));
    calls.put("organizations.update", () -> organizations.update(organization));
    calls.put(
        "organizations.updatePlacement",
        () -> organizations.updatePlacement(organization, organization));
    calls.put("organizations.findUnsettled", () -> organizations.findUnsettled(10));
    calls.put("organizations.countActive", () -> organizations.countActive());
    calls.put(
        "organizations.countActive(tier)", () -> organizations.countActive(TenantTier.SHARED));
    calls.put("organizations.deleteById", () -> organizations.deleteById("id"));
    calls.put("admins.insert", () -> admins.insert(admin));
    calls.put("admins.findById", () -> admins.findById(admin.id()));
    calls.put("admins.findByEmail", () -> admins.findByEmail(admin.email()));
    calls.put("admins.update", () -> admins.update(admin));
    calls.put("admins.deleteByOrganizationId", () -> admins.deleteByOrganizationId("id"));
    for (TenantTier tier : TenantTier.values()) {
      addTenantCalls(calls, TenantPlacement.of(organization).inTier(tier));
    }
    calls.put("schema.prepare", () -> MongoSchema.prepare(store.masterDatabase()));
    return calls.entrySet().stream().map(call -> Arguments.of(call.getKey(), call.getValue()));
  }

  /**
   * Adds the tenant storage calls that reach the store in the placement's tier. The shared tier
   * creates nothing, and the shared and database tiers rename nothing, so those calls are left out
   * for them.
   */
  private static void addTenantCalls(Map<String, ThrowingCallable> calls, TenantPlacement at) {
    String tier = at.tier() + ": ";
    TenantDocument document = TestData.document("doc", TestData.CREATED_AT, 1L);
    if (at.tier() != TenantTier.SHARED) {
      calls.put(tier + "tenants.create", () -> tenants.create(at));
    }
    if (at.tier() == TenantTier.COLLECTION) {
      calls.put(tier + "tenants.rename", () -> tenants.rename(at, uniqueName("other")));
    }
    calls.put(tier + "tenants.drop", () -> tenants.drop(at));
    calls.put(tier + "tenants.exists", () -> tenants.exists(at));
    calls.put(tier + "documents.insert", () -> tenants.documents(at).insert(document));
    calls.put(tier + "documents.find", () -> tenants.documents(at).find("doc"));
    calls.put(tier + "documents.replace", () -> tenants.documents(at).replace(document));
    calls.put(tier + "documents.put", () -> tenants.documents(at).put(document));
    calls.put(tier + "documents.delete", () -> tenants.documents(at).delete("doc"));
    calls.put(tier + "documents.page", () -> tenants.documents(at).page(Optional.empty(), 10));
    calls.put(tier + "documents.count", () -> tenants.documents(at).count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("portCalls")
  void reportsOutageAsStoreUnavailable(String description, ThrowingCallable call) {
    // when
    StoreUnavailable failure = catchThrowableOfType(StoreUnavailable.class, call);

    // then
    assertThat(failure.getMessage())
        .endsWith(
            " failed because MongoDB is unreachable or returned an error. Check that the"
                + " database is running, then retry.");
    assertThat(failure.getMessage()).doesNotContain("127.0.0.1");
    assertThat(failure.getCause()).isInstanceOf(MongoException.class);
  }
}
