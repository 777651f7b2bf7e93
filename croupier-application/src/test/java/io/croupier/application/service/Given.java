package io.croupier.application.service;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.domain.AdminUser;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.MovePhase;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationState;
import io.croupier.domain.Password;
import io.croupier.domain.TenantMove;
import io.croupier.domain.TenantTier;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Shortcuts that put the fakes into a known state before the step under test. */
final class Given {

  static final String PASSWORD = "Secret123";

  private Given() {}

  /** Returns the email address of the admin that {@link #organization} creates for the name. */
  static String emailOf(String name) {
    return "admin@" + name + ".io";
  }

  /** Creates an active organization with its admin and storage through the create service. */
  static OrganizationDetails organization(FakePorts ports, String name) {
    return ports
        .createOrganizationService()
        .create(CreateOrganizationCommand.of(name, emailOf(name), PASSWORD));
  }

  /** Creates an active organization in the tier with its admin and storage. */
  static OrganizationDetails organization(FakePorts ports, String name, TenantTier tier) {
    CreateOrganizationCommand command =
        new CreateOrganizationCommand(
            OrganizationName.of(name),
            EmailAddress.of(emailOf(name)),
            Password.of(PASSWORD),
            Optional.of(tier));
    return ports.createOrganizationService().create(command);
  }

  /**
   * Records a move of the organization to the target tier in the phase, as a mover in that phase
   * would have left it, and returns the stored organization. In the cleaning phase the metadata
   * names the target tier already.
   */
  static Organization moveUnderWay(
      FakePorts ports, String organizationId, TenantTier target, MovePhase phase) {
    Organization stored = ports.organizations().findById(organizationId).orElseThrow();
    Instant now = ports.clock().instant();
    TenantMove move = TenantMove.begin(stored.tier(), target, now).inPhase(phase, now);
    Organization moving = stored.withMove(Optional.of(move), now);
    if (phase == MovePhase.CLEANING) {
      moving = moving.withTier(target, now);
    }
    if (!ports.organizations().updatePlacement(stored, moving)) {
      throw new IllegalStateException("The stored organization changed while the test set it up");
    }
    return ports.organizations().findById(organizationId).orElseThrow();
  }

  /** Stores an organization in the state with its admin directly, bypassing the services. */
  static Organization storedDirectly(FakePorts ports, String name, OrganizationState state) {
    Instant now = ports.clock().instant();
    String organizationId = UUID.randomUUID().toString();
    String adminId = UUID.randomUUID().toString();
    Organization organization =
        new Organization(organizationId, OrganizationName.of(name), adminId, state, now, now);
    String hash = ports.hasher().hash(Password.of(PASSWORD));
    AdminUser admin =
        new AdminUser(adminId, organizationId, EmailAddress.of(emailOf(name)), hash, 1, now, now);
    ports.organizations().insert(organization);
    ports.admins().insert(admin);
    return organization;
  }

  /** Returns the admin that the created organization's token would authenticate as. */
  static AuthenticatedAdmin adminOf(OrganizationDetails details) {
    Organization organization = details.organization();
    return new AuthenticatedAdmin(organization.adminId(), organization.id());
  }

  /** Logs the organization's admin in with the initial password and returns the token. */
  static String tokenOf(FakePorts ports, String name) {
    return ports.logInService().logIn(emailOf(name), PASSWORD).accessToken();
  }
}
