package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.fakes.FakePorts;
import io.croupier.application.fakes.InMemoryTenantStorage;
import io.croupier.application.fakes.StoredState;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.MoveProgress;
import io.croupier.application.port.in.UpdateOrganizationCommand;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.domain.AdminUser;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.Password;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantTier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stops a create, rename, delete or move at each store call, as a process that dies there would,
 * then runs a recovery. Every organization must then be complete or gone, with no admin, storage or
 * metadata left without the rest.
 */
class ProcessDeathRecoveryTest {

  private static final OrganizationName ACME = OrganizationName.of("acme");
  private static final OrganizationName RENAMED = OrganizationName.of("acme-renamed");
  private static final Duration STALE_AFTER = Duration.ofSeconds(30);
  private static final int DOCUMENTS = 3;

  private final FakePorts ports = FakePorts.create();
  private final TenantDocumentsService documents =
      new TenantDocumentsService(
          ports.organizations(), ports.tenants(), ports.journal(), ports.clock());
  private final RecoverOrganizationsService recovery =
      new RecoverOrganizationsService(
          ports.organizations(), ports.admins(), ports.tenants(), ports.clock());
  private String acmeId;

  /** Stands for the death of the process; services undo steps only for runtime exceptions. */
  private static final class ProcessDied extends Error {
    ProcessDied() {
      super("process died", null, false, false);
    }
  }

  private static Stream<Arguments> deathsPerTier(Object[][] deaths) {
    List<Arguments> cases = new ArrayList<>();
    for (TenantTier tier : TenantTier.values()) {
      for (Object[] death : deaths) {
        cases.add(Arguments.of(tier, death[0], death[1]));
      }
    }
    return cases.stream();
  }

  static Stream<Arguments> createDeaths() {
    // Only the collection tier looks for leftover storage before it creates storage.
    return deathsPerTier(
            new Object[][] {
              {Operation.ORGANIZATION_INSERT, 1},
              {Operation.ADMIN_INSERT, 1},
              {Operation.TENANT_EXISTS, 1},
              {Operation.TENANT_CREATE, 1},
              {Operation.ORGANIZATION_UPDATE, 1}
            })
        .filter(
            arguments ->
                arguments.get()[1] != Operation.TENANT_EXISTS
                    || arguments.get()[0] == TenantTier.COLLECTION);
  }

  static Stream<Arguments> renameDeaths() {
    return deathsPerTier(
        new Object[][] {
          {Operation.ORGANIZATION_UPDATE, 1},
          {Operation.TENANT_RENAME, 1},
          {Operation.ORGANIZATION_UPDATE, 2},
          {Operation.ADMIN_UPDATE, 1}
        });
  }

  static Stream<Arguments> deleteDeaths() {
    return deathsPerTier(
        new Object[][] {
          {Operation.ORGANIZATION_UPDATE, 1},
          {Operation.ADMIN_DELETE, 1},
          {Operation.TENANT_DROP, 1},
          {Operation.ORGANIZATION_DELETE, 1}
        });
  }

  /**
   * Returns deaths before each move step; its metadata updates are start, switch, clean and end.
   */
  static Stream<Arguments> moveDeaths() {
    return deathsPerTier(
        new Object[][] {
          {Operation.TENANT_CREATE, 1},
          {Operation.ORGANIZATION_UPDATE, 2},
          {Operation.ORGANIZATION_UPDATE, 3},
          {Operation.TENANT_DROP, 1},
          {Operation.ORGANIZATION_UPDATE, 4}
        });
  }

  private void dieAt(Operation operation, int call) {
    ports
        .failures()
        .failOnCall(
            operation,
            call,
            () -> {
              throw new ProcessDied();
            });
  }

  private void recoverOnceStale() {
    ports.failures().clear();
    ports.clock().advance(STALE_AFTER);
    recovery.recover(STALE_AFTER);
  }

  /** Creates an organization in the tier with documents, through the services. */
  private AuthenticatedAdmin organizationWithDocuments(String name, TenantTier tier) {
    AuthenticatedAdmin admin = Given.adminOf(Given.organization(ports, name, tier));
    for (int index = 0; index < DOCUMENTS; index++) {
      documents.create(admin, DocumentBody.of(Map.of("n", index)));
    }
    return admin;
  }

  private List<TenantDocument> documentsOf(Organization organization) {
    return ports
        .tenants()
        .documents(TenantPlacement.of(organization))
        .page(Optional.empty(), Integer.MAX_VALUE);
  }

  private Optional<Organization> acme() {
    return ports.organizations().all().stream()
        .filter(organization -> organization.id().equals(acmeId))
        .findFirst();
  }

