package io.croupier.library;

import io.croupier.application.port.out.RevokedTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * {@link RevokedTokens} decorator that caches the result "not revoked" for a short time, so that
 * token authentication reads the store once per token and TTL instead of once per request.
 *
 * <p>Revocations made through this instance apply at once: each is kept in memory until it expires
 * and checked before the cache, and it is kept even when writing it to the store fails. A
 * revocation made through another instance on the same store applies here once the cached result
 * expires. The result "revoked" is never cached, so a revocation never outlives its expiry here.
 *
 * <p>Services that revoke tokens read through {@link #uncachedReads()}, so that a logout or a
 * refresh never acts on a cached result.
 */
final class CachingRevokedTokens implements RevokedTokens {

  /** Number of revocations kept in memory above which expired ones are removed. */
  static final int SWEEP_THRESHOLD = 10_000;

  /** Shortest time between two removals of expired revocations, each of which reads every one. */
  static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

  private static final Optional<Boolean> NOT_REVOKED = Optional.of(Boolean.FALSE);

  private final RevokedTokens store;
  private final Clock clock;
  private final ExpiringCache<TokenIds, Boolean> notRevoked;
  private final ConcurrentHashMap<String, Instant> revokedTokens = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Instant> revokedSessions = new ConcurrentHashMap<>();
  private final AtomicReference<Instant> nextSweep;

  /**
   * Creates the decorator with results that live for the TTL on the monotonic nanosecond clock. The
   * clock decides which revocations kept in memory have expired.
   *
   * @throws IllegalArgumentException if the TTL is not positive
   */
  CachingRevokedTokens(RevokedTokens store, Duration ttl, LongSupplier nanoTime, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nextSweep = new AtomicReference<>(clock.instant());
    this.notRevoked = new ExpiringCache<>(ttl, ExpiringCache.MAX_ENTRIES, nanoTime);
  }

  /** Returns a view with the same revocations whose lookups always read the store. */
  RevokedTokens uncachedReads() {
    return new UncachedReads();
  }

  @Override
  public void revokeToken(String tokenId, Instant until) {
    remember(revokedTokens, tokenId, until);
    store.revokeToken(tokenId, until);
  }

  @Override
  public void revokeSession(String sessionId, Instant until) {
    remember(revokedSessions, sessionId, until);
    store.revokeSession(sessionId, until);
  }

  @Override
  public boolean isRevoked(String tokenId, String sessionId, Instant now) {
    if (isRevokedHere(revokedTokens, tokenId, now)
        || isRevokedHere(revokedSessions, sessionId, now)) {
      return true;
    }
    return notRevoked
        .get(
            new TokenIds(tokenId, sessionId),
            ids ->
                store.isRevoked(ids.tokenId(), ids.sessionId(), now)
                    ? Optional.empty()
                    : NOT_REVOKED)
        .isEmpty();
  }

  /** Returns the number of revocations kept in memory, for tests. */
  int revocationsKept() {
    return revokedTokens.size() + revokedSessions.size();
  }

  /**
   * Keeps the revocation until its expiry, or until a later expiry already kept. Removes the
   * expired revocations first once {@link #SWEEP_THRESHOLD} or more are kept, at most once per
   * {@link #SWEEP_INTERVAL}.
   */
  private void remember(ConcurrentHashMap<String, Instant> revoked, String id, Instant until) {
    Objects.requireNonNull(until, "until");
    if (id == null) {
      return;
    }
    if (revocationsKept() >= SWEEP_THRESHOLD) {
      sweepExpired();
    }
    revoked.merge(id, until, (kept, added) -> kept.isAfter(added) ? kept : added);
  }

  private void sweepExpired() {
    Instant now = clock.instant();
    Instant due = nextSweep.get();
    if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
      return;
    }
    revokedTokens.values().removeIf(expiry -> !expiry.isAfter(now));
    revokedSessions.values().removeIf(expiry -> !expiry.isAfter(now));
  }

  private static boolean isRevokedHere(
      ConcurrentHashMap<String, Instant> revoked, String id, Instant now) {
    if (id == null) {
      return false;
    }
    Instant until = revoked.get(id);
    return until != null && until.isAfter(now);
  }

  /** Cache key: the token id and the session id of one access token, either of them null. */
  private record TokenIds(String tokenId, String sessionId) {}

  /** The same revocations with every lookup read from the store. */
  private final class UncachedReads implements RevokedTokens {

    @Override
    public void revokeToken(String tokenId, Instant until) {
      CachingRevokedTokens.this.revokeToken(tokenId, until);
    }

    @Override
    public void revokeSession(String sessionId, Instant until) {
      CachingRevokedTokens.this.revokeSession(sessionId, until);
    }

    @Override
    public boolean isRevoked(String tokenId, String sessionId, Instant now) {
      return store.isRevoked(tokenId, sessionId, now);
    }
  }
}
