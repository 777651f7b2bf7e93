package io.croupier.application.service;

import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.ResolveOrganizationAdminUseCase;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.domain.AdminUser;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNotFound;
import java.util.Objects;

/** Resolves an active organization's admin by name, for operators with access to the store. */
public final class ResolveOrganizationAdminService implements ResolveOrganizationAdminUseCase {

  private final OrganizationRepository organizations;
  private final AdminRepository admins;

  public ResolveOrganizationAdminService(
      OrganizationRepository organizations, AdminRepository admins) {
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.admins = Objects.requireNonNull(admins, "admins");
  }

  @Override
  public AuthenticatedAdmin resolveAdmin(OrganizationName name) {
    Organization organization =
        organizations
            .findByName(name)
            .filter(Organization::isActive)
            .orElseThrow(() -> new OrganizationNotFound(name.value()));

    // An active organization always has its admin; one without is being changed right now.
    AdminUser admin =
        admins
            .findById(organization.adminId())
            .filter(found -> found.organizationId().equals(organization.id()))
            .orElseThrow(() -> new OrganizationNotFound(name.value()));

    return new AuthenticatedAdmin(admin.id(), organization.id());
  }
}
