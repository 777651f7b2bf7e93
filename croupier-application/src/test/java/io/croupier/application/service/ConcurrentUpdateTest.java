package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.fakes.FakePorts;
import io.croupier.application.fakes.InMemoryTenantStorage;
import io.croupier.application.fakes.SimulatedFailure;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.UpdateOrganizationCommand;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationChanged;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationState;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Updates of one organization that interleave: the fakes run the second request at a chosen step of
 * the first, on the same thread, so that every interleaving is repeatable.
 */
class ConcurrentUpdateTest {

  private static final OrganizationName ACME = OrganizationName.of("acme");
  private static final OrganizationName ACME_A = OrganizationName.of("acme-a");
  private static final OrganizationName ACME_B = OrganizationName.of("acme-b");

  private final FakePorts ports = FakePorts.create();
  private final UpdateOrganizationService service = ports.updateOrganizationService();
  private OrganizationDetails acme;
  private AuthenticatedAdmin caller;

  @BeforeEach
  void createOrganizationWithData() {
    acme = Given.organization(ports, "acme");
    ports.tenants().addDocuments(ACME, 5);
    caller = Given.adminOf(acme);
    ports.clock().advance(Duration.ofMinutes(1));
  }

  private OrganizationDetails rename(String name) {
    return service.update(UpdateOrganizationCommand.of(caller, name, null, null));
  }

  private Organization storedOrganization() {
    return ports.organizations().findById(acme.organization().id()).orElseThrow();
  }

  /** Runs the rename and returns what it threw, or null if it succeeded. */
  private RuntimeException failureOf(String name) {
    try {
      rename(name);
      return null;
    } catch (RuntimeException failure) {
      return failure;
    }
  }

  /** Renames to acme-a with a storage rename that moves the data but fails, as does its undo. */
  private void renameWhoseUndoFails() {
    ports
        .failures()
        .failAfterEffectOnCall(Operation.TENANT_RENAME, 1)
        .failOnCall(Operation.TENANT_RENAME, 2);
    assertThatExceptionOfType(SimulatedFailure.class).isThrownBy(() -> rename("acme-a"));
  }

  @Test
  void renameThatReadBeforeWinnerIsRejected() {
    // given the rename to acme-a runs completely between the read and the write of acme-b
    AtomicReference<OrganizationDetails> winner = new AtomicReference<>();
    ports.organizations().beforeNextConditionalUpdate(() -> winner.set(rename("acme-a")));

    // when
    assertThatExceptionOfType(OrganizationChanged.class).isThrownBy(() -> rename("acme-b"));

    // then
    assertThat(winner.get().organization().name()).isEqualTo(ACME_A);
    assertThat(storedOrganization().name()).isEqualTo(ACME_A);
    assertThat(storedOrganization().storageName()).isEqualTo(ACME_A);
    assertThat(ports.tenants().documentCount(ACME_A)).isEqualTo(OptionalInt.of(5));
    assertThat(ports.tenants().collectionNames())
        .containsExactly(InMemoryTenantStorage.collectionName(ACME_A));
  }

  @Test
  void renameDuringStorageRenameIsRejected() {
    // given the rename to acme-b starts while acme-a moves the storage
    AtomicReference<RuntimeException> loser = new AtomicReference<>();
    ports.tenants().beforeNextRename(() -> loser.set(failureOf("acme-b")));

    // when
    OrganizationDetails winner = rename("acme-a");

    // then
    assertThat(loser.get()).isInstanceOf(OrganizationChanged.class);
    assertThat(winner.organization().name()).isEqualTo(ACME_A);
    assertThat(storedOrganization().name()).isEqualTo(ACME_A);
    assertThat(storedOrganization().storageName()).isEqualTo(ACME_A);
    assertThat(ports.tenants().documentCount(ACME_A)).isEqualTo(OptionalInt.of(5));
    assertThat(ports.tenants().documentCount(ACME_B)).isEmpty();
    assertThat(ports.tenants().documentCount(ACME)).isEmpty();
  }

  @Test
  void conflictMessageAsksForRetry() {
    // given
    ports.organizations().beforeNextConditionalUpdate(() -> rename("acme-a"));

    // when
    OrganizationChanged conflict =
        assertThatExceptionOfType(OrganizationChanged.class)
            .isThrownBy(() -> rename("acme-b"))
            .actual();

    // then
    assertThat(conflict.getMessage()).contains("'acme'");
    assertThat(conflict.getMessage()).contains("retry");
  }

