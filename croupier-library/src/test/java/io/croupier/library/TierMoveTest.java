package io.croupier.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.croupier.adapter.out.mongo.EmbeddedMongoStore;
import io.croupier.adapter.out.mongo.MongoTenantStorage;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.ListDocumentsQuery;
import io.croupier.application.port.in.LoginResult;
import io.croupier.application.port.in.MoveProgress;
import io.croupier.application.port.in.MoveReport;
import io.croupier.application.port.in.RecoveryReport;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.Password;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantSwitching;
import io.croupier.domain.TenantTier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Moves between tiers on a real embedded store, with writers at work and with process deaths. */
class TierMoveTest {

  private static final String SECRET = "move-test-secret-of-at-least-32-bytes-long";
  private static final String PASSWORD = "MoveTest1";
  private static final int DOCUMENTS = 1_200;

  @TempDir static Path dataFolder;

  private static EmbeddedMongoStore store;
  private static MongoClient client;
  private static int databaseNumber;

  private MongoDatabase database;

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

  @BeforeEach
  void useFreshDatabase() {
    databaseNumber++;
    database = client.getDatabase("move" + databaseNumber);
  }

  private CroupierLibrary library(Duration settle) {
    return CroupierLibrary.builder(client, database)
        .bcryptCost(4)
        .jwtSecret(SECRET)
        .moveSettle(settle)
        .build();
  }

  private static AuthenticatedAdmin createTenant(
      CroupierLibrary library, String name, TenantTier tier) {
    String email = "admin@" + name + ".example";
    library
        .createOrganization()
        .create(
            new CreateOrganizationCommand(
                OrganizationName.of(name),
                EmailAddress.of(email),
                Password.of(PASSWORD),
                Optional.of(tier)));
    LoginResult login = library.logIn().logIn(email, PASSWORD);
    return new AuthenticatedAdmin(login.adminId(), login.organizationId());
  }

  private static List<TenantDocument> readAll(CroupierLibrary library, AuthenticatedAdmin caller) {
    List<TenantDocument> all = new ArrayList<>();
    Optional<String> after = Optional.empty();
    do {
      var page = library.documents().list(caller, new ListDocumentsQuery(1000, after));
      all.addAll(page.documents());
      after = page.nextCursor();
    } while (after.isPresent());
    return all;
  }

  private static Map<String, DocumentBody> bodies(List<TenantDocument> documents) {
    Map<String, DocumentBody> byId = new java.util.LinkedHashMap<>();
    documents.forEach(document -> byId.put(document.id(), document.body()));
    return byId;
  }

  static List<Arguments> tierPairs() {
    List<Arguments> pairs = new ArrayList<>();
    for (TenantTier source : TenantTier.values()) {
      for (TenantTier target : TenantTier.values()) {
        if (source != target) {
          pairs.add(Arguments.of(source, target));
        }
      }
    }
    return pairs;
  }

  @ParameterizedTest(name = "{0} to {1}")
  @MethodSource("tierPairs")
  void moveKeepsConcurrentWrites(TenantTier source, TenantTier target)
      throws Exception {
    // given a tenant with documents and writers that own documents of their own
    CroupierLibrary library = library(Duration.ofMillis(200));
    AuthenticatedAdmin caller = createTenant(library, "moving", source);
    for (int index = 0; index < DOCUMENTS; index++) {
      library.documents().create(caller, DocumentBody.of(Map.of("seed", index)));
    }
    Map<String, DocumentBody> expected = new ConcurrentHashMap<>(bodies(readAll(library, caller)));
    AtomicBoolean moving = new AtomicBoolean(true);
    AtomicInteger refused = new AtomicInteger();
    ExecutorService writers = Executors.newFixedThreadPool(2);
    List<Future<Integer>> writes = new ArrayList<>();
    for (int writer = 0; writer < 2; writer++) {
      long seed = writer;
      writes.add(
          writers.submit(
              () -> write(library, caller, expected, moving, refused, new Random(seed))));
    }

    // when the tenant moves
    MoveReport report =
        library.moveOrganization().move(OrganizationName.of("moving"), target, MoveProgress.NONE);
    moving.set(false);
    int acknowledged = 0;
    for (Future<Integer> write : writes) {
      acknowledged += write.get(60, TimeUnit.SECONDS);
    }
    writers.shutdown();

    // then every acknowledged write is there exactly once, in the new tier
    assertThat(acknowledged).as("writes acknowledged during the move").isPositive();
    assertThat(bodies(readAll(library, caller))).isEqualTo(expected);
    assertThat(report.target()).isEqualTo(target);
    assertThat(
            library
                .getOrganization()
                .get(OrganizationName.of("moving"), Optional.empty())
                .organization()
                .tier())
        .isEqualTo(target);
  }

