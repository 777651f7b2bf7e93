package io.croupier.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FailurePlan;
import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.fakes.InMemoryRevokedTokens;
import io.croupier.application.fakes.SimulatedFailure;
import io.croupier.application.fakes.TestClock;
import io.croupier.application.port.out.RevokedTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachingRevokedTokensTest {

  private static final Duration TTL = Duration.ofSeconds(2);

  private final FailurePlan failures = new FailurePlan();
  private final InMemoryRevokedTokens store = new InMemoryRevokedTokens(failures);
  private final AtomicLong nanoTime = new AtomicLong();
  private final TestClock clock = new TestClock();
  private final CachingRevokedTokens cached =
      new CachingRevokedTokens(store, TTL, nanoTime::get, clock);

  private final Instant now = clock.instant();
  private final Instant later = now.plus(Duration.ofMinutes(10));

  private int storeReads() {
    return failures.calls(Operation.REVOCATION_READ);
  }

  @Test
  void notRevokedReadOncePerTtl() {
    // given
    cached.isRevoked("token-1", "session-1", now);

    // when
    boolean revoked = cached.isRevoked("token-1", "session-1", now);

    // then
    assertThat(revoked).isFalse();
    assertThat(storeReads()).isEqualTo(1);
  }

  @Test
  void notRevokedReadAgainAfterTtl() {
    // given
    cached.isRevoked("token-1", "session-1", now);
    nanoTime.addAndGet(TTL.toNanos());

    // when
    cached.isRevoked("token-1", "session-1", now);

    // then
    assertThat(storeReads()).isEqualTo(2);
  }

  @Test
  void notRevokedKeptJustBeforeTtl() {
    // given
    cached.isRevoked("token-1", "session-1", now);
    nanoTime.addAndGet(TTL.toNanos() - 1);

    // when
    cached.isRevoked("token-1", "session-1", now);

    // then
    assertThat(storeReads()).isEqualTo(1);
  }

  @Test
  void revokedResultNeverCached() {
    // given
    store.revokeToken("token-1", later);
    cached.isRevoked("token-1", "session-1", now);

    // when
    boolean revoked = cached.isRevoked("token-1", "session-1", now);

    // then
    assertThat(revoked).isTrue();
    assertThat(storeReads()).isEqualTo(2);
  }

  @Test
  void storeRevocationSeenAfterTtl() {
    // given
    cached.isRevoked("token-1", "session-1", now);
    store.revokeSession("session-1", later);
    nanoTime.addAndGet(TTL.toNanos());

    // when
    boolean revoked = cached.isRevoked("token-1", "session-1", now);

    // then
    assertThat(revoked).isTrue();
  }

  @Test
  void revokedTokenAppliesAtOnce() {
    // given
    cached.isRevoked("token-1", "session-1", now);

    // when
    cached.revokeToken("token-1", later);

    // then
    assertThat(cached.isRevoked("token-1", "session-1", now)).isTrue();
  }

  @Test
  void revokedSessionCoversEveryToken() {
    // given
    cached.isRevoked("token-2", "session-1", now);

    // when
    cached.revokeSession("session-1", later);

    // then
    assertThat(cached.isRevoked("token-2", "session-1", now)).isTrue();
  }

  @Test
  void revocationReachesStore() {
    // when
    cached.revokeToken("token-1", later);

    // then
    assertThat(store.tokenRevokedUntil("token-1")).hasValue(later);
  }

  @Test
  void revocationAppliesWhenStoreFails() {
    // given
    failures.failOn(Operation.REVOCATION_WRITE);

    // when
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> cached.revokeSession("session-1", later));

    // then
    failures.clear();
    assertThat(cached.isRevoked("token-1", "session-1", now)).isTrue();
  }

  @Test
  void keptRevocationEndsAtExpiry() {
    // given
    failures.failOn(Operation.REVOCATION_WRITE);
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> cached.revokeToken("token-1", later));
    failures.clear();

    // when
    boolean justBefore = cached.isRevoked("token-1", null, later.minusNanos(1));
    boolean atExpiry = cached.isRevoked("token-1", null, later);

    // then
    assertThat(justBefore).isTrue();
    assertThat(atExpiry).isFalse();
  }

  @Test
  void laterKeptExpiryStays() {
    // given
    failures.failOn(Operation.REVOCATION_WRITE);
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> cached.revokeToken("token-1", later));
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> cached.revokeToken("token-1", now.plusSeconds(1)));
    failures.clear();

    // when
    boolean revoked = cached.isRevoked("token-1", null, later.minusSeconds(1));

    // then
    assertThat(revoked).isTrue();
  }

  @Test
  void revokedSessionAppliesWithoutTokenId() {
    // given
    cached.revokeSession("session-1", later);

    // when
    boolean revoked = cached.isRevoked(null, "session-1", now);

    // then
    assertThat(revoked).isTrue();
  }

  @Test
  void otherSessionStaysValid() {
    // given
    cached.revokeSession("session-1", later);

    // when
    boolean revoked = cached.isRevoked(null, "session-2", now);

    // then
    assertThat(revoked).isFalse();
  }

  @Test
  void expiredRevocationsSweptAtThreshold() {
    // given
    for (int i = 0; i < CachingRevokedTokens.SWEEP_THRESHOLD; i++) {
      cached.revokeToken("token-" + i, now.plusSeconds(1));
    }
    clock.advance(Duration.ofSeconds(1));

    // when
    cached.revokeToken("token-new", later);

    // then
    assertThat(cached.revocationsKept()).isEqualTo(1);
  }

  /** Keeps the threshold's number of revocations that expire in one second, then lets it pass. */
  private void fillWithExpiredRevocations(String prefix) {
    for (int i = 0; i < CachingRevokedTokens.SWEEP_THRESHOLD; i++) {
      cached.revokeToken(prefix + i, clock.instant().plusSeconds(1));
    }
    clock.advance(Duration.ofSeconds(1));
  }

  @Test
  void expiredRevocationsKeptJustBeforeNextSweep() {
    // given
    fillWithExpiredRevocations("first-");
    cached.revokeToken("token-swept", later);
    fillWithExpiredRevocations("second-");
    clock.advance(CachingRevokedTokens.SWEEP_INTERVAL.minusSeconds(1).minusNanos(1));

    // when
    cached.revokeToken("token-kept", later);

    // then
    assertThat(cached.revocationsKept()).isEqualTo(CachingRevokedTokens.SWEEP_THRESHOLD + 2);
  }

  @Test
  void expiredRevocationsSweptAgainAfterInterval() {
    // given
    fillWithExpiredRevocations("first-");
    cached.revokeToken("token-swept", later);
    fillWithExpiredRevocations("second-");
    clock.advance(CachingRevokedTokens.SWEEP_INTERVAL.minusSeconds(1));

    // when
    cached.revokeToken("token-kept", later);

    // then
    assertThat(cached.revocationsKept()).isEqualTo(2);
  }

  @Test
  void revocationsKeptBelowThreshold() {
    // given
    for (int i = 0; i < CachingRevokedTokens.SWEEP_THRESHOLD - 1; i++) {
      cached.revokeToken("token-" + i, now.plusSeconds(1));
    }
    clock.advance(Duration.ofSeconds(1));

    // when
    cached.revokeToken("token-new", later);

    // then
    assertThat(cached.revocationsKept()).isEqualTo(CachingRevokedTokens.SWEEP_THRESHOLD);
  }

  @Test
  void uncachedReadsAlwaysReadStore() {
    // given
    RevokedTokens uncached = cached.uncachedReads();
    uncached.isRevoked("token-1", "session-1", now);

    // when
    uncached.isRevoked("token-1", "session-1", now);

    // then
    assertThat(storeReads()).isEqualTo(2);
  }

  @Test
  void uncachedRevocationAppliesAtOnce() {
    // given
    cached.isRevoked("token-1", "session-1", now);

    // when
    cached.uncachedReads().revokeToken("token-1", later);

    // then
    assertThat(cached.isRevoked("token-1", "session-1", now)).isTrue();
  }
}
