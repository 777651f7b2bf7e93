package io.croupier.application.port.in;

import io.croupier.domain.EmailAddress;
import io.croupier.domain.InvalidField;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.Password;
import java.util.Objects;
import java.util.Optional;

/** Changes to the caller's own organization: any combination of name, email and password. */
public record UpdateOrganizationCommand(
    AuthenticatedAdmin caller,
    Optional<OrganizationName> newName,
    Optional<EmailAddress> newEmail,
    Optional<Password> newPassword) {

  public UpdateOrganizationCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(newName, "newName");
    Objects.requireNonNull(newEmail, "newEmail");
    Objects.requireNonNull(newPassword, "newPassword");
    if (newName.isEmpty() && newEmail.isEmpty() && newPassword.isEmpty()) {
      throw new InvalidField(
          "body", "Nothing to update; send at least one of organization_name, email or password");
    }
  }

  /** Validates raw input, where null means the field is left unchanged. */
  public static UpdateOrganizationCommand of(
      AuthenticatedAdmin caller, String newName, String newEmail, String newPassword) {
    return new UpdateOrganizationCommand(
        caller,
        Optional.ofNullable(newName).map(OrganizationName::of),
        Optional.ofNullable(newEmail).map(EmailAddress::of),
        Optional.ofNullable(newPassword).map(Password::of));
  }
}
