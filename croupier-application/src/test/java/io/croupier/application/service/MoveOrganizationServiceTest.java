package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.fakes.InMemoryTenantStorage;
import io.croupier.application.fakes.StoredState;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.ListDocumentsQuery;
import io.croupier.application.port.in.MoveProgress;
import io.croupier.application.port.in.MoveReport;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.InvalidField;
import io.croupier.domain.MovePhase;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationMoving;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNotFound;
import io.croupier.domain.OrganizationState;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantMove;
import io.croupier.domain.TenantTier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class MoveOrganizationServiceTest {

  private static final OrganizationName ACME = OrganizationName.of("acme");

  /** More documents than one copy batch of 500 holds, so that copying takes several batches. */
  private static final int MANY = 1203;

  private final FakePorts ports = FakePorts.create();
  private final TenantDocumentsService documents =
      new TenantDocumentsService(
          ports.organizations(), ports.tenants(), ports.journal(), ports.clock());
  private final MoveOrganizationService mover =
      new MoveOrganizationService(
          ports.organizations(), ports.tenants(), ports.journal(), ports.clock(), Duration.ZERO);
  private final RecoverOrganizationsService recovery =
      new RecoverOrganizationsService(
          ports.organizations(), ports.admins(), ports.tenants(), ports.clock());
  private AuthenticatedAdmin acme;

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

  private static DocumentBody body(int number) {
    return DocumentBody.of(Map.of("n", number, "tags", List.of("t" + number)));
  }

  /**
   * Creates acme in the tier with documents one millisecond apart, replaces every third and deletes
   * every seventh, and returns what is stored in creation order.
   */
  private List<TenantDocument> acmeWithDocuments(TenantTier tier, int count) {
    acme = Given.adminOf(Given.organization(ports, "acme", tier));
    List<String> ids = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      ids.add(documents.create(acme, body(index)).id());
      ports.clock().advance(Duration.ofMillis(1));
    }
    for (int index = 0; index < count; index += 3) {
      documents.replace(acme, ids.get(index), body(-index));
    }
    for (int index = 0; index < count; index += 7) {
      documents.delete(acme, ids.get(index));
    }
    ports.clock().advance(Duration.ofSeconds(1));
    return documentsIn(tier);
  }

  private Organization stored() {
    return ports.organizations().findById(acme.organizationId()).orElseThrow();
  }

  private TenantPlacement placementIn(TenantTier tier) {
    return new TenantPlacement(acme.organizationId(), ACME, tier);
  }

  private List<TenantDocument> documentsIn(TenantTier tier) {
    return ports.tenants().documents(placementIn(tier)).page(Optional.empty(), Integer.MAX_VALUE);
  }

  private boolean storageExistsIn(TenantTier tier) {
    return ports.tenants().collectionNames().contains(InMemoryTenantStorage.key(placementIn(tier)));
  }

  @ParameterizedTest
  @MethodSource("tierPairs")
  void movesDocumentsIntactAndDropsOldCopy(TenantTier source, TenantTier target) {
    // given
    List<TenantDocument> before = acmeWithDocuments(source, MANY);

    // when
    MoveReport report = mover.move(ACME, target, MoveProgress.NONE);

    // then
    assertThat(stored().tier()).isEqualTo(target);
    assertThat(stored().move()).isEmpty();
    assertThat(documentsIn(target)).isEqualTo(before);
    assertThat(storageExistsIn(source)).isFalse();
    assertThat(report)
        .isEqualTo(new MoveReport(source, target, before.size(), Duration.ZERO, Duration.ZERO));
  }

  @ParameterizedTest
  @MethodSource("tierPairs")
  void movedOrganizationServesDocumentsFromNewTier(TenantTier source, TenantTier target) {
    // given
    List<TenantDocument> before = acmeWithDocuments(source, 3);
    mover.move(ACME, target, MoveProgress.NONE);

    // when
    TenantDocument created = documents.create(acme, body(100));
    TenantDocument found = documents.get(acme, before.get(1).id());

    // then
    assertThat(found).isEqualTo(before.get(1));
    assertThat(documentsIn(target)).endsWith(created);
    assertThat(storageExistsIn(source)).isFalse();
  }

  @ParameterizedTest
  @MethodSource("tierPairs")
  void movesEmptyOrganization(TenantTier source, TenantTier target) {
    // given
    acmeWithDocuments(source, 0);

    // when
    MoveReport report = mover.move(ACME, target, MoveProgress.NONE);

    // then
    assertThat(report.documents()).isZero();
    assertThat(stored().tier()).isEqualTo(target);
    assertThat(stored().move()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("tierPairs")
  void leavesOtherOrganizationsOfBothTiersAlone(TenantTier source, TenantTier target) {
    // given
    AuthenticatedAdmin inSource = Given.adminOf(Given.organization(ports, "beta", source));
    AuthenticatedAdmin inTarget = Given.adminOf(Given.organization(ports, "gamma", target));
    TenantDocument betaDocument = documents.create(inSource, body(1));
    TenantDocument gammaDocument = documents.create(inTarget, body(2));
    acmeWithDocuments(source, 5);

    // when
    mover.move(ACME, target, MoveProgress.NONE);

    // then
    assertThat(documents.list(inSource, firstPage()).documents()).containsExactly(betaDocument);
    assertThat(documents.list(inTarget, firstPage()).documents()).containsExactly(gammaDocument);
  }

  private static ListDocumentsQuery firstPage() {
    return new ListDocumentsQuery(100, Optional.empty());
  }

  @ParameterizedTest
  @EnumSource(TenantTier.class)
  void rejectsMoveToCurrentTier(TenantTier tier) {
    // given
    acmeWithDocuments(tier, 2);
    StoredState before = ports.storedState();

    // when
    InvalidField error =
        assertThatExceptionOfType(InvalidField.class)
            .isThrownBy(() -> mover.move(ACME, tier, MoveProgress.NONE))
            .actual();

    // then
    assertThat(error.field()).isEqualTo("tier");
    assertThat(error.getMessage()).contains("already in tier " + tier);
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @Test
  void rejectsUnknownOrganization() {
    // when / then
    assertThatExceptionOfType(OrganizationNotFound.class)
        .isThrownBy(() -> mover.move(ACME, TenantTier.SHARED, MoveProgress.NONE))
        .withMessageContaining("'acme'");
  }

  @Test
  void rejectsPendingOrganization() {
    // given
    Given.storedDirectly(ports, "acme", OrganizationState.PENDING);
    StoredState before = ports.storedState();

    // when
    assertThatExceptionOfType(OrganizationNotFound.class)
        .isThrownBy(() -> mover.move(ACME, TenantTier.SHARED, MoveProgress.NONE));

    // then
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @Test
  void rejectsDeletingOrganization() {
    // given
    Given.storedDirectly(ports, "acme", OrganizationState.DELETING);

    // when / then
    assertThatExceptionOfType(OrganizationNotFound.class)
        .isThrownBy(() -> mover.move(ACME, TenantTier.DATABASE, MoveProgress.NONE));
  }

  @ParameterizedTest
  @EnumSource(MovePhase.class)
  void rejectsSecondMoveWhileOneIsUnderWay(MovePhase phase) {
    // given
    acmeWithDocuments(TenantTier.COLLECTION, 2);
    Given.moveUnderWay(ports, acme.organizationId(), TenantTier.SHARED, phase);
    StoredState before = ports.storedState();

    // when
    OrganizationMoving error =
        assertThatExceptionOfType(OrganizationMoving.class)
            .isThrownBy(() -> mover.move(ACME, TenantTier.DATABASE, MoveProgress.NONE))
            .actual();

    // then
    assertThat(error.getMessage()).contains("from tier collection to tier shared");
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @Test
  void reportsPhasesInOrder() {
    // given
    acmeWithDocuments(TenantTier.COLLECTION, MANY);
    List<String> phases = new ArrayList<>();

    // when
    mover.move(ACME, TenantTier.SHARED, (phase, copied, total) -> phases.add(phase));

    // then
    assertThat(phases)
        .containsExactly(
            "copying", "copying", "copying", "comparing", "verifying", "cleaning", "done");
  }

  @Test
  void reportsEachPhaseWhileMetadataIsInIt() {
    // given
    acmeWithDocuments(TenantTier.DATABASE, 10);
    Map<String, Organization> seen = new HashMap<>();

    // when
    mover.move(ACME, TenantTier.SHARED, (phase, copied, total) -> seen.put(phase, stored()));

    // then
    assertThat(seen.get("copying").move().get().phase()).isEqualTo(MovePhase.COPYING);
    assertThat(seen.get("verifying").move().get().blocksWrites()).isTrue();
    assertThat(seen.get("cleaning").tier()).isEqualTo(TenantTier.SHARED);
    assertThat(seen.get("cleaning").move().get().phase()).isEqualTo(MovePhase.CLEANING);
    assertThat(seen.get("done").move()).isEmpty();
  }

  @Test
  void reportsCopiedCountsUpToTotal() {
    // given
    int stored = acmeWithDocuments(TenantTier.DATABASE, MANY).size();
    List<long[]> copying = new ArrayList<>();
    List<long[]> done = new ArrayList<>();

    // when
    mover.move(
        ACME,
        TenantTier.COLLECTION,
        (phase, copied, total) -> {
          if (phase.equals("copying")) {
            copying.add(new long[] {copied, total});
          } else if (phase.equals("done")) {
            done.add(new long[] {copied, total});
          }
        });

    // then
    assertThat(copying).extracting(counts -> counts[0]).containsExactly(500L, 1000L, (long) stored);
    assertThat(copying).extracting(counts -> counts[1]).containsOnly((long) stored);
    assertThat(done)
        .singleElement()
        .satisfies(counts -> assertThat(counts).containsExactly(stored, stored));
  }

  @Test
  void copyRenewsHeartbeat() {
    // given
    acmeWithDocuments(TenantTier.COLLECTION, MANY);
    Instant started = ports.clock().instant();
    List<Instant> heartbeats = new ArrayList<>();

    // when
    mover.move(
        ACME,
        TenantTier.DATABASE,
        (phase, copied, total) -> {
          if (phase.equals("copying")) {
            stored().move().ifPresent(move -> heartbeats.add(move.heartbeatAt()));
            ports.clock().advance(Duration.ofSeconds(2));
          }
        });

    // then
    assertThat(heartbeats).hasSize(3);
    assertThat(heartbeats.get(0)).isEqualTo(started);
    assertThat(heartbeats.get(1)).isEqualTo(started.plusSeconds(2));
    assertThat(heartbeats.get(2)).isEqualTo(started.plusSeconds(4));
  }

  @Test
  void copiesWritesMadeDuringCopy() {
    // given: between two copy batches, the organization's admin writes to the source tier
    List<TenantDocument> before = acmeWithDocuments(TenantTier.SHARED, MANY);
    List<TenantDocument> written = new ArrayList<>();
    MoveProgress writeOnce =
        (phase, copied, total) -> {
          if (phase.equals("copying") && copied == 500) {
            written.add(documents.create(acme, body(5000)));
            written.add(documents.replace(acme, before.get(0).id(), body(5001)));
            written.add(documents.replace(acme, before.get(before.size() - 1).id(), body(5002)));
            documents.delete(acme, before.get(1).id());
          }
        };

    // when
    mover.move(ACME, TenantTier.COLLECTION, writeOnce);

    // then
    List<TenantDocument> moved = documentsIn(TenantTier.COLLECTION);
    assertThat(moved).containsAll(written);
    assertThat(moved).extracting(TenantDocument::id).doesNotContain(before.get(1).id());
    assertThat(moved).hasSize(before.size());
  }

  @Test
  void rollsBackWhenCopiesDifferAtVerification() {
    // given: something writes to the target after the final copy, before the comparison
    List<TenantDocument> before = acmeWithDocuments(TenantTier.COLLECTION, 20);
    TenantDocument stray =
        new TenantDocument("stray", Instant.EPOCH, Instant.EPOCH, DocumentBody.of(Map.of()));
    MoveProgress strayWrite =
        (phase, copied, total) -> {
          if (phase.equals("verifying")) {
            ports.tenants().documents(placementIn(TenantTier.DATABASE)).put(stray);
          }
        };

    // when
    IllegalStateException error =
        assertThatExceptionOfType(IllegalStateException.class)
            .isThrownBy(() -> mover.move(ACME, TenantTier.DATABASE, strayWrite))
            .actual();

    // then
    assertThat(error.getMessage()).contains("differs from the source");
    assertThat(stored().tier()).isEqualTo(TenantTier.COLLECTION);
    assertThat(stored().move()).isEmpty();
    assertThat(storageExistsIn(TenantTier.DATABASE)).isFalse();
    assertThat(documentsIn(TenantTier.COLLECTION)).isEqualTo(before);
  }

  @Test
  void lostCompareAndSetKeepsSource() {
    // given: while copying, another process replaces the recorded move with its own
    List<TenantDocument> before = acmeWithDocuments(TenantTier.COLLECTION, MANY);
    Instant otherStart = ports.clock().instant().minusSeconds(60);
    TenantMove otherMove = TenantMove.begin(TenantTier.COLLECTION, TenantTier.SHARED, otherStart);
    MoveProgress takeOver =
        (phase, copied, total) -> {
          Organization current = stored();
          if (phase.equals("copying") && current.move().get().target() == TenantTier.DATABASE) {
            Instant now = ports.clock().instant();
            ports
                .organizations()
                .updatePlacement(current, current.withMove(Optional.of(otherMove), now));
          }
        };

    // when
    IllegalStateException error =
        assertThatExceptionOfType(IllegalStateException.class)
            .isThrownBy(() -> mover.move(ACME, TenantTier.DATABASE, takeOver))
            .actual();

    // then
    assertThat(error.getMessage()).contains("changed during the move");
    assertThat(documentsIn(TenantTier.COLLECTION)).isEqualTo(before);
    assertThat(stored().tier()).isEqualTo(TenantTier.COLLECTION);
    assertThat(stored().move()).contains(otherMove);
  }

  @Test
  void recoveryTakeoverKeepsSource() {
    // given: a recovery that thinks the mover dead rolls the move back between two batches
    List<TenantDocument> before = acmeWithDocuments(TenantTier.COLLECTION, MANY);
    MoveProgress rolledBackMeanwhile =
        (phase, copied, total) -> {
          if (phase.equals("copying") && copied == 500) {
            recovery.recover(Duration.ZERO);
          }
        };

    // when
    assertThatExceptionOfType(IllegalStateException.class)
        .isThrownBy(() -> mover.move(ACME, TenantTier.DATABASE, rolledBackMeanwhile));

    // then
    assertThat(documentsIn(TenantTier.COLLECTION)).isEqualTo(before);
    assertThat(stored().tier()).isEqualTo(TenantTier.COLLECTION);
    assertThat(stored().move()).isEmpty();
    assertThat(storageExistsIn(TenantTier.DATABASE)).isFalse();
  }

  @Test
  void recoveryTakeoverLeavesNoCopyInSharedTier() {
    // given: a recovery that thinks the mover dead rolls the move back between two batches
    List<TenantDocument> before = acmeWithDocuments(TenantTier.COLLECTION, MANY);
    MoveProgress rolledBackMeanwhile =
        (phase, copied, total) -> {
          if (phase.equals("copying") && copied == 500) {
            recovery.recover(Duration.ZERO);
          }
        };

    // when
    assertThatExceptionOfType(IllegalStateException.class)
        .isThrownBy(() -> mover.move(ACME, TenantTier.SHARED, rolledBackMeanwhile));

    // then
    assertThat(documentsIn(TenantTier.COLLECTION)).isEqualTo(before);
    assertThat(stored().move()).isEmpty();
    assertThat(documentsIn(TenantTier.SHARED))
        .as(
            "MoveOrganizationService keeps copying into the target after a recovery dropped it,"
                + " which recreates shared-tier storage, and its failed rollback drops nothing;"
                + " the organization's documents then stay in the shared tier with no metadata"
                + " pointing at them, so neither a delete nor a recovery removes them")
        .isEmpty();
  }
}
