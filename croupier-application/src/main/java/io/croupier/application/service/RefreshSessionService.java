package io.croupier.application.service;

import io.croupier.application.port.in.LoginResult;
import io.croupier.application.port.in.RefreshSessionUseCase;
import io.croupier.application.port.in.RequestOrigin;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditLog;
import io.croupier.application.port.out.AuditOutcome;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.RefreshTokenState;
import io.croupier.application.port.out.RefreshTokenStore;
import io.croupier.application.port.out.RevokedTokens;
import io.croupier.application.port.out.StoredRefreshToken;
import io.croupier.application.port.out.TokenIssuer;
import io.croupier.application.service.AuditTrail.Subject;
import io.croupier.domain.AdminUser;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.Organization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Rotates refresh tokens. Each token can be exchanged once: the store marks it rotated in one
 * compare-and-set, and its successor belongs to the same session and expires when the session does.
 * A token presented after it was rotated or revoked has been copied, so the whole session is
 * revoked. Of two concurrent refreshes with one token, one wins and the other counts as that reuse,
 * which ends the session for both.
 */
public final class RefreshSessionService implements RefreshSessionUseCase {

  private final AdminRepository admins;
  private final OrganizationRepository organizations;
  private final RefreshTokenStore refreshTokens;
  private final SessionTokens sessions;
  private final SessionRevocation revocation;
  private final AuditTrail audit;
  private final Clock clock;

  public RefreshSessionService(
      AdminRepository admins,
      OrganizationRepository organizations,
      TokenIssuer tokenIssuer,
      RefreshTokenStore refreshTokens,
      RevokedTokens revokedTokens,
      AuditLog auditLog,
      Clock clock) {
    this.admins = Objects.requireNonNull(admins, "admins");
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
    this.sessions = new SessionTokens(tokenIssuer, refreshTokens);
    this.revocation = new SessionRevocation(revokedTokens, refreshTokens, tokenIssuer);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = new AuditTrail(auditLog, clock);
  }

  @Override
  public LoginResult refresh(String refreshToken, RequestOrigin origin) {
    Objects.requireNonNull(origin, "origin");
    Instant now = clock.instant();
    StoredRefreshToken presented =
        RefreshTokenCodec.hashOf(refreshToken)
            .flatMap(refreshTokens::findByHash)
            .filter(stored -> !stored.isExpiredAt(now))
            .orElseThrow(InvalidToken::forRefreshToken);
    if (presented.state() != RefreshTokenState.ACTIVE) {
      throw reused(presented, now, origin);
    }

    AdminUser admin =
        admins
            .findById(presented.adminId())
            .filter(found -> found.organizationId().equals(presented.organizationId()))
            .filter(found -> found.credentialsVersion() == presented.credentialsVersion())
            .orElseThrow(InvalidToken::forRefreshToken);
    Organization organization =
        organizations
            .findById(presented.organizationId())
            .filter(Organization::isActive)
            .orElseThrow(InvalidToken::forRefreshToken);

    if (!refreshTokens.markRotated(presented.tokenHash(), now)) {
      throw reused(presented, now, origin);
    }
    String sessionId = presented.sessionId();
    String successor = sessions.storeRefreshToken(admin, sessionId, now, presented.expiresAt());
    // A revocation that started before the successor was stored may have missed it; its entry
    // is written first, so it is visible here.
    if (revocation.isSessionRevoked(sessionId, now)) {
      refreshTokens.revokeSession(sessionId, now);
      throw InvalidToken.forRefreshToken();
    }

    Duration remaining = Duration.between(now, presented.expiresAt());
    LoginResult result = sessions.result(admin, organization, sessionId, successor, remaining);
    audit.record(Subject.success(AuditAction.REFRESH, admin.id(), organization, origin));
    return result;
  }

  /** Revokes the session of a reused token, records the reuse and returns the exception. */
  private InvalidToken reused(StoredRefreshToken presented, Instant now, RequestOrigin origin) {
    revocation.revokeSession(presented.sessionId(), now, now);

    String organizationName =
        organizations
            .findById(presented.organizationId())
            .map(found -> found.name().value())
            .orElse(null);
    audit.record(
        new Subject(
            AuditAction.REFRESH_REUSE,
            AuditOutcome.FAILURE,
            presented.adminId(),
            presented.organizationId(),
            organizationName,
            origin));
    return InvalidToken.forRefreshToken();
  }
}
