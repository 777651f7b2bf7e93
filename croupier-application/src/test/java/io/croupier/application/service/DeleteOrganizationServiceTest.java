package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.fakes.FakePorts;
import io.croupier.application.fakes.SimulatedFailure;
import io.croupier.application.fakes.StoredState;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationAccessDenied;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNotFound;
import io.croupier.domain.OrganizationState;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeleteOrganizationServiceTest {

  private static final OrganizationName ACME = OrganizationName.of("acme");

  private final FakePorts ports = FakePorts.create();
  private final DeleteOrganizationService service = ports.deleteOrganizationService();
  private OrganizationDetails acme;
  private AuthenticatedAdmin caller;
  private StoredState betaOnly;

  @BeforeEach
  void createOrganizationsWithData() {
    Given.organization(ports, "beta");
    betaOnly = ports.storedState();
    acme = Given.organization(ports, "acme");
    ports.tenants().addDocuments(ACME, 5);
    caller = Given.adminOf(acme);
  }

  @Test
  void removesOrganizationAdminAndStorage() {
    // when
    service.delete(caller, Optional.empty());

    // then
    assertThat(ports.storedState()).isEqualTo(betaOnly);
  }

  @Test
  void acceptsOwnNameAsConfirmation() {
    // when
    service.delete(caller, Optional.of(OrganizationName.of(" ACME ")));

    // then
    assertThat(ports.storedState()).isEqualTo(betaOnly);
  }

  @Test
  void rejectsOtherOrganizationAsConfirmation() {
    // given
    StoredState before = ports.storedState();

    // when
    OrganizationAccessDenied error =
        assertThatExceptionOfType(OrganizationAccessDenied.class)
            .isThrownBy(() -> service.delete(caller, Optional.of(OrganizationName.of("beta"))))
            .actual();

    // then
    assertThat(error.getMessage()).contains("'beta'");
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @Test
  void rejectsOrganizationAlreadyGone() {
    // given
    service.delete(caller, Optional.empty());

    // when / then
    assertThatExceptionOfType(OrganizationNotFound.class)
        .isThrownBy(() -> service.delete(caller, Optional.empty()));
  }

  @Test
  void rejectsOrganizationBeingDeleted() {
    // given
    Organization deleting =
        acme.organization().withState(OrganizationState.DELETING, ports.clock().instant());
    ports.organizations().update(deleting);
    StoredState before = ports.storedState();

    // when
    assertThatExceptionOfType(OrganizationNotFound.class)
        .isThrownBy(() -> service.delete(caller, Optional.empty()));

    // then
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @Test
  void revokesTokens() {
    // given
    String token = Given.tokenOf(ports, "acme");

    // when
    service.delete(caller, Optional.empty());

    // then
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> ports.authenticateTokenService().authenticate(token));
  }

  @Test
  void freesNameAndEmail() {
    // given
    service.delete(caller, Optional.empty());

    // when
    OrganizationDetails recreated = Given.organization(ports, "acme");

    // then
    assertThat(recreated.organization().id()).isNotEqualTo(acme.organization().id());
    assertThat(ports.tenants().documentCount(ACME)).hasValue(0);
  }

  @ParameterizedTest
  @EnumSource(
      value = Operation.class,
      names = {
        "ORGANIZATION_FIND_BY_ID",
        "ADMIN_FIND_BY_ID",
        "ORGANIZATION_UPDATE",
        "ADMIN_DELETE",
        "TENANT_DROP"
      })
  void failedStepRestoresOrganizationAndAdmin(Operation step) {
    // given
    StoredState before = ports.storedState();
    ports.failures().failOn(step);

    // when
    SimulatedFailure failure =
        assertThatExceptionOfType(SimulatedFailure.class)
            .isThrownBy(() -> service.delete(caller, Optional.empty()))
            .actual();

    // then
    assertThat(failure.operation()).isEqualTo(step);
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @Test
  void failedDropKeepsTokenWorking() {
    // given
    String token = Given.tokenOf(ports, "acme");
    ports.failures().failOn(Operation.TENANT_DROP);
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> service.delete(caller, Optional.empty()));

    // when
    AuthenticatedAdmin admin = ports.authenticateTokenService().authenticate(token);

    // then
    assertThat(admin).isEqualTo(caller);
  }

  @Test
  void failedFinalRemovalLeavesInvisibleOrganization() {
    // given
    ports.failures().failOn(Operation.ORGANIZATION_DELETE);

    // when
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> service.delete(caller, Optional.empty()));

    // then
    assertThat(storedAcme().state()).isEqualTo(OrganizationState.DELETING);
    assertThat(ports.admins().findById(caller.adminId())).isEmpty();
    assertThat(ports.tenants().documentCount(ACME)).isEmpty();
    assertThatExceptionOfType(OrganizationNotFound.class)
        .isThrownBy(() -> ports.getOrganizationService().get(ACME, Optional.empty()));
  }

  private Organization storedAcme() {
    return ports.organizations().findById(acme.organization().id()).orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(
      value = Operation.class,
      names = {"ORGANIZATION_UPDATE", "ADMIN_DELETE"})
  void appliedButFailedStepRestoresOrganizationAndAdmin(Operation step) {
    // given a write that is applied but reports a failure
    StoredState before = ports.storedState();
    ports.failures().failAfterEffect(step);

    // when
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> service.delete(caller, Optional.empty()));

    // then
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @Test
  void appliedButFailedDropFinishesDelete() {
    // given a drop that is applied but reports a failure
    ports.failures().failAfterEffect(Operation.TENANT_DROP);

    // when
    service.delete(caller, Optional.empty());

    // then
    assertThat(ports.storedState()).isEqualTo(betaOnly);
  }
}
