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
import io.croupier.domain.OrganizationChanged;
import io.croupier.domain.OrganizationMoving;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.Password;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a rename, an email change and a password change together. Conflicts are checked before
 * anything changes; the steps then run metadata first, storage second and admin last, and a failed
 * step undoes the earlier ones. Metadata writes are compare-and-sets against the state read, so of
 * concurrent updates of one organization one wins and the others fail with {@link
 * OrganizationChanged} and change nothing. The audit event names the fields that changed, never
 * their values.
 *
 * <p>In the collection tier a rename renames the collection that document writes address. Once the
 * metadata records the rename, the documents service rejects writes, and the rename waits {@code
 * settle} for writes that passed their check before that, so that none of them lands in the old
 * collection after it was renamed.
 */
public final class UpdateOrganizationService implements UpdateOrganizationUseCase {

  private final OrganizationRepository organizations;
  private final AdminRepository admins;
  private final TenantStorage tenants;
  private final PasswordHasher hasher;
  private final AuditTrail audit;
  private final Clock clock;
  private final Duration settle;

  public UpdateOrganizationService(
      OrganizationRepository organizations,
      AdminRepository admins,
      TenantStorage tenants,
      PasswordHasher hasher,
      AuditLog auditLog,
      Clock clock,
      Duration settle) {
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.admins = Objects.requireNonNull(admins, "admins");
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settle = Objects.requireNonNull(settle, "settle");
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
    if (organization.isRenaming()) {
      // Another request is moving the storage to the new name, or recovery will finish it.
      throw new OrganizationChanged(organization.name());
    }
    Optional<EmailAddress> newEmail = command.newEmail().filter(e -> !e.equals(admin.email()));
    checkAvailable(rename, newEmail);
    rename.ifPresent(name -> checkStorageFree(organization, name));

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

  /**
   * Rejects a rename in the collection tier while storage under the new name exists. Another
   * organization that was renamed away from that name keeps its storage there until its own rename
   * has waited {@code settle}. Once this rename owns the name, no other storage can move there.
   */
  private void checkStorageFree(Organization organization, OrganizationName newName) {
    TenantPlacement placement = TenantPlacement.of(organization);
    if (placement.addressedByName() && tenants.exists(placement.named(newName))) {
      throw new OrganizationNameTaken(newName);
    }
  }

  /**
   * Applies the changes and returns the organization as stored.
   *
   * @throws OrganizationChanged if another request changed the metadata after this one read it, in
   *     which case this request changed nothing
   */
  private Organization apply(
      Organization before, Organization after, AdminUser adminBefore, AdminUser adminAfter) {
    // The metadata goes first, as a compare-and-set against the state this request read: of
    // several concurrent updates exactly one wins it, and only the winner moves the storage.
    // Until the storage has moved, the metadata records the name it is still under.
    boolean claimed;
    try {
      claimed = organizations.updateIfUnchanged(before, after);
    } catch (RuntimeException failure) {
      // The write may have been applied all the same.
      new Undo(failure).run(() -> organizations.updateIfUnchanged(after, before));
      throw failure;
    }
    if (!claimed) {
      throw new OrganizationChanged(before.name());
    }
    return applyClaimed(before, after, adminBefore, adminAfter);
  }

  private Organization applyClaimed(
      Organization before, Organization after, AdminUser adminBefore, AdminUser adminAfter) {
    boolean renamed = !before.name().equals(after.name());
    // The last metadata this request wrote or tried to write, which only its undo may replace.
    Organization written = after;
    try {
      if (renamed) {
        awaitWritesUnderWay(TenantPlacement.of(before));
        tenants.rename(TenantPlacement.of(before), after.name());
        written = after.withStorageUnderName(after.updatedAt());
        if (!organizations.updateIfUnchanged(after, written)) {
          throw new OrganizationChanged(after.name());
        }
      }
      if (!adminAfter.equals(adminBefore)) {
        admins.update(adminAfter);
      }
      return written;
    } catch (RuntimeException failure) {
      // A write that reports a failure may still have been applied, so each undo step runs
      // whether or not its step seemed to succeed. Each metadata step is a compare-and-set from
      // a state this request wrote, so it never overwrites a newer change of another writer.
      Undo undo = new Undo(failure);
      if (!adminAfter.equals(adminBefore)) {
        undo.run(() -> admins.update(adminBefore));
      }
      Organization last = written;
      if (renamed) {
        undoRename(undo, before, after, last);
      } else {
        undo.run(() -> organizations.updateIfUnchanged(after, before));
      }
      if (failure instanceof RenameInterrupted) {
        // Set again only now, so that the undo's store calls were not cut short by it.
        Thread.currentThread().interrupt();
      }
      throw failure;
    }
  }

  /**
   * Waits {@code settle} before storage that is addressed by name is renamed, so that the document
   * writes that read the metadata before it recorded the rename have landed under the old name.
   */
  private void awaitWritesUnderWay(TenantPlacement placement) {
    if (!placement.addressedByName()) {
      return;
    }
    try {
      Thread.sleep(settle.toMillis());
    } catch (InterruptedException interrupted) {
      throw new RenameInterrupted(interrupted);
    }
  }

  /**
   * Returns the organization to {@code before} through the renaming state {@code after}, which
   * recovery can finish whatever name the storage is under. The metadata goes back to the old name
   * only once the storage is there, so a failed undo leaves a rename for recovery to finish rather
   * than metadata that names storage that is gone.
   */
  private void undoRename(Undo undo, Organization before, Organization after, Organization last) {
    if (!last.equals(after)) {
      undo.run(() -> organizations.updateIfUnchanged(last, after));
    }
    TenantPlacement original = TenantPlacement.of(before);
    undo.run(() -> moveStorageBack(before, after.name()));
    undo.run(
        () -> {
          if (!onlyUnderNewName(original, after.name())) {
            organizations.updateIfUnchanged(after, before);
          }
        });
  }

  /**
   * Moves the storage back under the old name if it is only under the new one and the stored
   * metadata still records it under the old one. Metadata that records it elsewhere was written by
   * another writer, and the storage stays where that writer put it.
   */
  private void moveStorageBack(Organization before, OrganizationName newName) {
    TenantPlacement original = TenantPlacement.of(before);
    boolean recordedUnderOldName =
        organizations
            .findById(before.id())
            .filter(current -> current.tier() == before.tier())
            .filter(current -> current.storageName().equals(before.storageName()))
            .isPresent();
    if (recordedUnderOldName && onlyUnderNewName(original, newName)) {
      tenants.rename(original.named(newName), original.storageName());
    }
  }

  private boolean onlyUnderNewName(TenantPlacement original, OrganizationName newName) {
    return tenants.exists(original.named(newName)) && !tenants.exists(original);
  }

  /** The thread was interrupted while a rename waited for document writes under way. */
  private static final class RenameInterrupted extends IllegalStateException {

    RenameInterrupted(InterruptedException cause) {
      super("The rename was interrupted before the storage was renamed", cause);
    }
  }
}
