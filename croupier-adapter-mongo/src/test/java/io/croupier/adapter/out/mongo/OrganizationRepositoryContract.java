package io.croupier.adapter.out.mongo;

import static io.croupier.adapter.out.mongo.TestData.CREATED_AT;
import static io.croupier.adapter.out.mongo.TestData.UPDATED_AT;
import static io.croupier.adapter.out.mongo.TestData.organization;
import static io.croupier.adapter.out.mongo.TestData.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.domain.MovePhase;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.OrganizationState;
import io.croupier.domain.TenantMove;
import io.croupier.domain.TenantTier;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Behaviour every {@link MongoOrganizationRepository} store must show. */
public abstract class OrganizationRepositoryContract {

  private OrganizationRepository repository;

  /** Returns the master database with the master collections prepared. */
  protected abstract MongoDatabase masterDatabase();

  @BeforeEach
  void createRepository() {
    repository = new MongoOrganizationRepository(masterDatabase());
  }

  @Test
  void findsInsertedOrganizationById() {
    // given
    Organization organization = organization(uniqueName("acme"));

    // when
    repository.insert(organization);

    // then
    assertThat(repository.findById(organization.id())).contains(organization);
  }

  @Test
  void findsInsertedOrganizationByName() {
    // given
    Organization organization = organization(uniqueName("acme"));

    // when
    repository.insert(organization);

    // then
    assertThat(repository.findByName(organization.name())).contains(organization);
  }

  @Test
  void returnsEmptyForUnknownId() {
    assertThat(repository.findById(UUID.randomUUID().toString())).isEmpty();
  }

  @Test
  void returnsEmptyForUnknownName() {
    assertThat(repository.findByName(uniqueName("missing"))).isEmpty();
  }

  @Test
  void findsOrganizationInEveryState() {
    for (OrganizationState state : OrganizationState.values()) {
      // given
      Organization organization = organization(uniqueName("state")).withState(state, CREATED_AT);

      // when
      repository.insert(organization);

      // then
      assertThat(repository.findByName(organization.name())).contains(organization);
    }
  }

  @Test
  void rejectsDuplicateOrganizationName() {
    // given
    OrganizationName name = uniqueName("taken");
    repository.insert(organization(name));
    Organization second = organization(name);

    // when
    OrganizationNameTaken conflict =
        catchThrowableOfType(OrganizationNameTaken.class, () -> repository.insert(second));

    // then
    assertThat(conflict.name()).isEqualTo(name);
    assertThat(repository.findById(second.id())).isEmpty();
  }

  @Test
  void acceptsNameDifferingInOneCharacter() {
    // given
    OrganizationName name = uniqueName("near");
    repository.insert(organization(name));
    Organization neighbour = organization(new OrganizationName(name.value() + "x"));

    // when
    repository.insert(neighbour);

    // then
    assertThat(repository.findById(neighbour.id())).contains(neighbour);
  }

  @Test
  void updateReplacesStoredOrganization() {
    // given
    Organization organization = organization(uniqueName("before"));
    repository.insert(organization);
    Organization renamed =
        organization
            .withName(uniqueName("after"), UPDATED_AT)
            .withState(OrganizationState.DELETING, UPDATED_AT);

    // when
    repository.update(renamed);

    // then
    assertThat(repository.findById(organization.id())).contains(renamed);
    assertThat(repository.findByName(organization.name())).isEmpty();
  }

  @Test
  void rejectsUpdateToTakenName() {
    // given
    Organization owner = organization(uniqueName("owner"));
    Organization other = organization(uniqueName("other"));
    repository.insert(owner);
    repository.insert(other);

    // when
    OrganizationNameTaken conflict =
        catchThrowableOfType(
            OrganizationNameTaken.class,
            () -> repository.update(other.withName(owner.name(), UPDATED_AT)));

    // then
    assertThat(conflict.name()).isEqualTo(owner.name());
    assertThat(repository.findById(other.id())).contains(other);
  }

  @Test
  void updateKeepingOwnNameIsNoConflict() {
    // given
    Organization organization = organization(uniqueName("same"));
    repository.insert(organization);
    Organization touched = organization.touchedAt(UPDATED_AT);

    // when
    repository.update(touched);

    // then
    assertThat(repository.findById(organization.id())).contains(touched);
  }

