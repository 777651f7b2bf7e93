package io.croupier.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.mongodb.client.MongoDatabase;
import io.croupier.application.port.out.RefreshTokenState;
import io.croupier.application.port.out.RefreshTokenStore;
import io.croupier.application.port.out.StoredRefreshToken;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link MongoRefreshTokenStore} store must show. */
public abstract class RefreshTokenStoreContract {

  private static final Instant ISSUED_AT = TestData.CREATED_AT;
  private static final Instant EXPIRES_AT = ISSUED_AT.plus(Duration.ofDays(14));

  private RefreshTokenStore store;

  /** Returns the master database with the master collections prepared. */
  protected abstract MongoDatabase masterDatabase();

  @BeforeEach
  void createStore() {
    store = new MongoRefreshTokenStore(masterDatabase());
  }

  private static StoredRefreshToken token(String sessionId) {
    return new StoredRefreshToken(
        UUID.randomUUID().toString().replace("-", ""),
        sessionId,
        UUID.randomUUID().toString(),
        UUID.randomUUID().toString(),
        Integer.MAX_VALUE + 1L,
        ISSUED_AT,
        EXPIRES_AT,
        RefreshTokenState.ACTIVE);
  }

  private static String newSession() {
    return UUID.randomUUID().toString();
  }

  private RefreshTokenState stateOf(StoredRefreshToken token) {
    return store.findByHash(token.tokenHash()).orElseThrow().state();
  }

  @Test
  void findsInsertedTokenByHash() {
    // given
    StoredRefreshToken token = token(newSession());

    // when
    store.insert(token);

    // then
    assertThat(store.findByHash(token.tokenHash())).contains(token);
  }

  @Test
  void returnsEmptyForUnknownHash() {
    assertThat(store.findByHash("unknown-hash")).isEmpty();
  }

  @Test
  void rejectsSecondTokenWithSameHash() {
    // given
    StoredRefreshToken token = token(newSession());
    store.insert(token);

    // when / then
    assertThatIllegalStateException().isThrownBy(() -> store.insert(token));
  }

  @Test
  void rotatesActiveTokenOnce() {
    // given
    StoredRefreshToken token = token(newSession());
    store.insert(token);

    // when
    boolean first = store.markRotated(token.tokenHash(), ISSUED_AT);
    boolean second = store.markRotated(token.tokenHash(), ISSUED_AT);

    // then
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(stateOf(token)).isEqualTo(RefreshTokenState.ROTATED);
  }

  @Test
  void rotatesJustBeforeExpiry() {
    // given
    StoredRefreshToken token = token(newSession());
    store.insert(token);

    // when / then
    assertThat(store.markRotated(token.tokenHash(), EXPIRES_AT.minusMillis(1))).isTrue();
  }

  @Test
  void refusesRotationAtExpiry() {
    // given
    StoredRefreshToken token = token(newSession());
    store.insert(token);

    // when
    boolean rotated = store.markRotated(token.tokenHash(), EXPIRES_AT);

    // then
    assertThat(rotated).isFalse();
    assertThat(stateOf(token)).isEqualTo(RefreshTokenState.ACTIVE);
  }

  @Test
  void refusesRotationOfUnknownToken() {
    assertThat(store.markRotated("unknown-hash", ISSUED_AT)).isFalse();
  }

  @Test
  void revokesEveryTokenOfSession() {
    // given
    String session = newSession();
    StoredRefreshToken rotated = token(session);
    StoredRefreshToken active = token(session);
    store.insert(rotated);
    store.markRotated(rotated.tokenHash(), ISSUED_AT);
    store.insert(active);

    // when
    store.revokeSession(session, ISSUED_AT);

    // then
    assertThat(stateOf(rotated)).isEqualTo(RefreshTokenState.REVOKED);
    assertThat(stateOf(active)).isEqualTo(RefreshTokenState.REVOKED);
  }

  @Test
  void revocationLeavesOtherSessions() {
    // given
    StoredRefreshToken revoked = token(newSession());
    StoredRefreshToken other = token(newSession());
    store.insert(revoked);
    store.insert(other);

    // when
    store.revokeSession(revoked.sessionId(), ISSUED_AT);

    // then
    assertThat(stateOf(other)).isEqualTo(RefreshTokenState.ACTIVE);
  }

  @Test
  void refusesRotationOfRevokedToken() {
    // given
    StoredRefreshToken token = token(newSession());
    store.insert(token);
    store.revokeSession(token.sessionId(), ISSUED_AT);

    // when / then
    assertThat(store.markRotated(token.tokenHash(), ISSUED_AT)).isFalse();
  }

  @Test
  void revokingUnknownSessionDoesNothing() {
    // given
    StoredRefreshToken token = token(newSession());
    store.insert(token);

    // when
    store.revokeSession(newSession(), ISSUED_AT);

    // then
    assertThat(stateOf(token)).isEqualTo(RefreshTokenState.ACTIVE);
  }

  @Test
  void concurrentRotationsLetExactlyOneWin() throws Exception {
    int contenders = 12;
    ExecutorService pool = Executors.newFixedThreadPool(contenders);
    try {
      for (int round = 0; round < 10; round++) {
        // given
        StoredRefreshToken token = token(newSession());
        store.insert(token);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
          outcomes.add(
              pool.submit(
                  () -> {
                    start.await();
                    return store.markRotated(token.tokenHash(), ISSUED_AT);
                  }));
        }

        // when
        start.countDown();
        int wins = 0;
        for (Future<Boolean> outcome : outcomes) {
          wins += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }

        // then
        assertThat(wins).as("winners of round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
