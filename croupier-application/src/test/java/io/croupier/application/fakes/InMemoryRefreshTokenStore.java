package io.croupier.application.fakes;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.port.out.RefreshTokenState;
import io.croupier.application.port.out.RefreshTokenStore;
import io.croupier.application.port.out.StoredRefreshToken;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Refresh tokens in a map by hash; every method holds the lock, so rotation is atomic. */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {

  private final Map<String, StoredRefreshToken> byHash = new LinkedHashMap<>();
  private final FailurePlan failures;

  public InMemoryRefreshTokenStore(FailurePlan failures) {
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  /**
   * Stores a new token.
   *
   * @throws IllegalStateException if a token with the hash is already stored
   */
  @Override
  public synchronized void insert(StoredRefreshToken token) {
    failures.check(Operation.REFRESH_TOKEN_INSERT);
    if (byHash.containsKey(token.tokenHash())) {
      throw new IllegalStateException("Refresh token hash already stored");
    }
    byHash.put(token.tokenHash(), token);
    failures.checkAfterEffect(Operation.REFRESH_TOKEN_INSERT);
  }

  @Override
  public synchronized Optional<StoredRefreshToken> findByHash(String tokenHash) {
    failures.check(Operation.REFRESH_TOKEN_FIND);
    return Optional.ofNullable(byHash.get(tokenHash));
  }

  @Override
  public synchronized boolean markRotated(String tokenHash, Instant now) {
    failures.check(Operation.REFRESH_TOKEN_ROTATE);
    StoredRefreshToken stored = byHash.get(tokenHash);
    if (stored == null || stored.state() != RefreshTokenState.ACTIVE || stored.isExpiredAt(now)) {
      return false;
    }
    byHash.put(tokenHash, withState(stored, RefreshTokenState.ROTATED));
    failures.checkAfterEffect(Operation.REFRESH_TOKEN_ROTATE);
    return true;
  }

  @Override
  public synchronized void revokeSession(String sessionId, Instant now) {
    failures.check(Operation.REFRESH_TOKEN_REVOKE_SESSION);
    byHash.replaceAll(
        (hash, stored) ->
            stored.sessionId().equals(sessionId)
                ? withState(stored, RefreshTokenState.REVOKED)
                : stored);
    failures.checkAfterEffect(Operation.REFRESH_TOKEN_REVOKE_SESSION);
  }

  /** Returns every stored token of the session, in insertion order. */
  public synchronized List<StoredRefreshToken> session(String sessionId) {
    return byHash.values().stream().filter(stored -> stored.sessionId().equals(sessionId)).toList();
  }

  /** Returns every stored token, in insertion order. */
  public synchronized List<StoredRefreshToken> all() {
    return List.copyOf(byHash.values());
  }

  private static StoredRefreshToken withState(StoredRefreshToken token, RefreshTokenState state) {
    return new StoredRefreshToken(
        token.tokenHash(),
        token.sessionId(),
        token.adminId(),
        token.organizationId(),
        token.credentialsVersion(),
        token.issuedAt(),
        token.expiresAt(),
        state);
  }
}
