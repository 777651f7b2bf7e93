package io.croupier.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.croupier.adapter.out.mongo.EmbeddedMongoStore;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.DocumentPage;
import io.croupier.application.port.in.ListDocumentsQuery;
import io.croupier.application.port.in.LoginResult;
import io.croupier.application.port.in.MoveProgress;
import io.croupier.application.port.in.UpdateOrganizationCommand;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.DocumentNotFound;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.Password;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantTier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs thousands of random operations on tenants spread over the three tiers of a real embedded
 * store, and checks after each one that every tenant reads exactly what a model of it holds, and
 * nothing that belongs to another tenant.
 */
class TieredIsolationTest {

  private static final String SECRET = "isolation-test-secret-of-at-least-32-bytes";
  private static final String PASSWORD = "Isolation1";
  private static final int TENANTS = 51;
  private static final int OPERATIONS = 2_000;
  private static final long SEED = Long.getLong("croupier.isolation.seed", 20261204L);

  @TempDir static Path dataFolder;

  private static EmbeddedMongoStore store;
  private static MongoClient client;

  private final Random random = new Random(SEED);
  private final List<Tenant> tenants = new ArrayList<>();
  private CroupierLibrary library;
  private int created;

  @BeforeAll
  static void startStore() {
    store = EmbeddedMongoStore.start(dataFolder);
    client = MongoClients.create(store.connectionString());
  }

  @AfterAll
  static void stopStore() {
    client.close();
    store.close();
  }

  /** A tenant as the test expects it: its name, tier, caller and documents by id. */
  private static final class Tenant {
    OrganizationName name;
    TenantTier tier;
    AuthenticatedAdmin caller;
    final Map<String, DocumentBody> documents = new LinkedHashMap<>();
  }

  @Test
  void randomStepsKeepTenantsIsolated() {
    // given tenants spread evenly over the tiers
    library =
        CroupierLibrary.builder(client, client.getDatabase("isolation"))
            .bcryptCost(4)
            .jwtSecret(SECRET)
            .moveSettle(Duration.ZERO)
            .build();
    for (int index = 0; index < TENANTS; index++) {
      tenants.add(createTenant(TenantTier.values()[index % 3]));
    }

    // when random operations run, then every tenant matches its model after each one
    for (int step = 0; step < OPERATIONS; step++) {
      String operation = runRandomOperation();
      checkEveryTenant("step " + step + " (" + operation + "), seed " + SEED);
    }

    assertThat(tenants).hasSizeGreaterThanOrEqualTo(TENANTS);
  }

  private String runRandomOperation() {
    Tenant tenant = tenants.get(random.nextInt(tenants.size()));
    int roll = random.nextInt(100);
    if (roll < 45) {
      createDocument(tenant);
      return "create document in " + tenant.name;
    }
    if (roll < 65 && !tenant.documents.isEmpty()) {
      replaceDocument(tenant);
      return "replace document in " + tenant.name;
    }
    if (roll < 80 && !tenant.documents.isEmpty()) {
      deleteDocument(tenant);
      return "delete document in " + tenant.name;
    }
    if (roll < 85) {
      rename(tenant);
      return "rename to " + tenant.name;
    }
    if (roll < 95) {
      TenantTier target = otherTier(tenant.tier);
      library.moveOrganization().move(tenant.name, target, MoveProgress.NONE);
      tenant.tier = target;
      return "move " + tenant.name + " to " + target;
    }
    deleteTenant(tenant);
    return "delete tenant " + tenant.name;
  }

  private Tenant createTenant(TenantTier tier) {
    created++;
    Tenant tenant = new Tenant();
    tenant.name = OrganizationName.of("tenant-" + created);
    tenant.tier = tier;
    String email = "admin" + created + "@isolation.example";
    library
        .createOrganization()
        .create(
            new CreateOrganizationCommand(
                tenant.name, EmailAddress.of(email), Password.of(PASSWORD), Optional.of(tier)));
    LoginResult login = library.logIn().logIn(email, PASSWORD);
    tenant.caller = new AuthenticatedAdmin(login.adminId(), login.organizationId());
    return tenant;
  }

