package io.croupier.adapter.out.mongo;

import static io.croupier.adapter.out.mongo.TestData.CREATED_AT;
import static io.croupier.adapter.out.mongo.TestData.uniqueEmail;
import static io.croupier.adapter.out.mongo.TestData.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.MoveProgress;
import io.croupier.application.port.in.MoveReport;
import io.croupier.application.port.in.RecoveryReport;
import io.croupier.application.port.out.PasswordHasher;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.service.CreateOrganizationService;
import io.croupier.application.service.MoveOrganizationService;
import io.croupier.application.service.RecoverOrganizationsService;
import io.croupier.domain.MovePhase;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationState;
import io.croupier.domain.Password;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantMove;
import io.croupier.domain.TenantTier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the move and recovery services on the Mongo adapters of the embedded store, so that the
 * compare-and-set of the placement, the search for unsettled organizations and the storage of every
 * tier work together as the services expect.
 */
class TierMoveRecoveryTest {

  private static final AtomicInteger DATABASE_NUMBER = new AtomicInteger();
  private static final Duration STALE_AFTER = Duration.ofMinutes(5);

  @TempDir static Path dataFolder;

  private static EmbeddedTestStore store;

  private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
  private MongoOrganizationRepository organizations;
  private MongoTenantStorage tenants;
  private CreateOrganizationService createService;
  private MoveOrganizationService moveService;
  private RecoverOrganizationsService recoverService;

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
    MongoDatabase database = store.database("moves" + DATABASE_NUMBER.incrementAndGet());
    MongoSchema.prepare(database);
    organizations = new MongoOrganizationRepository(database);
    MongoAdminRepository admins = new MongoAdminRepository(database);
    tenants = new MongoTenantStorage(store.client(), database);
    PasswordHasher hasher = new PlainHasher();
    createService =
        new CreateOrganizationService(
            organizations,
            admins,
            tenants,
            hasher,
            new MongoAuditLog(database, clock),
            clock,
            TenantTier.COLLECTION);
    moveService =
        new MoveOrganizationService(
            organizations, tenants, new MongoMoveJournal(database), clock, Duration.ZERO);
    recoverService = new RecoverOrganizationsService(organizations, admins, tenants, clock);
  }

  private Organization create(TenantTier tier) {
    return createService
        .create(
            new CreateOrganizationCommand(
                uniqueName("mover"), uniqueEmail(), Password.of("Initial1pass"), Optional.of(tier)))
        .organization();
  }

  /** Stores documents, three of them in one millisecond, and returns them in creation order. */
  private List<TenantDocument> addDocuments(TenantPlacement placement) {
    List<TenantDocument> documents = new ArrayList<>();
    for (int index = 0; index < 7; index++) {
      Instant createdAt = CREATED_AT.plusMillis(index < 3 ? 0 : index);
      documents.add(TestData.document("doc-" + index, createdAt, (long) index));
    }
    documents.forEach(tenants.documents(placement)::insert);
    return documents;
  }

  private List<TenantDocument> documentsIn(TenantPlacement placement) {
    return tenants.documents(placement).page(Optional.empty(), 100);
  }

  private Organization stored(Organization organization) {
    return organizations.findById(organization.id()).orElseThrow();
  }

  /** Records a move as a process would that died long ago, and returns the stored organization. */
  private Organization abandonMove(
      Organization organization, TenantTier target, MovePhase phase, TenantTier tier) {
    Instant longAgo = clock.instant().minus(Duration.ofHours(1));
    TenantMove move = new TenantMove(organization.tier(), target, phase, longAgo, longAgo);
    Organization abandoned =
        organization.withTier(tier, longAgo).withMove(Optional.of(move), longAgo);
    assertThat(organizations.updatePlacement(organization, abandoned)).isTrue();
    return stored(organization);
  }

  static Stream<Arguments> tierPairs() {
    List<Arguments> pairs = new ArrayList<>();
    for (TenantTier source : TenantTier.values()) {
      for (TenantTier target : TenantTier.values()) {
        if (source != target) {
          pairs.add(Arguments.of(source, target));
        }
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} to {1}")
  @MethodSource("tierPairs")
  void moveCarriesEveryDocument(TenantTier source, TenantTier target) {
    // given
    Organization organization = create(source);
    TenantPlacement placement = TenantPlacement.of(organization);
    List<TenantDocument> documents = addDocuments(placement);

    // when
    MoveReport report = moveService.move(organization.name(), target, MoveProgress.NONE);

    // then
    Organization moved = stored(organization);
    assertThat(report.documents()).isEqualTo(documents.size());
    assertThat(moved.tier()).isEqualTo(target);
    assertThat(moved.move()).isEmpty();
    assertThat(documentsIn(placement.inTier(target))).containsExactlyElementsOf(documents);
    assertThat(tenants.exists(placement)).isFalse();
    assertThat(organizations.findUnsettled(100)).extracting(Organization::id).isEmpty();
  }

  @Test
  void recoveryRollsBackAbandonedCopy() {
    // given
    Organization organization = create(TenantTier.COLLECTION);
    TenantPlacement source = TenantPlacement.of(organization);
    TenantPlacement target = source.inTier(TenantTier.SHARED);
    List<TenantDocument> documents = addDocuments(source);
    abandonMove(organization, TenantTier.SHARED, MovePhase.COPYING, TenantTier.COLLECTION);
    tenants.documents(target).put(documents.get(0));

    // when
    RecoveryReport report = recoverService.recover(STALE_AFTER);

    // then
    assertThat(report.movesRolledBack()).isEqualTo(1);
    assertThat(stored(organization).tier()).isEqualTo(TenantTier.COLLECTION);
    assertThat(stored(organization).move()).isEmpty();
    assertThat(tenants.exists(target)).isFalse();
    assertThat(documentsIn(source)).containsExactlyElementsOf(documents);
  }

  @Test
  void recoveryFinishesAbandonedCleanup() {
    // given
    Organization organization = create(TenantTier.SHARED);
    TenantPlacement source = TenantPlacement.of(organization);
    TenantPlacement target = source.inTier(TenantTier.DATABASE);
    List<TenantDocument> documents = addDocuments(source);
    tenants.create(target);
    documents.forEach(tenants.documents(target)::put);
    abandonMove(organization, TenantTier.DATABASE, MovePhase.CLEANING, TenantTier.DATABASE);

    // when
    RecoveryReport report = recoverService.recover(STALE_AFTER);

    // then
    assertThat(report.movesFinished()).isEqualTo(1);
    assertThat(stored(organization).tier()).isEqualTo(TenantTier.DATABASE);
    assertThat(stored(organization).move()).isEmpty();
    assertThat(tenants.exists(source)).isFalse();
    assertThat(documentsIn(target)).containsExactlyElementsOf(documents);
  }

  @Test
  void recoveryLeavesLiveMoveAlone() {
    // given
    Organization organization = create(TenantTier.COLLECTION);
    Instant now = clock.instant();
    Organization moving =
        organization.withMove(
            Optional.of(TenantMove.begin(TenantTier.COLLECTION, TenantTier.DATABASE, now)), now);
    organizations.updatePlacement(organization, moving);

    // when
    RecoveryReport report = recoverService.recover(STALE_AFTER);

    // then
    assertThat(report.changedAnything()).isFalse();
    assertThat(stored(organization).move()).isEqualTo(moving.move());
  }

  @Test
  void recoveryFinishesHalfDoneRename() {
    // given
    Organization organization = create(TenantTier.COLLECTION);
    List<TenantDocument> documents = addDocuments(TenantPlacement.of(organization));
    OrganizationName newName = uniqueName("renamed");
    Instant longAgo = clock.instant().minus(Duration.ofHours(1));
    organizations.update(organization.withName(newName, longAgo));

    // when
    RecoveryReport report = recoverService.recover(STALE_AFTER);

    // then
    Organization settled = stored(organization);
    assertThat(report.renamesFinished()).isEqualTo(1);
    assertThat(settled.storageName()).isEqualTo(newName);
    assertThat(documentsIn(TenantPlacement.of(settled))).containsExactlyElementsOf(documents);
    assertThat(tenants.exists(TenantPlacement.of(organization))).isFalse();
  }

  @Test
  void recoveryUndoesCreateLeftPending() {
    // given
    Organization organization = create(TenantTier.DATABASE);
    Instant longAgo = clock.instant().minus(Duration.ofHours(1));
    organizations.update(organization.withState(OrganizationState.PENDING, longAgo));

    // when
    RecoveryReport report = recoverService.recover(STALE_AFTER);

    // then
    assertThat(report.createsUndone()).isEqualTo(1);
    assertThat(organizations.findById(organization.id())).isEmpty();
    assertThat(tenants.exists(TenantPlacement.of(organization))).isFalse();
  }

  /** Fast stand-in for bcrypt; its output is not a secure hash. */
  private static final class PlainHasher implements PasswordHasher {

    @Override
    public String hash(Password password) {
      return "plain-" + Integer.toHexString(password.reveal().hashCode());
    }

    @Override
    public boolean matches(Password candidate, String hash) {
      return hash(candidate).equals(hash);
    }
  }
}
