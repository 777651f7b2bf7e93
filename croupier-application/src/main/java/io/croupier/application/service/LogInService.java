package io.croupier.application.service;

import io.croupier.application.port.in.LogInUseCase;
import io.croupier.application.port.in.LoginResult;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.application.port.out.IssuedToken;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.PasswordHasher;
import io.croupier.application.port.out.TokenIssuer;
import io.croupier.application.port.out.TokenSubject;
import io.croupier.domain.AdminUser;
import io.croupier.domain.AuthenticationFailed;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.InvalidField;
import io.croupier.domain.Organization;
import io.croupier.domain.Password;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Logs an admin in. Every attempt runs exactly one hash verification, against a decoy hash when
 * the email is unknown, so that the response time does not reveal which emails exist.
 */
public final class LogInService implements LogInUseCase {

  private final AdminRepository admins;
  private final OrganizationRepository organizations;
  private final PasswordHasher hasher;
  private final TokenIssuer tokenIssuer;
  private final String decoyHash;

  /** Creates the service; computes the decoy hash once, at the configured hashing cost. */
  public LogInService(
      AdminRepository admins,
      OrganizationRepository organizations,
      PasswordHasher hasher,
      TokenIssuer tokenIssuer) {
    this.admins = Objects.requireNonNull(admins, "admins");
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.tokenIssuer = Objects.requireNonNull(tokenIssuer, "tokenIssuer");
    this.decoyHash = hasher.hash(Password.of("Decoy1" + UUID.randomUUID()));
  }

  @Override
  public LoginResult logIn(String email, String password) {
    Password candidate = Password.candidate(password);
    Optional<AdminUser> admin = parseEmail(email).flatMap(admins::findByEmail);

    boolean matches = hasher.matches(candidate, admin.map(AdminUser::passwordHash).orElse(decoyHash));
    if (admin.isEmpty() || !matches) {
      throw new AuthenticationFailed();
    }
    Organization organization =
        organizations
            .findById(admin.get().organizationId())
            .filter(Organization::isActive)
            .orElseThrow(AuthenticationFailed::new);

    IssuedToken token =
        tokenIssuer.issue(
            new TokenSubject(
                admin.get().id(),
                organization.id(),
                organization.name(),
                admin.get().credentialsVersion()));
    return new LoginResult(
        token.token(),
        Duration.between(token.issuedAt(), token.expiresAt()),
        admin.get().id(),
        organization.id(),
        organization.name());
  }

  private static Optional<EmailAddress> parseEmail(String raw) {
    try {
      return Optional.of(EmailAddress.of(raw));
    } catch (InvalidField invalid) {
      // An address that cannot be valid belongs to no admin; it fails like an unknown one.
      return Optional.empty();
    }
  }
}
