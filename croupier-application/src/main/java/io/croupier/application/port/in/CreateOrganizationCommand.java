package io.croupier.application.port.in;

import io.croupier.domain.EmailAddress;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.Password;
import io.croupier.domain.TenantTier;
import java.util.Objects;
import java.util.Optional;

/**
 * Request to create an organization with its admin, in the given tier or, when empty, the
 * configured default tier; every part already validated.
 */
public record CreateOrganizationCommand(
    OrganizationName organizationName,
    EmailAddress email,
    Password password,
    Optional<TenantTier> tier) {

  public CreateOrganizationCommand {
    Objects.requireNonNull(organizationName, "organizationName");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(tier, "tier");
  }

  /** Creates the command for the configured default tier. */
  public CreateOrganizationCommand(
      OrganizationName organizationName, EmailAddress email, Password password) {
    this(organizationName, email, password, Optional.empty());
  }

  /** Normalizes and validates raw input, reporting the first invalid field. */
  public static CreateOrganizationCommand of(
      String organizationName, String email, String password) {
    return new CreateOrganizationCommand(
        OrganizationName.of(organizationName), EmailAddress.of(email), Password.of(password));
  }
}
