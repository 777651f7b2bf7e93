package io.croupier.application.service;

import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.DeleteOrganizationUseCase;
import io.croupier.application.port.in.RequestOrigin;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditLog;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.application.service.AuditTrail.Subject;
import io.croupier.domain.AdminUser;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationAccessDenied;
import io.croupier.domain.OrganizationMoving;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNotFound;
import io.croupier.domain.OrganizationState;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Deletes an organization: it is first hidden by the deleting state, then its admin is removed,
 * which revokes every token, then its tenant storage is dropped and its metadata removed. Until the
 * storage is dropped, a failed step restores the organization as it was. The audit event is
 * recorded once the tenant storage is gone.
 */
public final class DeleteOrganizationService implements DeleteOrganizationUseCase {

  private final OrganizationRepository organizations;
  private final AdminRepository admins;
  private final TenantStorage tenants;
  private final AuditTrail audit;
  private final Clock clock;

  public DeleteOrganizationService(
      OrganizationRepository organizations,
      AdminRepository admins,
      TenantStorage tenants,
      AuditLog auditLog,
      Clock clock) {
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.admins = Objects.requireNonNull(admins, "admins");
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = new AuditTrail(auditLog, clock);
  }

  @Override
  public void delete(
      AuthenticatedAdmin caller, Optional<OrganizationName> confirmName, RequestOrigin origin) {
    Objects.requireNonNull(origin, "origin");
    Organization organization =
        organizations
            .findById(caller.organizationId())
            .filter(Organization::isActive)
            .orElseThrow(() -> OrganizationNotFound.withId(caller.organizationId()));
    if (confirmName.isPresent() && !confirmName.get().equals(organization.name())) {
      throw new OrganizationAccessDenied(confirmName.get());
    }
    if (organization.move().isPresent()) {
      throw new OrganizationMoving(organization.name(), organization.move().get());
    }
    Optional<AdminUser> admin = admins.findById(organization.adminId());
    TenantPlacement placement = TenantPlacement.of(organization);

    try {
      organizations.update(organization.withState(OrganizationState.DELETING, clock.instant()));
      admins.deleteByOrganizationId(organization.id());
      tenants.drop(placement);
    } catch (RuntimeException failure) {
      if (storageGone(placement)) {
        // The drop was applied although it reported a failure. The data cannot come back, so
        // the only consistent outcome is to finish the delete.
        admins.deleteByOrganizationId(organization.id());
        organizations.deleteById(organization.id());
        recordDeleted(caller, organization, origin);
        return;
      }
      restore(organization, admin, failure);
      throw failure;
    }

    // Recorded before the last step, because the data is gone whether or not that step works.
    recordDeleted(caller, organization, origin);
    // Past this point the data is gone and nothing can be restored. If this last step fails, the
    // metadata stays in the DELETING state, invisible, until a recovery removes it.
    organizations.deleteById(organization.id());
  }

  private void recordDeleted(
      AuthenticatedAdmin caller, Organization organization, RequestOrigin origin) {
    audit.record(
        Subject.success(AuditAction.ORGANIZATION_DELETED, caller.adminId(), organization, origin));
  }

  private boolean storageGone(TenantPlacement placement) {
    try {
      return !tenants.exists(placement);
    } catch (RuntimeException unknown) {
      return false;
    }
  }

  /** Puts back the admin, if it is missing, and the organization as it was before the delete. */
  private void restore(
      Organization organization, Optional<AdminUser> admin, RuntimeException failure) {
    Undo undo = new Undo(failure);
    if (admin.isPresent()) {
      undo.run(
          () -> {
            if (admins.findById(admin.get().id()).isEmpty()) {
              admins.insert(admin.get());
            }
          });
    }
    undo.run(() -> organizations.update(organization));
  }
}
