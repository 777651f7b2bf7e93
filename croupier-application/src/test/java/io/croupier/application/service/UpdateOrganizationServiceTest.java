package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.fakes.FakePorts;
import io.croupier.application.fakes.SimulatedFailure;
import io.croupier.application.fakes.StoredState;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.UpdateOrganizationCommand;
import io.croupier.domain.AdminUser;
import io.croupier.domain.AuthenticationFailed;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.EmailTaken;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.OrganizationNotFound;
import io.croupier.domain.OrganizationState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UpdateOrganizationServiceTest {

  private static final OrganizationName ACME = OrganizationName.of("acme");
  private static final OrganizationName ACME_LABS = OrganizationName.of("acme-labs");

  private final FakePorts ports = FakePorts.create();
  private final UpdateOrganizationService service = ports.updateOrganizationService();
  private OrganizationDetails acme;
  private AuthenticatedAdmin caller;
  private Instant updateTime;

  @BeforeEach
  void createOrganizationsWithData() {
    acme = Given.organization(ports, "acme");
    Given.organization(ports, "beta");
    ports.tenants().addDocuments(ACME, 5);
    caller = Given.adminOf(acme);
    updateTime = ports.clock().advance(Duration.ofMinutes(1));
    ports.hasher().resetCounts();
  }

  private OrganizationDetails update(String name, String email, String password) {
    return service.update(UpdateOrganizationCommand.of(caller, name, email, password));
  }

  private Organization storedOrganization() {
    return ports.organizations().findById(acme.organization().id()).orElseThrow();
  }

  private AdminUser storedAdmin() {
    return ports.admins().findById(acme.organization().adminId()).orElseThrow();
  }

  @Test
  void renameMovesStorageAndData() {
    // when
    update("Acme-Labs", null, null);

    // then
    assertThat(ports.tenants().documentCount(ACME_LABS)).isEqualTo(OptionalInt.of(5));
    assertThat(ports.tenants().documentCount(ACME)).isEmpty();
  }

  @Test
  void renameStoresNewNameAndTime() {
    // when
    OrganizationDetails details = update("acme-labs", null, null);

    // then
    assertThat(storedOrganization().name()).isEqualTo(ACME_LABS);
    assertThat(storedOrganization().updatedAt()).isEqualTo(updateTime);
    assertThat(storedOrganization().createdAt()).isEqualTo(acme.organization().createdAt());
    assertThat(details.location().collectionName()).isEqualTo("org_acme-labs");
    assertThat(details.adminEmail()).contains(EmailAddress.of("admin@acme.io"));
  }

  @Test
  void findsRenamedOnlyByNewName() {
    // given
    update("acme-labs", null, null);
    GetOrganizationService get = ports.getOrganizationService();

    // when
    OrganizationDetails found = get.get(ACME_LABS, Optional.empty());

    // then
    assertThat(found.organization().id()).isEqualTo(acme.organization().id());
    assertThatExceptionOfType(OrganizationNotFound.class)
        .isThrownBy(() -> get.get(ACME, Optional.empty()));
  }

  @Test
  void changesEmail() {
    // when
    OrganizationDetails details = update(null, " New@Acme.io ", null);

    // then
    assertThat(storedAdmin().email()).isEqualTo(EmailAddress.of("new@acme.io"));
    assertThat(storedAdmin().credentialsVersion()).isEqualTo(1);
    assertThat(details.adminEmail()).contains(EmailAddress.of("new@acme.io"));
    assertThat(ports.admins().findByEmail(EmailAddress.of("admin@acme.io"))).isEmpty();
  }

  @Test
  void changedEmailLogsIn() {
    // given
    update(null, "new@acme.io", null);

    // when
    String adminId = ports.logInService().logIn("new@acme.io", Given.PASSWORD).adminId();

    // then
    assertThat(adminId).isEqualTo(caller.adminId());
  }

  @Test
  void passwordChangeBumpsCredentialsVersion() {
    // when
    update(null, null, "Changed123");

    // then
    assertThat(storedAdmin().credentialsVersion()).isEqualTo(2);
    assertThat(ports.hasher().hashCalls()).isEqualTo(1);
  }

  @Test
  void passwordChangeRevokesOlderTokens() {
    // given
    String oldToken = Given.tokenOf(ports, "acme");

    // when
    update(null, null, "Changed123");

    // then
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> ports.authenticateTokenService().authenticate(oldToken));
  }

  @Test
  void passwordChangeReplacesOldPassword() {
    // given
    update(null, null, "Changed123");
    LogInService logIn = ports.logInService();

    // when
    String adminId = logIn.logIn("admin@acme.io", "Changed123").adminId();

    // then
    assertThat(adminId).isEqualTo(caller.adminId());
    assertThatExceptionOfType(AuthenticationFailed.class)
        .isThrownBy(() -> logIn.logIn("admin@acme.io", Given.PASSWORD));
  }

  @Test
  void appliesAllThreeChanges() {
    // when
    update("acme-labs", "new@acme.io", "Changed123");

    // then
    assertThat(storedOrganization().name()).isEqualTo(ACME_LABS);
    assertThat(storedAdmin().email()).isEqualTo(EmailAddress.of("new@acme.io"));
    assertThat(storedAdmin().credentialsVersion()).isEqualTo(2);
    assertThat(ports.tenants().documentCount(ACME_LABS)).isEqualTo(OptionalInt.of(5));
  }

  @Test
  void keepsNameEqualToCurrent() {
    // when
    update(" ACME ", "new@acme.io", null);

    // then
    assertThat(ports.failures().calls(Operation.TENANT_RENAME)).isZero();
    assertThat(storedOrganization().name()).isEqualTo(ACME);
    assertThat(ports.tenants().documentCount(ACME)).isEqualTo(OptionalInt.of(5));
  }

  @Test
  void acceptsOwnEmail() {
    // when
    update(null, "ADMIN@acme.io", "Changed123");

    // then
    assertThat(storedAdmin().email()).isEqualTo(EmailAddress.of("admin@acme.io"));
    assertThat(storedAdmin().credentialsVersion()).isEqualTo(2);
  }

  @Test
  void rejectsTakenName() {
    // given
    StoredState before = ports.storedState();

    // when
    assertThatExceptionOfType(OrganizationNameTaken.class)
        .isThrownBy(() -> update("beta", null, "Changed123"));

    // then
    assertThat(ports.storedState()).isEqualTo(before);
    assertThat(ports.hasher().hashCalls()).isZero();
  }

  @Test
  void rejectsNameHeldByPendingOrganization() {
    // given
    Given.storedDirectly(ports, "gamma", OrganizationState.PENDING);
    StoredState before = ports.storedState();

    // when
    assertThatExceptionOfType(OrganizationNameTaken.class)
        .isThrownBy(() -> update("gamma", null, null));

    // then
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @Test
  void rejectsNameOfLeftoverStorage() {
    // given tenant storage without an organization
    ports.tenants().create(ACME_LABS);
    StoredState before = ports.storedState();

    // when
    assertThatExceptionOfType(OrganizationNameTaken.class)
        .isThrownBy(() -> update("acme-labs", null, null));

    // then
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @Test
  @Timeout(20)
  void rejectsOccupiedStorageBeforeClaimingName() {
    // given storage under the new name and a settle wait far longer than the timeout
    ports.tenants().create(ACME_LABS);
    UpdateOrganizationService patient = ports.updateOrganizationService(Duration.ofHours(1));
    int updatesBefore = ports.failures().calls(Operation.ORGANIZATION_UPDATE);

    // when
    assertThatExceptionOfType(OrganizationNameTaken.class)
        .isThrownBy(
            () -> patient.update(UpdateOrganizationCommand.of(caller, "acme-labs", null, null)));

    // then
    assertThat(ports.failures().calls(Operation.ORGANIZATION_UPDATE)).isEqualTo(updatesBefore);
  }

  @Test
  void rejectsTakenEmail() {
    // given
    StoredState before = ports.storedState();

    // when
    assertThatExceptionOfType(EmailTaken.class)
        .isThrownBy(() -> update("acme-labs", "Admin@Beta.io", "Changed123"));

    // then
    assertThat(ports.storedState()).isEqualTo(before);
    assertThat(ports.hasher().hashCalls()).isZero();
  }

  @ParameterizedTest
  @EnumSource(
      value = Operation.class,
      names = {
        "ORGANIZATION_FIND_BY_ID",
        "ADMIN_FIND_BY_ID",
        "ORGANIZATION_FIND_BY_NAME",
        "ADMIN_FIND_BY_EMAIL",
        "PASSWORD_HASH",
        "TENANT_RENAME",
        "ORGANIZATION_UPDATE",
        "ADMIN_UPDATE"
      })
  void failedStepRestoresPreviousState(Operation step) {
    // given
    StoredState before = ports.storedState();
    ports.failures().failOn(step);

    // when
    SimulatedFailure failure =
        assertThatExceptionOfType(SimulatedFailure.class)
            .isThrownBy(() -> update("acme-labs", "new@acme.io", "Changed123"))
            .actual();

    // then
    assertThat(failure.operation()).isEqualTo(step);
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @Test
  void failedStepKeepsOldTokenWorking() {
    // given
    String token = Given.tokenOf(ports, "acme");
    ports.failures().failOn(Operation.ADMIN_UPDATE);
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> update("acme-labs", null, "Changed123"));

    // when
    AuthenticatedAdmin admin = ports.authenticateTokenService().authenticate(token);

    // then
    assertThat(admin).isEqualTo(caller);
  }

  @Test
  void nameConflictAtUpdateRestoresStorage() {
    // given a concurrent request takes the name between the check and the update
    StoredState before = ports.storedState();
    ports
        .failures()
        .failOn(Operation.ORGANIZATION_UPDATE, () -> new OrganizationNameTaken(ACME_LABS));

    // when
    assertThatExceptionOfType(OrganizationNameTaken.class)
        .isThrownBy(() -> update("acme-labs", null, null));

    // then
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @Test
  void suppressesFailedUndoStep() {
    // given the admin update fails, and so does moving the storage back
    ports.failures().failOnCall(Operation.ADMIN_UPDATE, 1).failOnCall(Operation.TENANT_RENAME, 2);

    // when
    SimulatedFailure failure =
        assertThatExceptionOfType(SimulatedFailure.class)
            .isThrownBy(() -> update("acme-labs", "new@acme.io", null))
            .actual();

    // then
    assertThat(failure.operation()).isEqualTo(Operation.ADMIN_UPDATE);
    assertThat(failure.getSuppressed()).hasSize(1);
    assertThat(((SimulatedFailure) failure.getSuppressed()[0]).operation())
        .isEqualTo(Operation.TENANT_RENAME);
  }

  @Test
  void failedStorageMoveBackKeepsMetadataOnData() {
    // given the admin update fails, and so does moving the storage back
    ports.failures().failOnCall(Operation.ADMIN_UPDATE, 1).failOnCall(Operation.TENANT_RENAME, 2);

    // when
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> update("acme-labs", "new@acme.io", null));

    // then the metadata records the unfinished rename, so recovery finds the data
    assertThat(storedOrganization().name()).isEqualTo(ACME_LABS);
    assertThat(storedOrganization().storageName()).isEqualTo(ACME);
    assertThat(ports.tenants().documentCount(ACME_LABS)).isEqualTo(OptionalInt.of(5));
  }

  @Test
  void rejectsGoneOrganization() {
    // given
    ports.organizations().deleteById(acme.organization().id());

    // when / then
    assertThatExceptionOfType(InvalidToken.class).isThrownBy(() -> update("acme-labs", null, null));
  }

  @Test
  void rejectsOrganizationBeingDeleted() {
    // given
    Organization deleting =
        acme.organization().withState(OrganizationState.DELETING, ports.clock().instant());
    ports.organizations().update(deleting);

    // when / then
    assertThatExceptionOfType(InvalidToken.class).isThrownBy(() -> update(null, null, "New12345"));
  }

  @Test
  void rejectsGoneAdmin() {
    // given
    ports.admins().deleteByOrganizationId(acme.organization().id());
    StoredState before = ports.storedState();

    // when
    assertThatExceptionOfType(InvalidToken.class).isThrownBy(() -> update("acme-labs", null, null));

    // then
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @Test
  void rejectsAdminOfAnotherOrganization() {
    // given an admin id paired with another organization's id
    Organization beta = ports.organizations().findByName(OrganizationName.of("beta")).orElseThrow();
    caller = new AuthenticatedAdmin(beta.adminId(), acme.organization().id());
    StoredState before = ports.storedState();

    // when
    assertThatExceptionOfType(InvalidToken.class).isThrownBy(() -> update(null, null, "New12345"));

    // then
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(
      value = Operation.class,
      names = {"TENANT_RENAME", "ORGANIZATION_UPDATE", "ADMIN_UPDATE"})
  void appliedButFailedStepRestoresPreviousState(Operation step) {
    // given a write that is applied but reports a failure
    StoredState before = ports.storedState();
    ports.failures().failAfterEffect(step);

    // when
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> update("acme-labs", "new@acme.io", "Changed123"));

    // then
    assertThat(ports.storedState()).isEqualTo(before);
  }
}
