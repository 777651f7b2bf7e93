package io.croupier.application.service;

import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.RequestOrigin;
import io.croupier.application.port.in.UpdateOrganizationCommand;
import io.croupier.application.port.in.UpdateOrganizationUseCase;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditLog;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.PasswordHasher;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.application.service.AuditTrail.Subject;
import io.croupier.domain.AdminUser;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.EmailTaken;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationMoving;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.Password;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a rename, an email change and a password change together. Conflicts are checked before
 * anything changes; the steps then run metadata first, storage second and admin last, and a failed
 * step undoes the earlier ones. The audit event names the fields that changed, never their values.
 */
public final class UpdateOrganizationService implements UpdateOrganizationUseCase {

  private final OrganizationRepository organizations;
  private final AdminRepository admins;
  private final TenantStorage tenants;
  private final PasswordHasher hasher;
  private final AuditTrail audit;
  private final Clock clock;

  public UpdateOrganizationService(
      OrganizationRepository organizations,
      AdminRepository admins,
      TenantStorage tenants,
      PasswordHasher hasher,
      AuditLog auditLog,
      Clock clock) {
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.admins = Objects.requireNonNull(admins, "admins");
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = new AuditTrail(auditLog, clock);
  }

  @Override
  public OrganizationDetails update(UpdateOrganizationCommand command, RequestOrigin origin) {
    Objects.requireNonNull(origin, "origin");
    Organization organization =
        organizations
            .findById(command.caller().organizationId())
            .filter(Organization::isActive)
            .orElseThrow(InvalidToken::new);
    AdminUser admin =
        admins
            .findById(command.caller().adminId())
            .filter(found -> found.organizationId().equals(organization.id()))
            .orElseThrow(InvalidToken::new);

    Optional<OrganizationName> rename =
        command.newName().filter(name -> !name.equals(organization.name()));
    if (rename.isPresent() && organization.move().isPresent()) {
      throw new OrganizationMoving(organization.name(), organization.move().get());
    }
    Optional<EmailAddress> newEmail = command.newEmail().filter(e -> !e.equals(admin.email()));
    checkAvailable(rename, newEmail);

    Instant now = clock.instant();
    Organization updatedOrganization =
        rename.map(name -> organization.withName(name, now)).orElse(organization.touchedAt(now));
    AdminUser updatedAdmin = admin;
    if (newEmail.isPresent()) {
      updatedAdmin = updatedAdmin.withEmail(newEmail.get(), now);
    }
    if (command.newPassword().isPresent()) {
      updatedAdmin = updatedAdmin.withPasswordHash(hasher.hash(command.newPassword().get()), now);
    }

    Organization stored = apply(organization, updatedOrganization, admin, updatedAdmin);
    audit.record(
        Subject.success(AuditAction.ORGANIZATION_UPDATED, admin.id(), stored, origin),
        changedFields(rename, newEmail, command.newPassword()));
    return new OrganizationDetails(
        stored, Optional.of(updatedAdmin.email()), tenants.locate(TenantPlacement.of(stored)));
  }

  private static List<String> changedFields(
      Optional<OrganizationName> rename,
      Optional<EmailAddress> newEmail,
      Optional<Password> newPassword) {
    List<String> fields = new ArrayList<>();
    rename.ifPresent(name -> fields.add(OrganizationName.FIELD));
    newEmail.ifPresent(email -> fields.add(EmailAddress.FIELD));
    newPassword.ifPresent(password -> fields.add(Password.FIELD));
    return fields;
  }

  private void checkAvailable(Optional<OrganizationName> rename, Optional<EmailAddress> email) {
    if (rename.isPresent() && organizations.findByName(rename.get()).isPresent()) {
      throw new OrganizationNameTaken(rename.get());
    }
    if (email.isPresent() && admins.findByEmail(email.get()).isPresent()) {
      throw new EmailTaken(email.get());
    }
  }

  /** Applies the changes and returns the organization as stored. */
  private Organization apply(
      Organization before, Organization after, AdminUser adminBefore, AdminUser adminAfter) {
    boolean renamed = !before.name().equals(after.name());
    TenantPlacement placement = TenantPlacement.of(before);
    try {
      // The metadata goes first: its unique index lets exactly one of several concurrent renames
      // claim a name, so storage moves only for the request that owns the new name. Until the
      // storage has moved, the metadata records the name it is still under.
      organizations.update(after);
      Organization settled = after;
      if (renamed) {
        tenants.rename(placement, after.name());
        settled = after.withStorageUnderName(after.updatedAt());
        organizations.update(settled);
      }
      if (!adminAfter.equals(adminBefore)) {
        admins.update(adminAfter);
      }
      return settled;
    } catch (RuntimeException failure) {
      // A write that reports a failure may still have been applied, so each undo step runs
      // whether or not its step seemed to succeed. Replacing a document with its previous
      // version is harmless when it did not change, and the storage moves back only if it
      // sits under the new name.
      Undo undo = new Undo(failure);
      if (!adminAfter.equals(adminBefore)) {
        undo.run(() -> admins.update(adminBefore));
      }
      if (renamed) {
        undo.run(() -> moveStorageBack(placement, after.name()));
      }
      undo.run(() -> organizations.update(before));
      throw failure;
    }
  }

  private void moveStorageBack(TenantPlacement original, OrganizationName newName) {
    TenantPlacement moved = original.named(newName);
    if (tenants.exists(moved) && !tenants.exists(original)) {
      tenants.rename(moved, original.storageName());
    }
  }
}