  /**
   * Checks that every organization is active and settled, with exactly its own admin and its
   * storage in its tier, and that no admin or storage belongs to no organization.
   */
  private void assertEveryOrganizationCompleteOrAbsent() {
    StoredState state = ports.storedState();
    Set<String> expectedStorage = new HashSet<>();
    for (Organization organization : state.organizations().values()) {
      String name = organization.name().value();
      assertThat(organization.isActive()).as(name + " is active").isTrue();
      assertThat(organization.move()).as(name + " has a move").isEmpty();
      assertThat(organization.isRenaming()).as(name + " is renaming").isFalse();
      assertThat(state.admins().get(organization.adminId()))
          .as(name + " has its admin")
          .extracting(AdminUser::organizationId)
          .isEqualTo(organization.id());
      String key = InMemoryTenantStorage.key(TenantPlacement.of(organization));
      expectedStorage.add(key);
      if (organization.tier() != TenantTier.SHARED) {
        // Storage in the shared tier exists only while it contains a document.
        assertThat(state.documentsByCollection()).as(name + " has its storage").containsKey(key);
      }
    }
    Set<String> owners =
        state.admins().values().stream().map(AdminUser::organizationId).collect(Collectors.toSet());
    assertThat(state.organizations().keySet())
        .as("organizations of the admins")
        .containsAll(owners);
    assertThat(state.admins()).as("admins").hasSameSizeAs(state.organizations());
    assertThat(expectedStorage)
        .as("storage of the organizations")
        .containsAll(state.documentsByCollection().keySet());
  }

  /** Checks that acme's storage exists in its tier with every document, where that is visible. */
  private void assertAcmeKeepsDocuments(List<TenantDocument> before) {
    Organization organization = acme().orElseThrow();
    assertThat(documentsOf(organization)).as("documents of acme").isEqualTo(before);
    assertThat(ports.storedState().documentsByCollection())
        .as("storage of acme")
        .containsKey(InMemoryTenantStorage.key(TenantPlacement.of(organization)));
  }

  @ParameterizedTest(name = "{0}: dies before {1} call {2}")
  @MethodSource("createDeaths")
  void createStoppedAtAnyStepIsUndone(TenantTier tier, Operation operation, int call) {
    // given
    organizationWithDocuments("beta", TenantTier.COLLECTION);
    StoredState before = ports.storedState();
    dieAt(operation, call);
    CreateOrganizationCommand command =
        new CreateOrganizationCommand(
            ACME, EmailAddress.of("admin@acme.io"), Password.of(Given.PASSWORD), Optional.of(tier));

    // when
    assertThatThrownBy(() -> ports.createOrganizationService().create(command))
        .isInstanceOf(ProcessDied.class);
    recoverOnceStale();

    // then
    assertEveryOrganizationCompleteOrAbsent();
    assertThat(ports.storedState()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}: dies before {1} call {2}")
  @MethodSource("renameDeaths")
  void renameStoppedAtAnyStepLeavesOrganizationComplete(
      TenantTier tier, Operation operation, int call) {
    // given
    organizationWithDocuments("beta", tier);
    AuthenticatedAdmin admin = organizationWithDocuments("acme", tier);
    acmeId = admin.organizationId();
    List<TenantDocument> before = documentsOf(acme().orElseThrow());
    dieAt(operation, call);
    UpdateOrganizationCommand command =
        UpdateOrganizationCommand.of(admin, RENAMED.value(), "new@acme.io", null);

    // when
    assertThatThrownBy(() -> ports.updateOrganizationService().update(command))
        .isInstanceOf(ProcessDied.class);
    recoverOnceStale();

    // then
    assertEveryOrganizationCompleteOrAbsent();
    assertAcmeKeepsDocuments(before);
    assertThat(acme().orElseThrow().name()).isIn(ACME, RENAMED);
  }

  @ParameterizedTest(name = "{0}: dies before {1} call {2}")
  @MethodSource("deleteDeaths")
  void deleteStoppedAtAnyStepIsFinishedOrUntouched(TenantTier tier, Operation operation, int call) {
    // given
    organizationWithDocuments("beta", tier);
    StoredState betaOnly = ports.storedState();
    AuthenticatedAdmin admin = organizationWithDocuments("acme", tier);
    acmeId = admin.organizationId();
    StoredState withAcme = ports.storedState();
    dieAt(operation, call);

    // when
    assertThatThrownBy(() -> ports.deleteOrganizationService().delete(admin, Optional.empty()))
        .isInstanceOf(ProcessDied.class);
    recoverOnceStale();

    // then
    assertEveryOrganizationCompleteOrAbsent();
    assertThat(ports.storedState()).isIn(betaOnly, withAcme);
  }

  @ParameterizedTest(name = "from {0}: dies before {1} call {2}")
  @MethodSource("moveDeaths")
  void moveStoppedAtAnyStepIsRolledBackOrFinished(
      TenantTier source, Operation operation, int call) {
    // given
    TenantTier target = source == TenantTier.SHARED ? TenantTier.DATABASE : TenantTier.SHARED;
    organizationWithDocuments("beta", source);
    AuthenticatedAdmin admin = organizationWithDocuments("acme", source);
    acmeId = admin.organizationId();
    List<TenantDocument> before = documentsOf(acme().orElseThrow());
    MoveOrganizationService mover =
        new MoveOrganizationService(
            ports.organizations(), ports.tenants(), ports.journal(), ports.clock(), Duration.ZERO);
    dieAt(operation, call);

    // when
    assertThatThrownBy(() -> mover.move(ACME, target, MoveProgress.NONE))
        .isInstanceOf(ProcessDied.class);
    recoverOnceStale();

    // then
    assertEveryOrganizationCompleteOrAbsent();
    assertAcmeKeepsDocuments(before);
    assertThat(acme().orElseThrow().tier()).isIn(source, target);
  }
}
