package io.croupier.application.service;

import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.CreateOrganizationUseCase;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.RequestOrigin;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditLog;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.PasswordHasher;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.application.service.AuditTrail.Subject;
import io.croupier.domain.AdminUser;
import io.croupier.domain.EmailTaken;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.OrganizationState;
import io.croupier.domain.TenantTier;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates an organization in steps that each can be undone: metadata in the pending state, then the
 * admin, then the tenant storage, then the switch to active. A failed step undoes the ones before
 * it, so no half-made organization stays visible or keeps an orphan admin or collection. The audit
 * event is recorded once the organization is active.
 */
public final class CreateOrganizationService implements CreateOrganizationUseCase {

  private final OrganizationRepository organizations;
  private final AdminRepository admins;
  private final TenantStorage tenants;
  private final PasswordHasher hasher;
  private final AuditTrail audit;
  private final Clock clock;
  private final TenantTier defaultTier;

  public CreateOrganizationService(
      OrganizationRepository organizations,
      AdminRepository admins,
      TenantStorage tenants,
      PasswordHasher hasher,
      AuditLog auditLog,
      Clock clock,
      TenantTier defaultTier) {
    this.defaultTier = Objects.requireNonNull(defaultTier, "defaultTier");
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.admins = Objects.requireNonNull(admins, "admins");
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = new AuditTrail(auditLog, clock);
  }

  @Override
  public OrganizationDetails create(CreateOrganizationCommand command, RequestOrigin origin) {
    Objects.requireNonNull(origin, "origin");
    // Checked up front so that an obvious conflict costs no bcrypt work; the unique indexes
    // behind insert() still decide races between concurrent requests.
    if (organizations.findByName(command.organizationName()).isPresent()) {
      throw new OrganizationNameTaken(command.organizationName());
    }
    if (admins.findByEmail(command.email()).isPresent()) {
      throw new EmailTaken(command.email());
    }

    String passwordHash = hasher.hash(command.password());
    Instant now = clock.instant();
    String organizationId = UUID.randomUUID().toString();
    String adminId = UUID.randomUUID().toString();
    Organization pending =
        new Organization(
            organizationId,
            command.organizationName(),
            adminId,
            OrganizationState.PENDING,
            now,
            now,
            command.tier().orElse(defaultTier),
            command.organizationName(),
            Optional.empty());
    AdminUser admin =
        new AdminUser(adminId, organizationId, command.email(), passwordHash, 1, now, now);

    Organization active = store(pending, admin);
    audit.record(Subject.success(AuditAction.ORGANIZATION_CREATED, adminId, active, origin));

    return new OrganizationDetails(
        active, Optional.of(admin.email()), tenants.locate(TenantPlacement.of(active)));
  }

  private Organization store(Organization pending, AdminUser admin) {
    TenantPlacement placement = TenantPlacement.of(pending);
    boolean storageAttempted = false;
    try {
      organizations.insert(pending);
      admins.insert(admin);
      // The unique name now belongs to this request, so storage under the name that exists
      // already is a leftover that is reported and never touched. Storage found by the new id
      // cannot exist, and looking for it can be slow in the shared tier.
      if (placement.addressedByName() && tenants.exists(placement)) {
        throw new OrganizationNameTaken(pending.name());
      }
      storageAttempted = true;
      tenants.create(placement);
      Organization active = pending.withState(OrganizationState.ACTIVE, pending.createdAt());
      organizations.update(active);
      return active;
    } catch (RuntimeException failure) {
      // A write that reports a failure may still have been applied, so every step that was
      // attempted is undone. Storage is dropped only if this request tried to create it, and
      // the admin and metadata ids are new, so nothing else can match them.
      Undo undo = new Undo(failure);
      if (storageAttempted) {
        undo.run(() -> tenants.drop(placement));
      }
      undo.run(() -> admins.deleteByOrganizationId(pending.id()));
      // If the store fails during this undo as well, the metadata stays in the PENDING state,
      // invisible to every reader, until a recovery removes it with whatever was made.
      undo.run(() -> organizations.deleteById(pending.id()));
      throw failure;
    }
  }
}
