package io.croupier.application.service;

import io.croupier.application.port.in.AuthenticateTokenUseCase;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.RevokedTokens;
import io.croupier.application.port.out.TokenClaims;
import io.croupier.application.port.out.TokenVerifier;
import io.croupier.domain.AdminUser;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.Organization;
import java.time.Clock;
import java.util.Objects;

/**
 * Accepts a token only while neither its id nor its session is revoked, its admin exists with the
 * credentials version the token carries, and its organization is active. So a logout, a password
 * change or a delete revokes older tokens at once.
 */
public final class AuthenticateTokenService implements AuthenticateTokenUseCase {

  private final TokenVerifier verifier;
  private final AdminRepository admins;
  private final OrganizationRepository organizations;
  private final RevokedTokens revokedTokens;
  private final Clock clock;

  public AuthenticateTokenService(
      TokenVerifier verifier,
      AdminRepository admins,
      OrganizationRepository organizations,
      RevokedTokens revokedTokens,
      Clock clock) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.admins = Objects.requireNonNull(admins, "admins");
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.revokedTokens = Objects.requireNonNull(revokedTokens, "revokedTokens");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public AuthenticatedAdmin authenticate(String token) {
    if (token == null || token.isBlank()) {
      throw new InvalidToken();
    }
    TokenClaims claims = verifier.verify(token);
    if (revokedTokens.isRevoked(claims.tokenId(), claims.sessionId(), clock.instant())) {
      throw new InvalidToken();
    }

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
