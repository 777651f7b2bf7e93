package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.fakes.FakePorts;
import io.croupier.application.fakes.SimulatedFailure;
import io.croupier.application.fakes.StoredState;
import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.domain.AdminUser;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.EmailTaken;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.OrganizationState;
import io.croupier.domain.Password;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CreateOrganizationServiceTest {

  private static final OrganizationName ACME = OrganizationName.of("acme");

  private final FakePorts ports = FakePorts.create();
  private final CreateOrganizationService service = ports.createOrganizationService();

  private static CreateOrganizationCommand acmeCommand() {
    return CreateOrganizationCommand.of("Acme", " Admin@Acme.io ", "Secret123");
  }

  @Test
  void storesActiveOrganization() {
    // when
    OrganizationDetails details = service.create(acmeCommand());

    // then
    Organization stored = ports.organizations().findById(details.organization().id()).orElseThrow();
    assertThat(stored.state()).isEqualTo(OrganizationState.ACTIVE);
    assertThat(stored.name()).isEqualTo(ACME);
    assertThat(stored.createdAt()).isEqualTo(ports.clock().instant());
    assertThat(stored.updatedAt()).isEqualTo(ports.clock().instant());
  }

  @Test
  void storesAdminWithFirstCredentialsVersion() {
    // when
    OrganizationDetails details = service.create(acmeCommand());

    // then
    AdminUser admin = ports.admins().findByEmail(EmailAddress.of("admin@acme.io")).orElseThrow();
    assertThat(admin.credentialsVersion()).isEqualTo(1);
    assertThat(admin.organizationId()).isEqualTo(details.organization().id());
    assertThat(admin.id()).isEqualTo(details.organization().adminId());
  }

  @Test
  void storesHashInsteadOfPassword() {
    // when
    service.create(acmeCommand());

    // then
    AdminUser admin = ports.admins().all().get(0);
    assertThat(admin.passwordHash()).doesNotContain("Secret123");
    assertThat(ports.hasher().matches(Password.candidate("Secret123"), admin.passwordHash()))
        .isTrue();
  }

  @Test
  void createsEmptyTenantStorage() {
    // when
    service.create(acmeCommand());

    // then
    assertThat(ports.tenants().collectionNames()).containsExactly("org_acme");
    assertThat(ports.tenants().documentCount(ACME)).isEqualTo(OptionalInt.of(0));
  }

  @Test
  void returnsEmailAndLocation() {
    // when
    OrganizationDetails details = service.create(acmeCommand());

    // then
    assertThat(details.adminEmail()).contains(EmailAddress.of("admin@acme.io"));
    assertThat(details.location().collectionName()).isEqualTo("org_acme");
    assertThat(details.location().connectionDetails()).isEqualTo("Collection: org_acme");
  }

  @Test
  void hashesPasswordOnce() {
    // when
    service.create(acmeCommand());

    // then
    assertThat(ports.hasher().hashCalls()).isEqualTo(1);
  }

  @Test
  void rejectsDuplicateOrganizationName() {
    // given
    Given.organization(ports, "acme");
    StoredState before = ports.storedState();
    ports.hasher().resetCounts();

    // when
    assertThatExceptionOfType(OrganizationNameTaken.class)
        .isThrownBy(
            () -> service.create(CreateOrganizationCommand.of(" ACME ", "new@x.io", "Secret123")));

    // then
    assertThat(ports.storedState()).isEqualTo(before);
    assertThat(ports.hasher().hashCalls()).isZero();
  }

  @ParameterizedTest
  @EnumSource(
      value = OrganizationState.class,
      names = {"PENDING", "DELETING"})
  void rejectsNameHeldByInvisibleOrganization(OrganizationState state) {
    // given
    Given.storedDirectly(ports, "acme", state);
    StoredState before = ports.storedState();

    // when
    assertThatExceptionOfType(OrganizationNameTaken.class)
        .isThrownBy(
            () -> service.create(CreateOrganizationCommand.of("acme", "new@x.io", "Secret123")));

    // then
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @Test
  void rejectsDuplicateEmail() {
    // given
    Given.organization(ports, "acme");
    StoredState before = ports.storedState();
    ports.hasher().resetCounts();

    // when
    EmailTaken error =
        assertThatExceptionOfType(EmailTaken.class)
            .isThrownBy(
                () ->
                    service.create(
                        CreateOrganizationCommand.of("beta", " ADMIN@acme.io", "Secret123")))
            .actual();

    // then
    assertThat(error.email().value()).isEqualTo("admin@acme.io");
    assertThat(ports.storedState()).isEqualTo(before);
    assertThat(ports.hasher().hashCalls()).isZero();
  }

  @ParameterizedTest
  @EnumSource(
      value = Operation.class,
      names = {
        "ORGANIZATION_FIND_BY_NAME",
        "ADMIN_FIND_BY_EMAIL",
        "PASSWORD_HASH",
        "ORGANIZATION_INSERT",
        "ADMIN_INSERT",
        "TENANT_CREATE",
        "ORGANIZATION_UPDATE"
      })
  void failedStepLeavesNothing(Operation step) {
    // given
    ports.failures().failOn(step);

    // when
    SimulatedFailure failure =
        assertThatExceptionOfType(SimulatedFailure.class)
            .isThrownBy(() -> service.create(acmeCommand()))
            .actual();

    // then
    assertThat(failure.operation()).isEqualTo(step);
    assertThat(ports.storedState()).isEqualTo(StoredState.empty());
  }

  @ParameterizedTest
  @EnumSource(
      value = Operation.class,
      names = {"ORGANIZATION_INSERT", "ADMIN_INSERT", "ORGANIZATION_UPDATE"})
  void undoesWriteAppliedBeforeFailure(Operation step) {
    // given
    ports.failures().failAfterEffect(step);

    // when
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> service.create(acmeCommand()));

    // then
    assertThat(ports.storedState()).isEqualTo(StoredState.empty());
  }

  @Test
  void failedCreateAllowsRetry() {
    // given
    ports.failures().failOn(Operation.TENANT_CREATE);
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> service.create(acmeCommand()));
    ports.failures().clear();

    // when
    OrganizationDetails details = service.create(acmeCommand());

    // then
    assertThat(details.organization().state()).isEqualTo(OrganizationState.ACTIVE);
    assertThat(ports.organizations().all()).hasSize(1);
  }

  @Test
  void nameConflictAtInsertLeavesNothing() {
    // given a concurrent request takes the name between the check and the insert
    ports.failures().failOn(Operation.ORGANIZATION_INSERT, () -> new OrganizationNameTaken(ACME));

    // when
    assertThatExceptionOfType(OrganizationNameTaken.class)
        .isThrownBy(() -> service.create(acmeCommand()));

    // then
    assertThat(ports.storedState()).isEqualTo(StoredState.empty());
  }

  @Test
  void emailConflictAtInsertLeavesNothing() {
    // given a concurrent request takes the email between the check and the insert
    EmailAddress email = EmailAddress.of("admin@acme.io");
    ports.failures().failOn(Operation.ADMIN_INSERT, () -> new EmailTaken(email));

    // when
    assertThatExceptionOfType(EmailTaken.class).isThrownBy(() -> service.create(acmeCommand()));

    // then
    assertThat(ports.storedState()).isEqualTo(StoredState.empty());
  }

  @Test
  void keepsStorageItDidNotCreate() {
    // given tenant storage left behind without an organization
    ports.tenants().create(ACME);
    ports.tenants().addDocuments(ACME, 3);

    // when
    assertThatExceptionOfType(OrganizationNameTaken.class)
        .isThrownBy(() -> service.create(acmeCommand()));

    // then
    assertThat(ports.organizations().all()).isEmpty();
    assertThat(ports.admins().all()).isEmpty();
    assertThat(ports.tenants().documentCount(ACME)).isEqualTo(OptionalInt.of(3));
  }

  @Test
  void suppressesFailedUndoStep() {
    // given
    ports.failures().failOn(Operation.ORGANIZATION_UPDATE).failOn(Operation.TENANT_DROP);

    // when
    SimulatedFailure failure =
        assertThatExceptionOfType(SimulatedFailure.class)
            .isThrownBy(() -> service.create(acmeCommand()))
            .actual();

    // then
    assertThat(failure.operation()).isEqualTo(Operation.ORGANIZATION_UPDATE);
    assertThat(failure.getSuppressed()).hasSize(1);
    assertThat(((SimulatedFailure) failure.getSuppressed()[0]).operation())
        .isEqualTo(Operation.TENANT_DROP);
    assertThat(ports.admins().all()).isEmpty();
    assertThat(ports.organizations().all()).isEmpty();
  }

  @Test
  void undoesStorageCreatedDespiteFailure() {
    // given storage creation that is applied but reports a failure
    ports.failures().failAfterEffect(Operation.TENANT_CREATE);

    // when
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> service.create(acmeCommand()));

    // then
    assertThat(ports.storedState()).isEqualTo(StoredState.empty());
  }
}