  @Test
  void updateOfMissingOrganizationStoresNothing() {
    // given
    Organization missing = organization(uniqueName("gone"));

    // when
    repository.update(missing);

    // then
    assertThat(repository.findById(missing.id())).isEmpty();
  }

  @Test
  void deleteByIdRemovesOrganization() {
    // given
    Organization organization = organization(uniqueName("delete"));
    repository.insert(organization);

    // when
    repository.deleteById(organization.id());

    // then
    assertThat(repository.findById(organization.id())).isEmpty();
    assertThat(repository.findByName(organization.name())).isEmpty();
  }

  @Test
  void deleteByIdKeepsOtherOrganizations() {
    // given
    Organization deleted = organization(uniqueName("delete"));
    Organization unrelated = organization(uniqueName("keep"));
    repository.insert(deleted);
    repository.insert(unrelated);

    // when
    repository.deleteById(deleted.id());

    // then
    assertThat(repository.findById(unrelated.id())).contains(unrelated);
  }

  @Test
  void deleteByIdOfMissingOrganizationDoesNothing() {
    // given
    Organization unrelated = organization(uniqueName("keep"));
    repository.insert(unrelated);

    // when
    Throwable failure = catchThrowable(() -> repository.deleteById(UUID.randomUUID().toString()));

    // then
    assertThat(failure).isNull();
    assertThat(repository.findById(unrelated.id())).contains(unrelated);
  }

  @Test
  void freesNameOfDeletedOrganization() {
    // given
    OrganizationName name = uniqueName("reuse");
    Organization first = organization(name);
    repository.insert(first);
    repository.deleteById(first.id());
    Organization second = organization(name);

    // when
    repository.insert(second);

    // then
    assertThat(repository.findByName(name)).contains(second);
  }

  @Test
  void keepsWholeMillisecondTimestampsExactly() {
    // given
    Organization organization = organization(uniqueName("millis"));

    // when
    repository.insert(organization);

    // then
    Organization stored = repository.findById(organization.id()).orElseThrow();
    assertThat(stored.createdAt()).isEqualTo(CREATED_AT);
  }

