package io.croupier.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A refresh token as the store keeps it: the SHA-256 hash of the token, never the token itself,
 * with its session ({@code sessionId}, the token family) and what a refresh needs to check.
 */
public record StoredRefreshToken(
    String tokenHash,
    String sessionId,
    String adminId,
    String organizationId,
    long credentialsVersion,
    Instant issuedAt,
    Instant expiresAt,
    RefreshTokenState state) {

  public StoredRefreshToken {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(adminId, "adminId");
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(state, "state");
  }

  /** Returns whether the token is past its expiry at the instant. */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
