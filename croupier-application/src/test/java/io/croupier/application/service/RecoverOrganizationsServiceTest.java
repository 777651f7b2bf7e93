package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.fakes.FakePorts;
import io.croupier.application.fakes.InMemoryTenantStorage;
import io.croupier.application.fakes.SimulatedFailure;
import io.croupier.application.fakes.StoredState;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.RecoveryAction;
import io.croupier.application.port.in.RecoveryReport;
import io.croupier.application.port.in.RecoveryReport.Failure;
import io.croupier.application.port.in.RecoveryReport.Settled;
import io.croupier.application.port.in.UpdateOrganizationCommand;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.domain.AdminUser;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.MovePhase;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationState;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantTier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecoverOrganizationsServiceTest {

  private static final OrganizationName ACME = OrganizationName.of("acme");
  private static final OrganizationName BETA = OrganizationName.of("beta");
  private static final Duration STALE_AFTER = Duration.ofSeconds(30);

  private final FakePorts ports = FakePorts.create();
  private final TenantDocumentsService documents =
      new TenantDocumentsService(
          ports.organizations(), ports.tenants(), ports.journal(), ports.clock());
  private final RecoverOrganizationsService recovery =
      new RecoverOrganizationsService(
          ports.organizations(), ports.admins(), ports.tenants(), ports.clock());

  /**
   * Stores an organization with its admin and storage holding two documents, bypassing services.
   */
  private Organization storedWithData(String name, OrganizationState state, TenantTier tier) {
    Instant now = ports.clock().instant();
    OrganizationName organizationName = OrganizationName.of(name);
    Organization organization =
        new Organization(
            UUID.randomUUID().toString(),
            organizationName,
            UUID.randomUUID().toString(),
            state,
            now,
            now,
            tier,
            organizationName,
            Optional.empty());
    ports.organizations().insert(organization);
    ports
        .admins()
        .insert(
            new AdminUser(
                organization.adminId(),
                organization.id(),
                EmailAddress.of(Given.emailOf(name)),
                "hash",
                1,
                now,
                now));
    TenantPlacement placement = TenantPlacement.of(organization);
    ports.tenants().create(placement);
    putDocuments(placement, 2);
    return organization;
  }

  private List<TenantDocument> putDocuments(TenantPlacement placement, int count) {
    List<TenantDocument> put = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      Instant at = ports.clock().instant().plusMillis(index);
      TenantDocument document =
          new TenantDocument("doc-" + index, at, at, DocumentBody.of(Map.of("n", index)));
      ports.tenants().documents(placement).put(document);
      put.add(document);
    }
    return put;
  }

  private List<TenantDocument> documentsAt(TenantPlacement placement) {
    return ports.tenants().documents(placement).page(Optional.empty(), Integer.MAX_VALUE);
  }

  private boolean storageExists(TenantPlacement placement) {
    return ports.tenants().collectionNames().contains(InMemoryTenantStorage.key(placement));
  }

  private Organization stored(String id) {
    return ports.organizations().findById(id).orElseThrow();
  }

  private static List<RecoveryAction> actions(RecoveryReport report) {
    return report.settled().stream().map(RecoveryReport.Settled::action).toList();
  }

  private RecoveryReport recoverOnceStale() {
    ports.clock().advance(STALE_AFTER);
    return recovery.recover(STALE_AFTER);
  }

  /** Returns the organization with a move in the phase and one document in the target copy. */
  private Organization moving(TenantTier source, TenantTier target, MovePhase phase) {
    Organization organization = storedWithData("acme", OrganizationState.ACTIVE, source);
    TenantPlacement targetPlacement = TenantPlacement.of(organization).inTier(target);
    ports.tenants().create(targetPlacement);
    putDocuments(targetPlacement, 1);
    return Given.moveUnderWay(ports, organization.id(), target, phase);
  }

  /**
   * Returns an organization whose rename from acme to beta died before its collection moved, so
   * that the collection org_acme still contains its two documents.
   */
  private Organization renamedFromAcmeWithData() {
    Instant now = ports.clock().instant();
    Organization renamed =
        new Organization(
            UUID.randomUUID().toString(),
            BETA,
            UUID.randomUUID().toString(),
            OrganizationState.ACTIVE,
            now,
            now,
            TenantTier.COLLECTION,
            ACME,
            Optional.empty());
    ports.organizations().insert(renamed);
    ports.tenants().create(TenantPlacement.of(renamed));
    putDocuments(TenantPlacement.of(renamed), 2);
    return renamed;
  }

  @ParameterizedTest
  @EnumSource(TenantTier.class)
  void undoesPendingCreate(TenantTier tier) {
    // given
    StoredState before = ports.storedState();
    storedWithData("acme", OrganizationState.PENDING, tier);

    // when
    RecoveryReport report = recoverOnceStale();

    // then
    assertThat(ports.storedState()).isEqualTo(before);
    assertThat(actions(report)).containsExactlyInAnyOrder(RecoveryAction.CREATE_ROLLED_BACK);
  }

  @Test
  void undoesPendingCreateThatMadeNoStorageYet() {
    // given
    Given.storedDirectly(ports, "acme", OrganizationState.PENDING);

    // when
    RecoveryReport report = recoverOnceStale();

    // then
    assertThat(ports.storedState().isEmpty()).isTrue();
    assertThat(report.createsUndone()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(TenantTier.class)
  void finishesDelete(TenantTier tier) {
    // given
    StoredState before = ports.storedState();
    storedWithData("acme", OrganizationState.DELETING, tier);

    // when
    RecoveryReport report = recoverOnceStale();

    // then
    assertThat(ports.storedState()).isEqualTo(before);
    assertThat(actions(report)).containsExactlyInAnyOrder(RecoveryAction.DELETE_FINISHED);
  }

  @Test
  void finishesDeleteWhoseAdminIsGone() {
    // given
    Organization deleting = storedWithData("acme", OrganizationState.DELETING, TenantTier.SHARED);
    ports.admins().deleteByOrganizationId(deleting.id());

    // when
    recoverOnceStale();

    // then
    assertThat(ports.storedState().isEmpty()).isTrue();
  }

  @Test
  void finishesRenameByMovingStorage() {
    // given: the metadata has the new name, the collection is still under the old one
    Organization acme = storedWithData("acme", OrganizationState.ACTIVE, TenantTier.COLLECTION);
    List<TenantDocument> before = documentsAt(TenantPlacement.of(acme));
    ports.organizations().update(acme.withName(BETA, ports.clock().instant()));

    // when
    RecoveryReport report = recoverOnceStale();

    // then
    Organization settled = stored(acme.id());
    assertThat(settled.storageName()).isEqualTo(BETA);
    assertThat(settled.isRenaming()).isFalse();
    assertThat(ports.tenants().exists(ACME)).isFalse();
    assertThat(documentsAt(TenantPlacement.of(settled))).isEqualTo(before);
    assertThat(actions(report)).containsExactlyInAnyOrder(RecoveryAction.RENAME_FINISHED);
  }

  @Test
  void finishesRenameWhoseStorageMovedAlready() {
    // given
    Organization acme = storedWithData("acme", OrganizationState.ACTIVE, TenantTier.COLLECTION);
    List<TenantDocument> before = documentsAt(TenantPlacement.of(acme));
    ports.organizations().update(acme.withName(BETA, ports.clock().instant()));
    ports.tenants().rename(ACME, BETA);

    // when
    RecoveryReport report = recoverOnceStale();

    // then
    Organization settled = stored(acme.id());
    assertThat(settled.storageName()).isEqualTo(BETA);
    assertThat(documentsAt(TenantPlacement.of(settled))).isEqualTo(before);
    assertThat(report.renamesFinished()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(
      value = TenantTier.class,
      names = {"SHARED", "DATABASE"})
  void finishesRenameInTierThatFindsDataById(TenantTier tier) {
    // given
    Organization acme = storedWithData("acme", OrganizationState.ACTIVE, tier);
    List<TenantDocument> before = documentsAt(TenantPlacement.of(acme));
    ports.organizations().update(acme.withName(BETA, ports.clock().instant()));

    // when
    recoverOnceStale();

    // then
    Organization settled = stored(acme.id());
    assertThat(settled.isRenaming()).isFalse();
    assertThat(documentsAt(TenantPlacement.of(settled))).isEqualTo(before);
  }

  @Test
  void settlesOthersWhenOneFails() {
    // given: two creates died, and the first admin delete of the recovery fails
    Organization first = Given.storedDirectly(ports, "first", OrganizationState.PENDING);
    Organization second = Given.storedDirectly(ports, "second", OrganizationState.PENDING);
    ports.failures().failOnCall(Operation.ADMIN_DELETE, 1);

    // when
    RecoveryReport report = recoverOnceStale();

    // then
    assertThat(report.createsUndone()).isEqualTo(1);
    assertThat(report.failures()).hasSize(1);
    assertThat(ports.organizations().findById(second.id())).isEmpty();
    assertThat(stored(first.id()).state()).isEqualTo(OrganizationState.PENDING);
    Failure failure = report.failures().get(0);
    assertThat(failure.organizationId()).isEqualTo(first.id());
    assertThat(failure.name()).isEqualTo(OrganizationName.of("first"));
    assertThat(failure.action()).isEqualTo(RecoveryAction.CREATE_ROLLED_BACK);
    assertThat(failure.cause()).isInstanceOf(SimulatedFailure.class);
    assertThat(report.settled())
        .containsExactly(
            new Settled(
                second.id(), OrganizationName.of("second"), RecoveryAction.CREATE_ROLLED_BACK));
  }

  @Test
  void namesMoveThatFailedToSettle() {
    // given: a move that had switched, whose drop of the source copy fails
    Organization moving = moving(TenantTier.SHARED, TenantTier.COLLECTION, MovePhase.CLEANING);
    ports.failures().failOnCall(Operation.TENANT_DROP, 1);

    // when
    RecoveryReport report = recoverOnceStale();

    // then
    assertThat(report.settled()).isEmpty();
    assertThat(report.failures()).hasSize(1);
    assertThat(report.failures().get(0).organizationId()).isEqualTo(moving.id());
    assertThat(report.failures().get(0).name()).isEqualTo(ACME);
    assertThat(report.failures().get(0).action()).isEqualTo(RecoveryAction.MOVE_FINISHED);
  }

  @Test
  void nextRecoverySettlesWhatFailed() {
    // given
    Organization first = Given.storedDirectly(ports, "first", OrganizationState.PENDING);
    ports.failures().failOnCall(Operation.ADMIN_DELETE, 1);
    recoverOnceStale();

    // when
    RecoveryReport report = recovery.recover(STALE_AFTER);

    // then
    assertThat(report.failures()).isEmpty();
    assertThat(ports.organizations().findById(first.id())).isEmpty();
    assertThat(ports.admins().findById(first.adminId())).isEmpty();
  }

  @Test
  void pendingCreateWaitsForFailedRename() {
    // given: the rename from acme to beta cannot be finished now
    Organization pending = Given.storedDirectly(ports, "acme", OrganizationState.PENDING);
    Organization renamed = renamedFromAcmeWithData();
    List<TenantDocument> before = documentsAt(TenantPlacement.of(renamed));
    ports.failures().failOnCall(Operation.TENANT_RENAME, 1);

    // when
    RecoveryReport report = recoverOnceStale();

    // then
    assertThat(report.failures()).hasSize(1);
    assertThat(report.failures().get(0).organizationId()).isEqualTo(renamed.id());
    assertThat(report.failures().get(0).name()).isEqualTo(BETA);
    assertThat(report.failures().get(0).action()).isEqualTo(RecoveryAction.RENAME_FINISHED);
    assertThat(stored(pending.id()).state()).isEqualTo(OrganizationState.PENDING);
    assertThat(documentsAt(TenantPlacement.of(renamed))).isEqualTo(before);
  }

  @Test
  void pendingCreateKeepsRenamedData() {
    // given: a create took the name acme and died before it found the collection org_acme, which
    // still contains the data of the organization whose rename from acme to beta died as well
    Organization pending = Given.storedDirectly(ports, "acme", OrganizationState.PENDING);
    Organization renamed = renamedFromAcmeWithData();
    List<TenantDocument> before = documentsAt(TenantPlacement.of(renamed));

    // when
    RecoveryReport report = recoverOnceStale();

    // then
    assertThat(ports.organizations().findById(pending.id())).isEmpty();
    assertThat(stored(renamed.id()).storageName()).isEqualTo(BETA);
    assertThat(documentsAt(TenantPlacement.of(stored(renamed.id())))).isEqualTo(before);
    assertThat(actions(report))
        .containsExactlyInAnyOrder(
            RecoveryAction.CREATE_ROLLED_BACK, RecoveryAction.RENAME_FINISHED);
  }

  @Test
  void pendingCreateWaitsForYoungRename() {
    // given: the rename from acme to beta is younger than the age limit, so it is left alone
    Organization pending = Given.storedDirectly(ports, "acme", OrganizationState.PENDING);
    ports.clock().advance(STALE_AFTER);
    Organization renamed = renamedFromAcmeWithData();
    List<TenantDocument> before = documentsAt(TenantPlacement.of(renamed));

    // when
    RecoveryReport report = recovery.recover(STALE_AFTER);

    // then
    assertThat(report.changedAnything()).isFalse();
    assertThat(stored(pending.id()).state()).isEqualTo(OrganizationState.PENDING);
    assertThat(documentsAt(TenantPlacement.of(renamed))).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(
      value = MovePhase.class,
      names = {"COPYING", "SWITCHING"})
  void rollsBackMoveThatHadNotSwitched(MovePhase phase) {
    // given
    Organization moving = moving(TenantTier.COLLECTION, TenantTier.DATABASE, phase);
    TenantPlacement source = TenantPlacement.of(moving);
    List<TenantDocument> before = documentsAt(source);

    // when
    RecoveryReport report = recoverOnceStale();

    // then
    Organization settled = stored(moving.id());
    assertThat(settled.move()).isEmpty();
    assertThat(settled.tier()).isEqualTo(TenantTier.COLLECTION);
    assertThat(storageExists(source.inTier(TenantTier.DATABASE))).isFalse();
    assertThat(documentsAt(source)).isEqualTo(before);
    assertThat(actions(report)).containsExactlyInAnyOrder(RecoveryAction.MOVE_ROLLED_BACK);
  }

  @Test
  void finishesMoveThatHadSwitched() {
    // given: the metadata names the target tier; the source copy is still there
    Organization moving = moving(TenantTier.SHARED, TenantTier.COLLECTION, MovePhase.CLEANING);
    TenantPlacement target = TenantPlacement.of(moving);
    List<TenantDocument> targetBefore = documentsAt(target);

    // when
    RecoveryReport report = recoverOnceStale();

    // then
    Organization settled = stored(moving.id());
    assertThat(settled.move()).isEmpty();
    assertThat(settled.tier()).isEqualTo(TenantTier.COLLECTION);
    assertThat(storageExists(target.inTier(TenantTier.SHARED))).isFalse();
    assertThat(documentsAt(target)).isEqualTo(targetBefore);
    assertThat(report.settled())
        .containsExactly(new Settled(moving.id(), ACME, RecoveryAction.MOVE_FINISHED));
  }

  @Test
  void settlesMoveAtExactAgeLimit() {
    // given
    Organization moving = moving(TenantTier.COLLECTION, TenantTier.SHARED, MovePhase.COPYING);
    ports.clock().advance(STALE_AFTER);

    // when
    RecoveryReport report = recovery.recover(STALE_AFTER);

    // then
    assertThat(report.movesRolledBack()).isEqualTo(1);
    assertThat(stored(moving.id()).move()).isEmpty();
  }

  @Test
  void leavesMoveOneMillisecondYounger() {
    // given
    moving(TenantTier.COLLECTION, TenantTier.SHARED, MovePhase.SWITCHING);
    ports.clock().advance(STALE_AFTER.minusMillis(1));
    StoredState before = ports.storedState();

    // when
    RecoveryReport report = recovery.recover(STALE_AFTER);

    // then
    assertThat(report.changedAnything()).isFalse();
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @Test
  void judgesMoveByHeartbeatNotByUpdateTime() {
    // given: an email change touched the metadata recently, but the mover stopped long ago
    Organization moving = moving(TenantTier.COLLECTION, TenantTier.SHARED, MovePhase.COPYING);
    ports.clock().advance(STALE_AFTER);
    AuthenticatedAdmin admin = new AuthenticatedAdmin(moving.adminId(), moving.id());
    ports
        .updateOrganizationService()
        .update(UpdateOrganizationCommand.of(admin, null, "new@acme.io", null));

    // when
    RecoveryReport report = recovery.recover(STALE_AFTER);

    // then
    assertThat(report.movesRolledBack()).isEqualTo(1);
  }

  @Test
  void leavesMoveWithFreshHeartbeat() {
    // given
    Organization moving = moving(TenantTier.COLLECTION, TenantTier.SHARED, MovePhase.COPYING);
    ports.clock().advance(STALE_AFTER);
    Instant now = ports.clock().instant();
    Organization renewed =
        moving.withMove(Optional.of(moving.move().get().heartbeat(now)), moving.updatedAt());
    ports.organizations().updatePlacement(moving, renewed);

    // when
    RecoveryReport report = recovery.recover(STALE_AFTER);

    // then
    assertThat(report.changedAnything()).isFalse();
  }

  @Test
  void settlesCreateAtExactAgeLimit() {
    // given
    storedWithData("acme", OrganizationState.PENDING, TenantTier.COLLECTION);
    ports.clock().advance(STALE_AFTER);

    // when
    RecoveryReport report = recovery.recover(STALE_AFTER);

    // then
    assertThat(report.createsUndone()).isEqualTo(1);
  }

  @Test
  void leavesCreateOneMillisecondYounger() {
    // given
    storedWithData("acme", OrganizationState.PENDING, TenantTier.COLLECTION);
    ports.clock().advance(STALE_AFTER.minusMillis(1));
    StoredState before = ports.storedState();

    // when
    RecoveryReport report = recovery.recover(STALE_AFTER);

    // then
    assertThat(report.changedAnything()).isFalse();
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @Test
  void leavesDeleteAndRenameOneMillisecondYounger() {
    // given
    storedWithData("acme", OrganizationState.DELETING, TenantTier.DATABASE);
    Organization gamma = storedWithData("gamma", OrganizationState.ACTIVE, TenantTier.COLLECTION);
    ports.organizations().update(gamma.withName(BETA, ports.clock().instant()));
    ports.clock().advance(STALE_AFTER.minusMillis(1));
    StoredState before = ports.storedState();

    // when
    RecoveryReport report = recovery.recover(STALE_AFTER);

    // then
    assertThat(report.changedAnything()).isFalse();
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @Test
  void zeroAgeSettlesWorkOfThisInstant() {
    // given
    storedWithData("acme", OrganizationState.PENDING, TenantTier.SHARED);

    // when
    RecoveryReport report = recovery.recover(Duration.ZERO);

    // then
    assertThat(report.createsUndone()).isEqualTo(1);
  }

  @Test
  void leavesSettledOrganizationsAlone() {
    // given
    AuthenticatedAdmin beta = Given.adminOf(Given.organization(ports, "beta", TenantTier.SHARED));
    documents.create(beta, DocumentBody.of(Map.of("kept", true)));
    storedWithData("acme", OrganizationState.ACTIVE, TenantTier.DATABASE);
    StoredState before = ports.storedState();

    // when
    RecoveryReport report = recoverOnceStale();

    // then
    assertThat(report.changedAnything()).isFalse();
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @Test
  void settlesEachKindOfWorkInOneRun() {
    // given
    storedWithData("pending", OrganizationState.PENDING, TenantTier.COLLECTION);
    storedWithData("deleting", OrganizationState.DELETING, TenantTier.SHARED);
    Organization renaming =
        storedWithData("renaming", OrganizationState.ACTIVE, TenantTier.COLLECTION);
    ports.organizations().update(renaming.withName(BETA, ports.clock().instant()));
    moving(TenantTier.DATABASE, TenantTier.SHARED, MovePhase.COPYING);

    // when
    RecoveryReport report = recoverOnceStale();

    // then
    assertThat(actions(report))
        .containsExactlyInAnyOrder(
            RecoveryAction.CREATE_ROLLED_BACK,
            RecoveryAction.DELETE_FINISHED,
            RecoveryAction.RENAME_FINISHED,
            RecoveryAction.MOVE_ROLLED_BACK);
    assertThat(ports.organizations().findUnsettled(10)).isEmpty();
  }

  @Test
  void namesEachSettledOrganization() {
    // given
    Organization pending = storedWithData("pending", OrganizationState.PENDING, TenantTier.SHARED);
    Organization deleting =
        storedWithData("deleting", OrganizationState.DELETING, TenantTier.DATABASE);
    Organization renaming =
        storedWithData("renaming", OrganizationState.ACTIVE, TenantTier.COLLECTION);
    ports.organizations().update(renaming.withName(BETA, ports.clock().instant()));
    Organization moving = moving(TenantTier.COLLECTION, TenantTier.DATABASE, MovePhase.SWITCHING);

    // when
    RecoveryReport report = recoverOnceStale();

    // then
    assertThat(report.settled())
        .containsExactlyInAnyOrder(
            new Settled(
                pending.id(), OrganizationName.of("pending"), RecoveryAction.CREATE_ROLLED_BACK),
            new Settled(
                deleting.id(), OrganizationName.of("deleting"), RecoveryAction.DELETE_FINISHED),
            new Settled(renaming.id(), BETA, RecoveryAction.RENAME_FINISHED),
            new Settled(moving.id(), ACME, RecoveryAction.MOVE_ROLLED_BACK));
    assertThat(report.failures()).isEmpty();
  }

  @Test
  void settlesStaleWorkBehindYoungBatch() {
    // given: 100 creates in progress now, then one create abandoned a minute ago
    Instant now = ports.clock().instant();
    for (int index = 0; index < 100; index++) {
      Given.storedDirectly(ports, "young-" + index, OrganizationState.PENDING);
    }
    ports.clock().set(now.minusSeconds(60));
    Organization stale = Given.storedDirectly(ports, "stale", OrganizationState.PENDING);
    ports.clock().set(now);

    // when
    RecoveryReport report = recovery.recover(STALE_AFTER);

    // then
    assertThat(ports.organizations().findById(stale.id()))
        .as(
            "RecoverOrganizationsService reads only the first 100 unsettled organizations and"
                + " skips the young ones among them, so stale work listed after them is never"
                + " settled while they last, although its contract settles every stale"
                + " organization")
        .isEmpty();
    assertThat(report.createsUndone()).isEqualTo(1);
  }
}
