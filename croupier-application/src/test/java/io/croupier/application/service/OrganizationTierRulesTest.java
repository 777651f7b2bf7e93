package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.fakes.InMemoryTenantStorage;
import io.croupier.application.fakes.StoredState;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.UpdateOrganizationCommand;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.MovePhase;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationMoving;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.Password;
import io.croupier.domain.TenantTier;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How create, update and delete treat an organization's tier and a move under way. */
class OrganizationTierRulesTest {

  private static final OrganizationName ACME = OrganizationName.of("acme");

  private final FakePorts ports = FakePorts.create();

  private static CreateOrganizationCommand acmeCommand(Optional<TenantTier> tier) {
    return new CreateOrganizationCommand(
        ACME, EmailAddress.of("admin@acme.io"), Password.of(Given.PASSWORD), tier);
  }

  private CreateOrganizationService createServiceWithDefault(TenantTier defaultTier) {
    return new CreateOrganizationService(
        ports.organizations(),
        ports.admins(),
        ports.tenants(),
        ports.hasher(),
        ports.auditLog(),
        ports.clock(),
        defaultTier);
  }

  private Organization stored(String id) {
    return ports.organizations().findById(id).orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(TenantTier.class)
  void createUsesTierOfCommand(TenantTier tier) {
    // given
    CreateOrganizationService service = createServiceWithDefault(TenantTier.COLLECTION);

    // when
    OrganizationDetails details = service.create(acmeCommand(Optional.of(tier)));

    // then
    assertThat(details.organization().tier()).isEqualTo(tier);
    assertThat(stored(details.organization().id()).tier()).isEqualTo(tier);
  }

  @ParameterizedTest
  @EnumSource(TenantTier.class)
  void createUsesDefaultTierWhenCommandNamesNone(TenantTier defaultTier) {
    // given
    CreateOrganizationService service = createServiceWithDefault(defaultTier);

    // when
    OrganizationDetails details = service.create(acmeCommand(Optional.empty()));

    // then
    assertThat(stored(details.organization().id()).tier()).isEqualTo(defaultTier);
  }

  @Test
  void commandTierWinsOverDefault() {
    // given
    CreateOrganizationService service = createServiceWithDefault(TenantTier.SHARED);

    // when
    OrganizationDetails details = service.create(acmeCommand(Optional.of(TenantTier.DATABASE)));

    // then
    assertThat(details.organization().tier()).isEqualTo(TenantTier.DATABASE);
  }

  @Test
  void createMakesStorageInChosenTier() {
    // given
    CreateOrganizationService service = createServiceWithDefault(TenantTier.COLLECTION);

    // when
    OrganizationDetails details = service.create(acmeCommand(Optional.of(TenantTier.DATABASE)));

    // then
    String key = InMemoryTenantStorage.key(TenantPlacement.of(details.organization()));
    assertThat(ports.tenants().collectionNames()).containsExactly(key);
    assertThat(details.location().collectionName()).isEqualTo(key);
  }

  @Test
  void createStoresSettledOrganization() {
    // when
    OrganizationDetails details = Given.organization(ports, "acme", TenantTier.SHARED);

    // then
    Organization organization = stored(details.organization().id());
    assertThat(organization.storageName()).isEqualTo(ACME);
    assertThat(organization.move()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(MovePhase.class)
  void updateRejectsRenameDuringMove(MovePhase phase) {
    // given
    AuthenticatedAdmin admin = Given.adminOf(Given.organization(ports, "acme"));
    Given.moveUnderWay(ports, admin.organizationId(), TenantTier.SHARED, phase);
    StoredState before = ports.storedState();

    // when
    OrganizationMoving error =
        assertThatExceptionOfType(OrganizationMoving.class)
            .isThrownBy(
                () ->
                    ports
                        .updateOrganizationService()
                        .update(UpdateOrganizationCommand.of(admin, "beta", null, null)))
            .actual();

    // then
    assertThat(error.getMessage()).contains("'acme' is moving from tier collection to tier shared");
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @Test
  void updateRejectsRenameWithEmailChangeDuringMove() {
    // given
    AuthenticatedAdmin admin = Given.adminOf(Given.organization(ports, "acme"));
    Given.moveUnderWay(ports, admin.organizationId(), TenantTier.DATABASE, MovePhase.COPYING);
    StoredState before = ports.storedState();

    // when
    assertThatExceptionOfType(OrganizationMoving.class)
        .isThrownBy(
            () ->
                ports
                    .updateOrganizationService()
                    .update(UpdateOrganizationCommand.of(admin, "beta", "new@acme.io", null)));

    // then
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(MovePhase.class)
  void updateAllowsEmailChangeDuringMove(MovePhase phase) {
    // given
    AuthenticatedAdmin admin = Given.adminOf(Given.organization(ports, "acme"));
    Organization moving =
        Given.moveUnderWay(ports, admin.organizationId(), TenantTier.SHARED, phase);

    // when
    OrganizationDetails details =
        ports
            .updateOrganizationService()
            .update(UpdateOrganizationCommand.of(admin, null, "new@acme.io", null));

    // then
    assertThat(details.adminEmail()).contains(EmailAddress.of("new@acme.io"));
    assertThat(stored(admin.organizationId()).move()).isEqualTo(moving.move());
    assertThat(stored(admin.organizationId()).tier()).isEqualTo(moving.tier());
  }

  @Test
  void updateAllowsUnchangedNameDuringMove() {
    // given
    AuthenticatedAdmin admin = Given.adminOf(Given.organization(ports, "acme"));
    Given.moveUnderWay(ports, admin.organizationId(), TenantTier.SHARED, MovePhase.SWITCHING);

    // when
    OrganizationDetails details =
        ports
            .updateOrganizationService()
            .update(UpdateOrganizationCommand.of(admin, " ACME ", null, "NewSecret456"));

    // then
    assertThat(details.organization().name()).isEqualTo(ACME);
  }

  @Test
  void updateAllowsRenameOnceMoveHasEnded() {
    // given
    AuthenticatedAdmin admin = Given.adminOf(Given.organization(ports, "acme"));
    Organization moving =
        Given.moveUnderWay(ports, admin.organizationId(), TenantTier.SHARED, MovePhase.CLEANING);
    ports
        .organizations()
        .updatePlacement(moving, moving.withMove(Optional.empty(), ports.clock().instant()));

    // when
    OrganizationDetails details =
        ports
            .updateOrganizationService()
            .update(UpdateOrganizationCommand.of(admin, "beta", null, null));

    // then
    assertThat(details.organization().name()).isEqualTo(OrganizationName.of("beta"));
  }

  @ParameterizedTest
  @EnumSource(MovePhase.class)
  void deleteRejectsOrganizationDuringMove(MovePhase phase) {
    // given
    AuthenticatedAdmin admin = Given.adminOf(Given.organization(ports, "acme"));
    Given.moveUnderWay(ports, admin.organizationId(), TenantTier.DATABASE, phase);
    StoredState before = ports.storedState();

    // when
    assertThatExceptionOfType(OrganizationMoving.class)
        .isThrownBy(() -> ports.deleteOrganizationService().delete(admin, Optional.empty()));

    // then
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(TenantTier.class)
  void deleteDropsStorageOfOrganizationsTier(TenantTier tier) {
    // given
    AuthenticatedAdmin admin = Given.adminOf(Given.organization(ports, "acme", tier));
    new TenantDocumentsService(
            ports.organizations(), ports.tenants(), ports.journal(), ports.clock())
        .create(admin, DocumentBody.of(Map.of("a", 1)));

    // when
    ports.deleteOrganizationService().delete(admin, Optional.empty());

    // then
    assertThat(ports.storedState().isEmpty()).isTrue();
  }
}
