package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.croupier.application.fakes.FailurePlan;
import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.fakes.FakePorts;
import io.croupier.application.fakes.InMemoryTenantStorage;
import io.croupier.application.fakes.SimulatedFailure;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.ListDocumentsQuery;
import io.croupier.application.port.in.MoveProgress;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.MovePhase;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantTier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Makes each storage and metadata step of a move fail, before or after its effect. A failure before
 * the switch must leave the organization in its source tier with the new copy dropped. A failure
 * after it must leave the new tier serving, for a recovery to finish.
 */
class MoveFailureTest {

  private static final OrganizationName ACME = OrganizationName.of("acme");
  private static final TenantTier SOURCE = TenantTier.COLLECTION;
  private static final TenantTier TARGET = TenantTier.DATABASE;

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

  /** A step of a move made to fail; its name shows in the test report. */
  record Failure(String name, Consumer<FailurePlan> plan) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Failure> failuresBeforeSwitch() {
    return Stream.of(
        new Failure("target not created", plan -> plan.failOnCall(Operation.TENANT_CREATE, 1)),
        new Failure(
            "start not recorded", plan -> plan.failOnCall(Operation.ORGANIZATION_UPDATE, 1)),
        new Failure(
            "switch not recorded", plan -> plan.failOnCall(Operation.ORGANIZATION_UPDATE, 2)),
        new Failure(
            "cleaning not recorded", plan -> plan.failOnCall(Operation.ORGANIZATION_UPDATE, 3)));
  }

  static Stream<Failure> failuresAfterSwitch() {
    return Stream.of(
        new Failure(
            "cleaning recorded, then failed",
            plan -> plan.failAfterEffectOnCall(Operation.ORGANIZATION_UPDATE, 3)),
        new Failure("old copy not dropped", plan -> plan.failOnCall(Operation.TENANT_DROP, 1)),
        new Failure(
            "old copy dropped, then failed",
            plan -> plan.failAfterEffectOnCall(Operation.TENANT_DROP, 1)),
        new Failure("end not recorded", plan -> plan.failOnCall(Operation.ORGANIZATION_UPDATE, 4)),
        new Failure(
            "end recorded, then failed",
            plan -> plan.failAfterEffectOnCall(Operation.ORGANIZATION_UPDATE, 4)));
  }

  static Stream<TenantTier[]> tierPairs() {
    List<TenantTier[]> pairs = new ArrayList<>();
    for (TenantTier source : TenantTier.values()) {
      for (TenantTier target : TenantTier.values()) {
        if (source != target) {
          pairs.add(new TenantTier[] {source, target});
        }
      }
    }
    return pairs.stream();
  }

  /** Creates acme in the tier with documents one millisecond apart and returns them. */
  private List<TenantDocument> acmeWithDocuments(TenantTier tier, int count) {
    acme = Given.adminOf(Given.organization(ports, "acme", tier));
    List<TenantDocument> created = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      created.add(documents.create(acme, DocumentBody.of(Map.of("n", index))));
      ports.clock().advance(Duration.ofMillis(1));
    }
    return created;
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

  private List<TenantDocument> served() {
    return documents.list(acme, new ListDocumentsQuery(1000, Optional.empty())).documents();
  }

  /** Checks the outcome a failure before the switch must leave, and that a new move works. */
  private void assertRolledBack(TenantTier source, TenantTier target, List<TenantDocument> before) {
    assertThat(stored().move()).as("move still recorded after the failed move").isEmpty();
    assertThat(stored().tier()).as("tier after the failed move").isEqualTo(source);
    assertThat(storageExistsIn(target)).as("copy left in tier " + target).isFalse();
    assertThat(documentsIn(source)).as("documents in the source tier").isEqualTo(before);
    assertThat(served()).as("documents served").isEqualTo(before);

    ports.failures().clear();
    mover.move(ACME, target, MoveProgress.NONE);
    assertThat(documentsIn(target)).as("documents after a second move").isEqualTo(before);
  }

  /** Checks that the new tier serves after a failure past the switch, and recovery finishes. */
  private void assertSwitchedAndRecoverable(
      TenantTier source, TenantTier target, List<TenantDocument> before) {
    assertThat(stored().tier()).as("tier after a failure past the switch").isEqualTo(target);
    assertThat(documentsIn(target)).as("documents in the target tier").isEqualTo(before);
    assertThat(served()).as("documents served").isEqualTo(before);

    ports.failures().clear();
    recovery.recover(Duration.ZERO);
    assertThat(stored().move()).as("move after recovery").isEmpty();
    assertThat(stored().tier()).as("tier after recovery").isEqualTo(target);
    assertThat(storageExistsIn(source)).as("old copy after recovery").isFalse();
    assertThat(documentsIn(target)).as("documents after recovery").isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failuresBeforeSwitch")
  void failureBeforeSwitchRollsBack(Failure failure) {
    // given
    List<TenantDocument> before = acmeWithDocuments(SOURCE, 30);
    failure.plan().accept(ports.failures());

    // when
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> mover.move(ACME, TARGET, MoveProgress.NONE));

    // then
    assertRolledBack(SOURCE, TARGET, before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failuresAfterSwitch")
  void failureAfterSwitchKeepsNewTierForRecovery(Failure failure) {
    // given
    List<TenantDocument> before = acmeWithDocuments(SOURCE, 30);
    failure.plan().accept(ports.failures());

    // when
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> mover.move(ACME, TARGET, MoveProgress.NONE));

    // then
    assertSwitchedAndRecoverable(SOURCE, TARGET, before);
  }

  @ParameterizedTest(name = "{0} to {1}")
  @MethodSource("tierPairs")
  void failedSwitchRollsBackBetweenAnyTiers(TenantTier source, TenantTier target) {
    // given
    List<TenantDocument> before = acmeWithDocuments(source, 30);
    ports.failures().failOnCall(Operation.ORGANIZATION_UPDATE, 2);

    // when
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> mover.move(ACME, target, MoveProgress.NONE));

    // then
    assertRolledBack(source, target, before);
  }