  private void createDocument(Tenant tenant) {
    DocumentBody body = randomBody(tenant);
    TenantDocument stored = library.documents().create(tenant.caller, body);
    tenant.documents.put(stored.id(), body);
  }

  private void replaceDocument(Tenant tenant) {
    String id = anyDocumentId(tenant);
    DocumentBody body = randomBody(tenant);
    library.documents().replace(tenant.caller, id, body);
    tenant.documents.put(id, body);
  }

  private void deleteDocument(Tenant tenant) {
    String id = anyDocumentId(tenant);
    library.documents().delete(tenant.caller, id);
    tenant.documents.remove(id);
  }

  private void rename(Tenant tenant) {
    created++;
    OrganizationName newName = OrganizationName.of("renamed-" + created);
    library
        .updateOrganization()
        .update(
            new UpdateOrganizationCommand(
                tenant.caller, Optional.of(newName), Optional.empty(), Optional.empty()));
    tenant.name = newName;
  }

  private void deleteTenant(Tenant tenant) {
    library.deleteOrganization().delete(tenant.caller, Optional.of(tenant.name));
    tenants.remove(tenant);
    tenants.add(createTenant(TenantTier.values()[random.nextInt(3)]));
  }

  private String anyDocumentId(Tenant tenant) {
    List<String> ids = new ArrayList<>(tenant.documents.keySet());
    return ids.get(random.nextInt(ids.size()));
  }

  private TenantTier otherTier(TenantTier tier) {
    TenantTier[] others =
        java.util.Arrays.stream(TenantTier.values())
            .filter(t -> t != tier)
            .toArray(TenantTier[]::new);
    return others[random.nextInt(others.length)];
  }

  /** Returns a body that names its owner, so that a leak shows whose document it was. */
  private DocumentBody randomBody(Tenant tenant) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("owner", tenant.caller.organizationId());
    fields.put("value", random.nextLong());
    fields.put("nested", Map.of("list", List.of(random.nextInt(1000), "text", true)));
    return DocumentBody.of(fields);
  }

  private void checkEveryTenant(String context) {
    for (Tenant tenant : tenants) {
      Map<String, DocumentBody> read = readAll(tenant);
      assertThat(read)
          .as("documents of %s after %s", tenant.name, context)
          .isEqualTo(tenant.documents);
    }
  }

  private Map<String, DocumentBody> readAll(Tenant tenant) {
    DocumentPage page =
        library.documents().list(tenant.caller, new ListDocumentsQuery(1000, Optional.empty()));
    assertThat(page.nextCursor()).as("tenants here hold fewer than 1000 documents").isEmpty();
    Map<String, DocumentBody> read = new LinkedHashMap<>();
    page.documents().forEach(document -> read.put(document.id(), document.body()));
    return read;
  }

  @Test
  void foreignDocumentNotFoundInAnyTier() {
    // given one tenant per tier, each with a document
    library =
        CroupierLibrary.builder(client, client.getDatabase("isolation-ids"))
            .bcryptCost(4)
            .jwtSecret(SECRET)
            .build();
    List<Tenant> perTier = new ArrayList<>();
    for (TenantTier tier : TenantTier.values()) {
      Tenant tenant = createTenant(tier);
      createDocument(tenant);
      perTier.add(tenant);
    }

    // when each tenant reads every other tenant's document, then none is found
    for (Tenant reader : perTier) {
      for (Tenant owner : perTier) {
        if (reader == owner) {
          continue;
        }
        String foreignId = owner.documents.keySet().iterator().next();
        org.assertj.core.api.Assertions.assertThatExceptionOfType(DocumentNotFound.class)
            .as("%s reading a document of %s", reader.tier, owner.tier)
            .isThrownBy(() -> library.documents().get(reader.caller, foreignId));
      }
    }
  }
}
