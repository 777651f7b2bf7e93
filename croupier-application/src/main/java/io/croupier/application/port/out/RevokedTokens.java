package io.croupier.application.port.out;

import java.time.Instant;

/**
 * Revocation list of access tokens, by token id ({@code jti}) and by session id ({@code sid}).
 * Every entry has an expiry, after which it no longer counts and the store may delete it.
 */
public interface RevokedTokens {

  /** Revokes the access token with the id until the instant; a later expiry stored stays. */
  void revokeToken(String tokenId, Instant until);

  /** Revokes every access token of the session until the instant; a later expiry stored stays. */
  void revokeSession(String sessionId, Instant until);

  /**
   * Returns whether the token id or the session id is revoked at {@code now}. Either id may be
   * null, and a null id is never revoked.
   */
  boolean isRevoked(String tokenId, String sessionId, Instant now);
}