  @Test
  void truncatesTimestampsBelowTheMillisecond() {
    // given
    Instant precise = Instant.parse("2026-03-01T10:15:30.123999999Z");
    Organization organization =
        new Organization(
            UUID.randomUUID().toString(),
            uniqueName("micros"),
            UUID.randomUUID().toString(),
            OrganizationState.ACTIVE,
            precise,
            precise);

    // when
    repository.insert(organization);

    // then
    Organization stored = repository.findById(organization.id()).orElseThrow();
    assertThat(stored.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123Z"));
  }

  // Tier, storage name and move

  private static final Instant MOVE_STARTED_AT = Instant.parse("2026-03-03T08:00:00.250Z");

  private static Organization moving(Organization organization) {
    TenantMove move =
        new TenantMove(
            TenantTier.COLLECTION,
            TenantTier.SHARED,
            MovePhase.COPYING,
            MOVE_STARTED_AT,
            MOVE_STARTED_AT);
    return organization.withMove(Optional.of(move), MOVE_STARTED_AT);
  }

  private Document storedDocument(String id) {
    return organizations().find(Filters.eq("_id", id)).first();
  }

  private MongoCollection<Document> organizations() {
    return masterDatabase().getCollection("organizations");
  }

  /** Stores a document as written before tiers existed: no tier, storage name or move. */
  private Organization insertLegacy(OrganizationState state) {
    Organization organization = organization(uniqueName("legacy")).withState(state, CREATED_AT);
    organizations()
        .insertOne(
            new Document("_id", organization.id())
                .append("organization_name", organization.name().value())
                .append("collection_name", "org_" + organization.name().value())
                .append("admin_id", organization.adminId())
                .append("state", state.name())
                .append("created_at", Date.from(CREATED_AT))
                .append("updated_at", Date.from(CREATED_AT)));
    return organization;
  }

  @Test
  void storesTierStorageNameAndMove() {
    for (TenantTier tier : TenantTier.values()) {
      // given
      Organization organization =
          moving(organization(uniqueName("placed")))
              .withTier(tier, UPDATED_AT)
              .withName(uniqueName("claimed"), UPDATED_AT);

      // when
      repository.insert(organization);

      // then
      assertThat(repository.findById(organization.id())).as("tier %s", tier).contains(organization);
    }
  }

  @Test
  void readsLegacyDocumentAsCollectionTier() {
    // when
    Organization legacy = insertLegacy(OrganizationState.ACTIVE);

    // then
    Organization stored = repository.findById(legacy.id()).orElseThrow();
    assertThat(stored).isEqualTo(legacy);
    assertThat(stored.tier()).isEqualTo(TenantTier.COLLECTION);
    assertThat(stored.storageName()).isEqualTo(legacy.name());
    assertThat(stored.move()).isEmpty();
  }

  @Test
  void updateKeepsStoredTierAndMove() {
    // given
    Organization organization =
        moving(organization(uniqueName("placed"))).withTier(TenantTier.SHARED, CREATED_AT);
    repository.insert(organization);
    Organization changed =
        organization
            .withTier(TenantTier.DATABASE, UPDATED_AT)
            .withMove(Optional.empty(), UPDATED_AT)
            .withState(OrganizationState.DELETING, UPDATED_AT);

    // when
    repository.update(changed);

    // then
    Organization stored = repository.findById(organization.id()).orElseThrow();
    assertThat(stored.tier()).isEqualTo(TenantTier.SHARED);
    assertThat(stored.move()).isEqualTo(organization.move());
    assertThat(stored.state()).isEqualTo(OrganizationState.DELETING);
    assertThat(stored.updatedAt()).isEqualTo(UPDATED_AT);
  }

  @Test
  void updateRecordsStorageNameDuringRename() {
    // given
    Organization organization = organization(uniqueName("before"));
    repository.insert(organization);
    Organization renaming = organization.withName(uniqueName("after"), UPDATED_AT);

    // when
    repository.update(renaming);
    Organization whileRenaming = repository.findById(organization.id()).orElseThrow();
    repository.update(renaming.withStorageUnderName(UPDATED_AT));

    // then
    assertThat(whileRenaming.storageName()).isEqualTo(organization.name());
    assertThat(whileRenaming.isRenaming()).isTrue();
    assertThat(repository.findById(organization.id()).orElseThrow().storageName())
        .isEqualTo(renaming.name());
  }

  @Test
  void updateKeepsCollectionNameWithTheStorage() {
    // given
    Organization legacy = insertLegacy(OrganizationState.ACTIVE);
    OrganizationName renamed = uniqueName("renamed");

    // when the metadata is renamed and the storage then follows
    Organization claimed = legacy.withName(renamed, UPDATED_AT);
    repository.update(claimed);
    String whileRenaming = storedDocument(legacy.id()).getString("collection_name");
    repository.update(claimed.withStorageUnderName(UPDATED_AT));

    // then
    assertThat(whileRenaming).isEqualTo("org_" + legacy.name().value());
    assertThat(storedDocument(legacy.id()).getString("collection_name"))
        .isEqualTo("org_" + renamed.value());
  }

  @Test
  void updateIfUnchangedSetsChangesOnMatch() {
    // given
    Organization organization = organization(uniqueName("claim"));
    repository.insert(organization);
    Organization renaming = organization.withName(uniqueName("claimed"), UPDATED_AT);

    // when
    boolean updated = repository.updateIfUnchanged(organization, renaming);

    // then
    assertThat(updated).isTrue();
    assertThat(repository.findById(organization.id())).contains(renaming);
  }

  @Test
  void updateIfUnchangedRejectsSecondRename() {
    // given two renames that read the same metadata
    Organization organization = organization(uniqueName("raced"));
    repository.insert(organization);
    Organization first = organization.withName(uniqueName("first"), UPDATED_AT);
    Organization second = organization.withName(uniqueName("second"), UPDATED_AT);

    // when
    boolean firstUpdated = repository.updateIfUnchanged(organization, first);
    boolean secondUpdated = repository.updateIfUnchanged(organization, second);

    // then
    assertThat(firstUpdated).isTrue();
    assertThat(secondUpdated).isFalse();
    assertThat(repository.findById(organization.id())).contains(first);
  }

  @Test
  void updateIfUnchangedComparesStorageName() {
    // given the stored storage follows the name, but the caller read it while renaming
    Organization organization = organization(uniqueName("moved"));
    repository.insert(organization);
    Organization renaming = organization.withName(uniqueName("moving"), UPDATED_AT);
    repository.update(renaming.withStorageUnderName(UPDATED_AT));

    // when
    boolean updated =
        repository.updateIfUnchanged(
            renaming, renaming.withState(OrganizationState.DELETING, UPDATED_AT));

    // then
    assertThat(updated).isFalse();
    assertThat(repository.findById(organization.id()).orElseThrow().state())
        .isEqualTo(OrganizationState.ACTIVE);
  }

  @Test
  void updateIfUnchangedComparesState() {
    // given
    Organization organization = organization(uniqueName("state"));
    repository.insert(organization);
    repository.update(organization.withState(OrganizationState.DELETING, UPDATED_AT));

    // when
    boolean updated =
        repository.updateIfUnchanged(
            organization, organization.withName(uniqueName("late"), UPDATED_AT));

    // then
    assertThat(updated).isFalse();
    assertThat(repository.findById(organization.id()).orElseThrow().name())
        .isEqualTo(organization.name());
  }

  @Test
  void updateIfUnchangedMatchesLegacyDocument() {
    // given a document without a storage name
    Organization legacy = insertLegacy(OrganizationState.ACTIVE);
    Organization renaming = legacy.withName(uniqueName("renamed"), UPDATED_AT);

    // when
    boolean updated = repository.updateIfUnchanged(legacy, renaming);

    // then
    assertThat(updated).isTrue();
    assertThat(repository.findById(legacy.id()).orElseThrow().storageName())
        .isEqualTo(legacy.name());
  }

  @Test
  void updateIfUnchangedRejectsTakenName() {
    // given
    Organization taken = organization(uniqueName("taken"));
    Organization organization = organization(uniqueName("other"));
    repository.insert(taken);
    repository.insert(organization);

    // when
    Throwable thrown =
        catchThrowable(
            () ->
                repository.updateIfUnchanged(
                    organization, organization.withName(taken.name(), UPDATED_AT)));

    // then
    assertThat(thrown).isInstanceOf(OrganizationNameTaken.class);
  }

  @Test
  void updatePlacementNamesTheCollectionOfTheNewTier() {
    // given
    Organization organization = organization(uniqueName("tiered"));
    repository.insert(organization);

    // when
    repository.updatePlacement(organization, organization.withTier(TenantTier.SHARED, UPDATED_AT));

    // then
    assertThat(storedDocument(organization.id()).getString("collection_name"))
        .isEqualTo("tenant_documents");
  }

  @Test
  void updatePlacementSetsPlacementOnMatch() {
    // given
    Organization organization = organization(uniqueName("cas"));
    repository.insert(organization);
    Organization next = moving(organization).withTier(TenantTier.DATABASE, UPDATED_AT);

    // when
    boolean updated = repository.updatePlacement(organization, next);

    // then
    assertThat(updated).isTrue();
    assertThat(repository.findById(organization.id())).contains(next);
  }

  @Test
  void updatePlacementChangesNothingButPlacement() {
    // given
    Organization organization = organization(uniqueName("cas"));
    repository.insert(organization);
    Organization next =
        moving(organization)
            .withName(uniqueName("ignored"), UPDATED_AT)
            .withState(OrganizationState.DELETING, UPDATED_AT);

    // when
    repository.updatePlacement(organization, next);

    // then
    Organization stored = repository.findById(organization.id()).orElseThrow();
    assertThat(stored.name()).isEqualTo(organization.name());
    assertThat(stored.state()).isEqualTo(OrganizationState.ACTIVE);
    assertThat(stored.move()).isEqualTo(next.move());
  }

  @Test
  void updatePlacementRemovesEndedMove() {
    // given
    Organization organization = moving(organization(uniqueName("cas")));
    repository.insert(organization);
    Organization settled =
        organization.withTier(TenantTier.SHARED, UPDATED_AT).withMove(Optional.empty(), UPDATED_AT);

    // when
    boolean updated = repository.updatePlacement(organization, settled);

    // then
    assertThat(updated).isTrue();
    assertThat(repository.findById(organization.id())).contains(settled);
    assertThat(storedDocument(organization.id())).doesNotContainKey("move");
  }

  @Test
  void updatePlacementIgnoresHeartbeat() {
    // given
    Organization organization = moving(organization(uniqueName("cas")));
    repository.insert(organization);
    TenantMove move = organization.move().orElseThrow();
    Organization expected =
        organization.withMove(Optional.of(move.heartbeat(UPDATED_AT)), UPDATED_AT);
    Organization next =
        organization.withMove(
            Optional.of(move.inPhase(MovePhase.SWITCHING, UPDATED_AT)), UPDATED_AT);

    // when
    boolean updated = repository.updatePlacement(expected, next);

    // then
    assertThat(updated).isTrue();
    assertThat(repository.findById(organization.id())).contains(next);
  }

  static Stream<Arguments> mismatches() {
    TenantMove move =
        new TenantMove(
            TenantTier.COLLECTION,
            TenantTier.SHARED,
            MovePhase.COPYING,
            MOVE_STARTED_AT,
            MOVE_STARTED_AT);
    Map<String, UnaryOperator<Organization>> changes =
        Map.of(
            "state",
            stored -> stored.withState(OrganizationState.DELETING, UPDATED_AT),
            "tier",
            stored -> stored.withTier(TenantTier.DATABASE, UPDATED_AT),
            "move absent",
            stored -> stored.withMove(Optional.empty(), UPDATED_AT),
            "move source",
            stored ->
                stored.withMove(
                    Optional.of(
                        new TenantMove(
                            TenantTier.DATABASE,
                            TenantTier.SHARED,
                            MovePhase.COPYING,
                            MOVE_STARTED_AT,
                            MOVE_STARTED_AT)),
                    UPDATED_AT),
            "move target",
            stored ->
                stored.withMove(
                    Optional.of(
                        new TenantMove(
                            TenantTier.COLLECTION,
                            TenantTier.DATABASE,
                            MovePhase.COPYING,
                            MOVE_STARTED_AT,
                            MOVE_STARTED_AT)),
                    UPDATED_AT),
            "move phase",
            stored ->
                stored.withMove(
                    Optional.of(move.inPhase(MovePhase.SWITCHING, MOVE_STARTED_AT)), UPDATED_AT),
            "move start time",
            stored ->
                stored.withMove(
                    Optional.of(
                        new TenantMove(
                            TenantTier.COLLECTION,
                            TenantTier.SHARED,
                            MovePhase.COPYING,
                            MOVE_STARTED_AT.plusMillis(1),
                            MOVE_STARTED_AT)),
                    UPDATED_AT));
    return changes.entrySet().stream()
        .map(change -> Arguments.of(change.getKey(), change.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mismatches")
  void updatePlacementFailsOnMismatch(String field, UnaryOperator<Organization> change) {
    // given
    Organization organization = moving(organization(uniqueName("cas")));
    repository.insert(organization);
    Organization expected = change.apply(organization);
    Organization next =
        organization.withTier(TenantTier.SHARED, UPDATED_AT).withMove(Optional.empty(), UPDATED_AT);

    // when
    boolean updated = repository.updatePlacement(expected, next);

    // then
    assertThat(updated).isFalse();
    assertThat(repository.findById(organization.id())).contains(organization);
  }

  @Test
  void updatePlacementFailsWithoutStoredMove() {
    // given
    Organization organization = organization(uniqueName("cas"));
    repository.insert(organization);

    // when
    boolean updated = repository.updatePlacement(moving(organization), organization);

    // then
    assertThat(updated).isFalse();
    assertThat(repository.findById(organization.id())).contains(organization);
  }

  @Test
  void updatePlacementOfMissingOrganizationReturnsFalse() {
    // given
    Organization missing = organization(uniqueName("gone"));

    // when
    boolean updated = repository.updatePlacement(missing, moving(missing));

    // then
    assertThat(updated).isFalse();
    assertThat(repository.findById(missing.id())).isEmpty();
  }

  @Test
  void updatePlacementMatchesLegacyAsCollection() {
    // given
    Organization legacy = insertLegacy(OrganizationState.ACTIVE);
    Organization next = moving(legacy);

    // when
    boolean updated = repository.updatePlacement(legacy, next);

    // then
    assertThat(updated).isTrue();
    assertThat(repository.findById(legacy.id())).contains(next);
  }

  @Test
  void updatePlacementMissesLegacyAsShared() {
    // given
    Organization legacy = insertLegacy(OrganizationState.ACTIVE);
    Organization expected = legacy.withTier(TenantTier.SHARED, CREATED_AT);

    // when
    boolean updated = repository.updatePlacement(expected, moving(legacy));

    // then
    assertThat(updated).isFalse();
    assertThat(repository.findById(legacy.id())).contains(legacy);
  }

  @Test
  void updatePlacementRejectsOrganizationsWithDifferentIds() {
    // given
    Organization organization = organization(uniqueName("cas"));
    Organization other = organization(uniqueName("other"));

    // when
    Throwable failure = catchThrowable(() -> repository.updatePlacement(organization, other));

    // then
    assertThat(failure).isInstanceOf(IllegalArgumentException.class);
  }

  // Unsettled organizations and counts

  @Test
  void findsUnsettledOrganizations() {
    // given
    Organization pending =
        organization(uniqueName("pending")).withState(OrganizationState.PENDING, CREATED_AT);
    Organization deleting =
        organization(uniqueName("deleting")).withState(OrganizationState.DELETING, CREATED_AT);
    Organization inMove = moving(organization(uniqueName("moving")));
    Organization renaming =
        organization(uniqueName("renaming")).withName(uniqueName("renamed"), CREATED_AT);
    List.of(pending, deleting, inMove, renaming).forEach(repository::insert);
    Organization legacyPending = insertLegacy(OrganizationState.PENDING);

    // when
    List<Organization> unsettled = repository.findUnsettled(1000);

    // then
    assertThat(unsettled).contains(pending, deleting, inMove, renaming, legacyPending);
  }

  @Test
  void leavesSettledOrganizationsOut() {
    // given
    Organization active = organization(uniqueName("active"));
    Organization moved = moving(organization(uniqueName("moved")));
    Organization renamed = organization(uniqueName("before"));
    List.of(active, moved, renamed).forEach(repository::insert);
    repository.updatePlacement(
        moved,
        moved.withTier(TenantTier.SHARED, UPDATED_AT).withMove(Optional.empty(), UPDATED_AT));
    Organization claimed = renamed.withName(uniqueName("after"), UPDATED_AT);
    repository.update(claimed);
    repository.update(claimed.withStorageUnderName(UPDATED_AT));
    Organization legacyActive = insertLegacy(OrganizationState.ACTIVE);

    // when
    List<Organization> unsettled = repository.findUnsettled(1000);

    // then
    assertThat(unsettled)
        .extracting(Organization::id)
        .doesNotContain(active.id(), moved.id(), renamed.id(), legacyActive.id());
  }

  @Test
  void findUnsettledReturnsAtMostLimit() {
    // given
    for (int index = 0; index < 3; index++) {
      repository.insert(
          organization(uniqueName("pending")).withState(OrganizationState.PENDING, CREATED_AT));
    }

    // when
    List<Organization> unsettled = repository.findUnsettled(2);

    // then
    assertThat(unsettled).hasSize(2);
  }

  @Test
  void findUnsettledWithLimitZeroIsEmpty() {
    // given
    repository.insert(
        organization(uniqueName("pending")).withState(OrganizationState.PENDING, CREATED_AT));

    // when
    List<Organization> unsettled = repository.findUnsettled(0);

    // then
    assertThat(unsettled).isEmpty();
  }

  @Test
  void findUnsettledRejectsNegativeLimit() {
    assertThat(catchThrowable(() -> repository.findUnsettled(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countsActiveOrganizationsPerTier() {
    // given
    Map<TenantTier, Long> before = new EnumMap<>(TenantTier.class);
    for (TenantTier tier : TenantTier.values()) {
      before.put(tier, repository.countActive(tier));
    }
    long allBefore = repository.countActive();
    repository.insert(organization(uniqueName("shared")).withTier(TenantTier.SHARED, CREATED_AT));
    repository.insert(
        organization(uniqueName("database")).withTier(TenantTier.DATABASE, CREATED_AT));
    repository.insert(
        organization(uniqueName("database")).withTier(TenantTier.DATABASE, CREATED_AT));
    repository.insert(organization(uniqueName("collection")));
    insertLegacy(OrganizationState.ACTIVE);
    repository.insert(
        organization(uniqueName("pending"))
            .withTier(TenantTier.SHARED, CREATED_AT)
            .withState(OrganizationState.PENDING, CREATED_AT));
    insertLegacy(OrganizationState.DELETING);

    // when
    Map<TenantTier, Long> added = new EnumMap<>(TenantTier.class);
    for (TenantTier tier : TenantTier.values()) {
      added.put(tier, repository.countActive(tier) - before.get(tier));
    }

    // then
    assertThat(added.get(TenantTier.SHARED)).isEqualTo(1);
    assertThat(added.get(TenantTier.COLLECTION)).isEqualTo(2);
    assertThat(added.get(TenantTier.DATABASE)).isEqualTo(2);
    assertThat(repository.countActive() - allBefore).isEqualTo(5);
  }
}
