package io.croupier.application.service;

import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.GetOrganizationUseCase;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.domain.AdminUser;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNotFound;
import java.util.Objects;
import java.util.Optional;

/** Reads an active organization, showing the admin email to that organization's admin only. */
public final class GetOrganizationService implements GetOrganizationUseCase {

  private final OrganizationRepository organizations;
  private final AdminRepository admins;
  private final TenantStorage tenants;

  public GetOrganizationService(
      OrganizationRepository organizations, AdminRepository admins, TenantStorage tenants) {
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.admins = Objects.requireNonNull(admins, "admins");
    this.tenants = Objects.requireNonNull(tenants, "tenants");
  }

  @Override
  public OrganizationDetails get(OrganizationName name, Optional<AuthenticatedAdmin> caller) {
    Organization organization =
        organizations
            .findByName(name)
            .filter(Organization::isActive)
            .orElseThrow(() -> new OrganizationNotFound(name.value()));

    Optional<EmailAddress> email =
        caller
            .filter(admin -> admin.organizationId().equals(organization.id()))
            .flatMap(admin -> admins.findById(organization.adminId()))
            .map(AdminUser::email);

    return new OrganizationDetails(
        organization, email, tenants.locate(TenantPlacement.of(organization)));
  }
}
