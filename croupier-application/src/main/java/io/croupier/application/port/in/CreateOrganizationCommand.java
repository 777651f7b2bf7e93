package io.croupier.application.port.in;

import io.croupier.domain.EmailAddress;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.Password;
import java.util.Objects;

/** Request to create an organization with its admin; every part already validated. */
public record CreateOrganizationCommand(
    OrganizationName organizationName, EmailAddress email, Password password) {

  public CreateOrganizationCommand {
    Objects.requireNonNull(organizationName, "organizationName");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(password, "password");
  }

  /** Normalizes and validates raw input, reporting the first invalid field. */
  public static CreateOrganizationCommand of(
      String organizationName, String email, String password) {
    return new CreateOrganizationCommand(
        OrganizationName.of(organizationName), EmailAddress.of(email), Password.of(password));
  }
}
