package io.croupier.application.service;

import io.croupier.application.port.out.RefreshTokenStore;
import io.croupier.application.port.out.RevokedTokens;
import io.croupier.application.port.out.TokenIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Revokes a session: its access tokens through the revocation list and its refresh tokens in their
 * store. Once a session is revoked no refresh issues another access token for it, so its access
 * tokens were all issued before now and expire within one access-token lifetime, which is how long
 * the revocation entry is kept.
 */
final class SessionRevocation {

  /**
   * Time added to every revocation entry, above the 30 seconds of clock skew that token verifiers
   * accept after a token's expiry.
   */
  static final Duration CLOCK_SKEW_MARGIN = Duration.ofMinutes(1);

  private final RevokedTokens revokedTokens;
  private final RefreshTokenStore refreshTokens;
  private final TokenIssuer accessTokens;

  SessionRevocation(
      RevokedTokens revokedTokens, RefreshTokenStore refreshTokens, TokenIssuer accessTokens) {
    this.revokedTokens = Objects.requireNonNull(revokedTokens, "revokedTokens");
    this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
    this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
  }

  /**
   * Revokes the session, keeping its revocation entry at least until {@code tokenExpiresAt} plus
   * the margin. The entry is written before the refresh tokens are marked, so that a refresh racing
   * with this call either finds its new token marked or finds the entry afterwards.
   */
  void revokeSession(String sessionId, Instant now, Instant tokenExpiresAt) {
    Instant lastExpiry = later(now.plus(accessTokens.lifetime()), tokenExpiresAt);
    revokedTokens.revokeSession(sessionId, lastExpiry.plus(CLOCK_SKEW_MARGIN));
    refreshTokens.revokeSession(sessionId, now);
  }

  /** Revokes one access token until its expiry plus the margin. */
  void revokeToken(String tokenId, Instant expiresAt) {
    revokedTokens.revokeToken(tokenId, expiresAt.plus(CLOCK_SKEW_MARGIN));
  }

  /** Returns whether the session has a revocation entry at {@code now}. */
  boolean isSessionRevoked(String sessionId, Instant now) {
    return revokedTokens.isRevoked(null, sessionId, now);
  }

  private static Instant later(Instant first, Instant second) {
    return first.isAfter(second) ? first : second;
  }
}
