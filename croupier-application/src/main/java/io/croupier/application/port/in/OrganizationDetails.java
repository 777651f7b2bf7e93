package io.croupier.application.port.in;

import io.croupier.application.port.out.TenantLocation;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.Organization;
import java.util.Objects;
import java.util.Optional;

/** Organization as a caller sees it; the admin email is empty when the caller may not see it. */
public record OrganizationDetails(
    Organization organization, Optional<EmailAddress> adminEmail, TenantLocation location) {

  public OrganizationDetails {
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(adminEmail, "adminEmail");
    Objects.requireNonNull(location, "location");
  }
}
