package io.croupier.application.service;

import io.croupier.application.port.in.AuthenticateTokenUseCase;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.TokenClaims;
import io.croupier.application.port.out.TokenVerifier;
import io.croupier.domain.AdminUser;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.Organization;
import java.util.Objects;

/**
 * Accepts a token only while its admin exists with the credentials version the token carries and
 * its organization is active, so a password change or a delete revokes older tokens at once.
 */
public final class AuthenticateTokenService implements AuthenticateTokenUseCase {

  private final TokenVerifier verifier;
  private final AdminRepository admins;
  private final OrganizationRepository organizations;

  public AuthenticateTokenService(
      TokenVerifier verifier, AdminRepository admins, OrganizationRepository organizations) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.admins = Objects.requireNonNull(admins, "admins");
    this.organizations = Objects.requireNonNull(organizations, "organizations");
  }

  @Override
  public AuthenticatedAdmin authenticate(String token) {
    if (token == null || token.isBlank()) {
      throw new InvalidToken();
    }
    TokenClaims claims = verifier.verify(token);

    AdminUser admin =
        admins
            .findById(claims.adminId())
            .filter(found -> found.organizationId().equals(claims.organizationId()))
            .filter(found -> found.credentialsVersion() == claims.credentialsVersion())
            .orElseThrow(InvalidToken::new);
    Organization organization =
        organizations
            .findById(admin.organizationId())
            .filter(Organization::isActive)
            .orElseThrow(InvalidToken::new);

    return new AuthenticatedAdmin(admin.id(), organization.id());
  }
}