  @Test
  void emailChangeAfterRenameReadIsRejected() {
    // given
    ports.organizations().beforeNextConditionalUpdate(() -> rename("acme-a"));

    // when
    assertThatExceptionOfType(OrganizationChanged.class)
        .isThrownBy(
            () -> service.update(UpdateOrganizationCommand.of(caller, null, "new@acme.io", null)));

    // then
    assertThat(ports.admins().findById(acme.organization().adminId()).orElseThrow().email().value())
        .isEqualTo("admin@acme.io");
    assertThat(storedOrganization().name()).isEqualTo(ACME_A);
  }

  @Test
  void failedRenameKeepsNewerMetadata() {
    // given another writer marks the organization deleting while its storage moves, and the
    // storage rename reports a failure after it moved the data
    ports
        .tenants()
        .beforeNextRename(
            () ->
                ports
                    .organizations()
                    .update(
                        storedOrganization()
                            .withState(OrganizationState.DELETING, ports.clock().instant())));
    ports.failures().failAfterEffectOnCall(Operation.TENANT_RENAME, 1);

    // when
    assertThatExceptionOfType(SimulatedFailure.class).isThrownBy(() -> rename("acme-a"));

    // then the other writer's state stays, and the storage is where its metadata names it
    assertThat(storedOrganization().state()).isEqualTo(OrganizationState.DELETING);
    assertThat(storedOrganization().storageName()).isEqualTo(ACME);
    assertThat(ports.tenants().documentCount(ACME)).isEqualTo(OptionalInt.of(5));
    assertThat(ports.tenants().documentCount(ACME_A)).isEmpty();
  }

  @Test
  void failedRenameKeepsStorageRecordedElsewhere() {
    // given another writer records the storage under acme-a while it moves, and the storage
    // rename reports a failure after it moved the data
    ports
        .tenants()
        .beforeNextRename(
            () ->
                ports
                    .organizations()
                    .update(storedOrganization().withStorageUnderName(ports.clock().instant())));
    ports.failures().failAfterEffectOnCall(Operation.TENANT_RENAME, 1);

    // when
    assertThatExceptionOfType(SimulatedFailure.class).isThrownBy(() -> rename("acme-a"));

    // then
    assertThat(storedOrganization().name()).isEqualTo(ACME_A);
    assertThat(storedOrganization().storageName()).isEqualTo(ACME_A);
    assertThat(ports.tenants().documentCount(ACME_A)).isEqualTo(OptionalInt.of(5));
    assertThat(ports.tenants().documentCount(ACME)).isEmpty();
  }

  @Test
  void failedStorageMoveBackLeavesRenameToFinish() {
    // given the storage rename moves the data but fails, and so does moving it back
    ports
        .failures()
        .failAfterEffectOnCall(Operation.TENANT_RENAME, 1)
        .failOnCall(Operation.TENANT_RENAME, 2);

    // when
    assertThatExceptionOfType(SimulatedFailure.class).isThrownBy(() -> rename("acme-a"));

    // then the metadata still records the rename, which recovery finishes
    assertThat(storedOrganization().name()).isEqualTo(ACME_A);
    assertThat(storedOrganization().storageName()).isEqualTo(ACME);
    assertThat(ports.tenants().documentCount(ACME_A)).isEqualTo(OptionalInt.of(5));
  }

  @Test
  void recoveryFinishesRenameAfterFailedUndo() {
    // given
    renameWhoseUndoFails();
    ports.clock().advance(Duration.ofMinutes(5));
    RecoverOrganizationsService recovery =
        new RecoverOrganizationsService(
            ports.organizations(), ports.admins(), ports.tenants(), ports.clock());

    // when
    recovery.recover(Duration.ofMinutes(1));

    // then
    assertThat(storedOrganization().storageName()).isEqualTo(ACME_A);
    assertThat(ports.tenants().documentCount(ACME_A)).isEqualTo(OptionalInt.of(5));
  }

  @Test
  void updateDuringUnfinishedRenameIsRejected() {
    // given
    renameWhoseUndoFails();
    Organization unfinished = storedOrganization();

    // when
    assertThatExceptionOfType(OrganizationChanged.class).isThrownBy(() -> rename("acme-b"));

    // then
    assertThat(storedOrganization()).isEqualTo(unfinished);
  }
}
