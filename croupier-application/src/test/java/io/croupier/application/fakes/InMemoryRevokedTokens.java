package io.croupier.application.fakes;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.port.out.RevokedTokens;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Revocation list in a map from token or session id to the expiry of its entry. */
public final class InMemoryRevokedTokens implements RevokedTokens {

  private final Map<String, Instant> tokens = new HashMap<>();
  private final Map<String, Instant> sessions = new HashMap<>();
  private final FailurePlan failures;

  public InMemoryRevokedTokens(FailurePlan failures) {
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  @Override
  public synchronized void revokeToken(String tokenId, Instant until) {
    failures.check(Operation.REVOCATION_WRITE);
    tokens.merge(tokenId, until, InMemoryRevokedTokens::later);
  }

  @Override
  public synchronized void revokeSession(String sessionId, Instant until) {
    failures.check(Operation.REVOCATION_WRITE);
    sessions.merge(sessionId, until, InMemoryRevokedTokens::later);
  }

  @Override
  public synchronized boolean isRevoked(String tokenId, String sessionId, Instant now) {
    failures.check(Operation.REVOCATION_READ);
    return isActive(tokens.get(tokenId), now) || isActive(sessions.get(sessionId), now);
  }

  /** Returns the expiry of the token's entry, or empty if the token was never revoked. */
  public synchronized Optional<Instant> tokenRevokedUntil(String tokenId) {
    return Optional.ofNullable(tokens.get(tokenId));
  }

  /** Returns the expiry of the session's entry, or empty if the session was never revoked. */
  public synchronized Optional<Instant> sessionRevokedUntil(String sessionId) {
    return Optional.ofNullable(sessions.get(sessionId));
  }

  private static boolean isActive(Instant until, Instant now) {
    return until != null && now.isBefore(until);
  }

  private static Instant later(Instant first, Instant second) {
    return first.isAfter(second) ? first : second;
  }
}