  @ParameterizedTest(name = "{0} to {1}")
  @MethodSource("tierPairs")
  void failedDropOfOldCopyIsFinishedByRecoveryBetweenAnyTiers(
      TenantTier source, TenantTier target) {
    // given
    List<TenantDocument> before = acmeWithDocuments(source, 30);
    ports.failures().failOnCall(Operation.TENANT_DROP, 1);

    // when
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> mover.move(ACME, target, MoveProgress.NONE));

    // then
    assertThat(stored().move().map(move -> move.phase())).contains(MovePhase.CLEANING);
    assertSwitchedAndRecoverable(source, target, before);
  }

  @Test
  void failedHeartbeatRollsBack() {
    // given: the clock passes a heartbeat interval per batch, so the second update is a heartbeat
    List<TenantDocument> before = acmeWithDocuments(SOURCE, 30);
    ports.failures().failOnCall(Operation.ORGANIZATION_UPDATE, 2);
    MoveProgress slowCopy = (phase, copied, total) -> ports.clock().advance(Duration.ofSeconds(2));

    // when
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> mover.move(ACME, TARGET, slowCopy));

    // then
    assertRolledBack(SOURCE, TARGET, before);
  }

  @Test
  void appliedHeartbeatFailureRollsBack() {
    // given
    List<TenantDocument> before = acmeWithDocuments(SOURCE, 30);
    ports.failures().failAfterEffectOnCall(Operation.ORGANIZATION_UPDATE, 2);
    MoveProgress slowCopy = (phase, copied, total) -> ports.clock().advance(Duration.ofSeconds(2));

    // when
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> mover.move(ACME, TARGET, slowCopy));

    // then
    assertRolledBack(SOURCE, TARGET, before);
  }

  @Test
  void appliedTargetCreateFailureDropsTarget() {
    // given: the target storage is made, but the store reports a failure
    List<TenantDocument> before = acmeWithDocuments(SOURCE, 30);
    ports.failures().failAfterEffectOnCall(Operation.TENANT_CREATE, 1);

    // when
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> mover.move(ACME, TARGET, MoveProgress.NONE));

    // then
    assertThat(storageExistsIn(TARGET))
        .as(
            "MoveOrganizationService drops the target only when create() returned normally, so"
                + " storage made by a create that reported a failure stays behind and makes every"
                + " later move to that tier fail")
        .isFalse();
    assertRolledBack(SOURCE, TARGET, before);
  }

  @Test
  void appliedStartFailureLeavesNoMove() {
    // given: the move is recorded in the metadata, but the store reports a failure
    List<TenantDocument> before = acmeWithDocuments(SOURCE, 30);
    ports.failures().failAfterEffectOnCall(Operation.ORGANIZATION_UPDATE, 1);

    // when
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> mover.move(ACME, TARGET, MoveProgress.NONE));

    // then
    assertThat(stored().move())
        .as(
            "MoveOrganizationService does not undo a start whose update reported a failure, so"
                + " the move stays recorded and blocks moves, renames and deletes until a"
                + " recovery rolls it back")
        .isEmpty();
    assertRolledBack(SOURCE, TARGET, before);
  }

  @Test
  void appliedSwitchFailureRollsBack() {
    // given: the switching phase is recorded, but the store reports a failure
    List<TenantDocument> before = acmeWithDocuments(SOURCE, 30);
    ports.failures().failAfterEffectOnCall(Operation.ORGANIZATION_UPDATE, 2);

    // when
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> mover.move(ACME, TARGET, MoveProgress.NONE));

    // then
    assertThat(stored().move())
        .as(
            "MoveOrganizationService rolls back with a compare-and-set against the copying"
                + " phase, which fails once the switching phase is stored; the organization then"
                + " refuses writes and keeps the new copy until a recovery rolls it back")
        .isEmpty();
    assertRolledBack(SOURCE, TARGET, before);
  }

  @Test
  void recoveryUndoesAppliedSwitchFailure() {
    // given
    List<TenantDocument> before = acmeWithDocuments(SOURCE, 30);
    ports.failures().failAfterEffectOnCall(Operation.ORGANIZATION_UPDATE, 2);
    assertThatThrownBy(() -> mover.move(ACME, TARGET, MoveProgress.NONE))
        .isInstanceOf(SimulatedFailure.class);

    // when
    recovery.recover(Duration.ZERO);

    // then
    assertRolledBack(SOURCE, TARGET, before);
  }

  @Test
  void writesWorkAgainAfterRollback() {
    // given
    acmeWithDocuments(SOURCE, 3);
    ports.failures().failOnCall(Operation.ORGANIZATION_UPDATE, 3);
    assertThatThrownBy(() -> mover.move(ACME, TARGET, MoveProgress.NONE))
        .isInstanceOf(SimulatedFailure.class);

    // when
    TenantDocument created = documents.create(acme, DocumentBody.of(Map.of("after", true)));

    // then
    assertThat(documentsIn(SOURCE)).endsWith(created);
  }
}
