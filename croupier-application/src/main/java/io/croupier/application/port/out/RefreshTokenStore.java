package io.croupier.application.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * Refresh tokens, stored by hash and grouped in sessions. A store may delete a token once it has
 * expired, so callers check the expiry of what they read and never rely on old tokens staying.
 */
public interface RefreshTokenStore {

  /** Stores a new token; its hash must not be stored yet. */
  void insert(StoredRefreshToken token);

  /** Returns the token with the hash in any state, or empty. */
  Optional<StoredRefreshToken> findByHash(String tokenHash);

  /**
   * Marks the token rotated, in one atomic compare-and-set, only if it is active and not expired at
   * {@code now}. Of concurrent calls for the same token, exactly one returns true.
   */
  boolean markRotated(String tokenHash, Instant now);

  /** Marks every token of the session revoked; does nothing for an unknown session. */
  void revokeSession(String sessionId, Instant now);
}