  /** Creates, replaces and deletes its own documents until the move ends; returns writes done. */
  private static int write(
      CroupierLibrary library,
      AuthenticatedAdmin caller,
      Map<String, DocumentBody> expected,
      AtomicBoolean moving,
      AtomicInteger refused,
      Random random) {
    List<String> own = new ArrayList<>();
    int done = 0;
    while (moving.get()) {
      try {
        int roll = random.nextInt(3);
        if (roll == 0 || own.isEmpty()) {
          DocumentBody body = DocumentBody.of(Map.of("writer", random.nextLong()));
          TenantDocument created = library.documents().create(caller, body);
          own.add(created.id());
          expected.put(created.id(), body);
        } else if (roll == 1) {
          String id = own.get(random.nextInt(own.size()));
          DocumentBody body = DocumentBody.of(Map.of("replaced", random.nextLong()));
          library.documents().replace(caller, id, body);
          expected.put(id, body);
        } else {
          String id = own.remove(random.nextInt(own.size()));
          library.documents().delete(caller, id);
          expected.remove(id);
        }
        done++;
      } catch (TenantSwitching switching) {
        refused.incrementAndGet();
      }
    }
    return done;
  }

  /** Stands for the death of the process: no handler of the move catches it. */
  private static final class ProcessDeath extends Error {
    ProcessDeath(String phase) {
      super("died while " + phase, null, false, false);
    }
  }

  static List<Arguments> deaths() {
    List<Arguments> cases = new ArrayList<>();
    for (Arguments pair : tierPairs()) {
      for (String phase : List.of("copying", "verifying", "cleaning")) {
        cases.add(Arguments.of(pair.get()[0], pair.get()[1], phase));
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} to {1}, dies while {2}")
  @MethodSource("deaths")
  void recoveryAfterDeathKeepsOneTier(
      TenantTier source, TenantTier target, String phase) {
    // given a tenant with documents whose move dies in the phase
    CroupierLibrary first = library(Duration.ZERO);
    AuthenticatedAdmin caller = createTenant(first, "crashing", source);
    for (int index = 0; index < DOCUMENTS; index++) {
      first.documents().create(caller, DocumentBody.of(Map.of("seed", index)));
    }
    Map<String, DocumentBody> before = bodies(readAll(first, caller));
    MoveProgress dying =
        (reported, copied, total) -> {
          if (reported.equals(phase) && (!phase.equals("copying") || copied >= 500)) {
            throw new ProcessDeath(phase);
          }
        };
    assertThatThrownBy(
            () -> first.moveOrganization().move(OrganizationName.of("crashing"), target, dying))
        .isInstanceOf(ProcessDeath.class);

    // when the next process starts and recovers
    CroupierLibrary next = library(Duration.ZERO);
    RecoveryReport recovery = next.recoverOrganizations().recover(Duration.ZERO);

    // then the tenant is in exactly one tier, with every document, and the move is gone
    TenantTier expectedTier = phase.equals("cleaning") ? target : source;
    var organization =
        next.getOrganization()
            .get(OrganizationName.of("crashing"), Optional.empty())
            .organization();
    assertThat(recovery.changedAnything()).isTrue();
    assertThat(organization.tier()).isEqualTo(expectedTier);
    assertThat(organization.move()).isEmpty();
    assertThat(bodies(readAll(next, caller))).isEqualTo(before);
    assertThat(storageOutside(organization)).isEmpty();
  }

  /** Returns the tiers other than the organization's own that still hold storage for it. */
  private List<TenantTier> storageOutside(Organization organization) {
    MongoTenantStorage storage = new MongoTenantStorage(client, database);
    TenantPlacement placement = TenantPlacement.of(organization);
    List<TenantTier> leftovers = new ArrayList<>();
    for (TenantTier tier : TenantTier.values()) {
      TenantPlacement other = placement.inTier(tier);
      if (tier != organization.tier()
          && (storage.exists(other) || storage.documents(other).count() > 0)) {
        leftovers.add(tier);
      }
    }
    return leftovers;
  }

  @Test
  void moveToSameTierRejected() {
    // given
    CroupierLibrary library = library(Duration.ZERO);
    createTenant(library, "staying", TenantTier.SHARED);

    // when, then
    assertThatThrownBy(
            () ->
                library
                    .moveOrganization()
                    .move(OrganizationName.of("staying"), TenantTier.SHARED, MoveProgress.NONE))
        .hasMessageContaining("already in tier shared");
  }
}
