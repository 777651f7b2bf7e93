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
import io.croupier.application.port.out.TenantStorage;
import io.croupier.domain.AdminUser;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import java.nio.file.Path;
import java.util.Map;
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
    tenants = new MongoTenantStorage(database);
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
    Map<String, ThrowingCallable> calls =
        Map.ofEntries(
            Map.entry("organizations.insert", () -> organizations.insert(organization)),
            Map.entry("organizations.findById", () -> organizations.findById(organization.id())),
            Map.entry("organizations.findByName", () -> organizations.findByName(name)),
            Map.entry("organizations.update", () -> organizations.update(organization)),
            Map.entry("organizations.deleteById", () -> organizations.deleteById("id")),
            Map.entry("admins.insert", () -> admins.insert(admin)),
            Map.entry("admins.findById", () -> admins.findById(admin.id())),
            Map.entry("admins.findByEmail", () -> admins.findByEmail(admin.email())),
            Map.entry("admins.update", () -> admins.update(admin)),
            Map.entry("admins.deleteByOrganizationId", () -> admins.deleteByOrganizationId("id")),
            Map.entry("tenants.create", () -> tenants.create(name)),
            Map.entry("tenants.rename", () -> tenants.rename(name, uniqueName("other"))),
            Map.entry("tenants.drop", () -> tenants.drop(name)),
            Map.entry("tenants.exists", () -> tenants.exists(name)),
            Map.entry("schema.prepare", () -> MongoSchema.prepare(store.masterDatabase())));
    return calls.entrySet().stream().map(call -> Arguments.of(call.getKey(), call.getValue()));
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
