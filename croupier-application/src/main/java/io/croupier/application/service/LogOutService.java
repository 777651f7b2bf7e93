package io.croupier.application.service;

import io.croupier.application.port.in.LogOutUseCase;
import io.croupier.application.port.in.RequestOrigin;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditLog;
import io.croupier.application.port.out.AuditOutcome;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.RefreshTokenStore;
import io.croupier.application.port.out.RevokedTokens;
import io.croupier.application.port.out.TokenClaims;
import io.croupier.application.port.out.TokenIssuer;
import io.croupier.application.port.out.TokenVerifier;
import io.croupier.application.service.AuditTrail.Subject;
import io.croupier.domain.InvalidToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Logs out by revoking the access token's id until it would have expired, and its session, which
 * stops the session's refresh tokens and every other access token issued for it.
 */
public final class LogOutService implements LogOutUseCase {

  private final TokenVerifier verifier;
  private final OrganizationRepository organizations;
  private final RevokedTokens revokedTokens;
  private final SessionRevocation revocation;
  private final AuditTrail audit;
  private final Clock clock;

  /**
   * Creates the service. The token issuer supplies the access-token lifetime, which bounds how long
   * a revoked session's tokens stay valid and so how long its revocation entry is kept.
   */
  public LogOutService(
      TokenVerifier verifier,
      TokenIssuer tokenIssuer,
      OrganizationRepository organizations,
      RefreshTokenStore refreshTokens,
      RevokedTokens revokedTokens,
      AuditLog auditLog,
      Clock clock) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.revokedTokens = Objects.requireNonNull(revokedTokens, "revokedTokens");
    this.revocation = new SessionRevocation(revokedTokens, refreshTokens, tokenIssuer);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = new AuditTrail(auditLog, clock);
  }

  @Override
  public void logOut(String accessToken, RequestOrigin origin) {
    Objects.requireNonNull(origin, "origin");
    if (accessToken == null || accessToken.isBlank()) {
      throw new InvalidToken();
    }
    TokenClaims claims = verifier.verify(accessToken);
    Instant now = clock.instant();
    if (revokedTokens.isRevoked(claims.tokenId(), claims.sessionId(), now)) {
      throw new InvalidToken();
    }

    revocation.revokeToken(claims.tokenId(), claims.expiresAt());
    if (claims.sessionId() != null) {
      revocation.revokeSession(claims.sessionId(), now, claims.expiresAt());
    }

    String organizationName =
        organizations
            .findById(claims.organizationId())
            .map(found -> found.name().value())
            .orElse(claims.organizationName());
    audit.record(
        new Subject(
            AuditAction.LOGOUT,
            AuditOutcome.SUCCESS,
            claims.adminId(),
            claims.organizationId(),
            organizationName,
            origin));
  }
}
