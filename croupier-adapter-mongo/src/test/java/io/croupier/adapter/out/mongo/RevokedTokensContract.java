package io.croupier.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.croupier.application.port.out.RevokedTokens;
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

/** Behaviour every {@link MongoRevokedTokens} store must show. */
public abstract class RevokedTokensContract {

  private static final Instant NOW = TestData.CREATED_AT;
  private static final Instant UNTIL = NOW.plusSeconds(3600);

  private RevokedTokens revoked;

  /** Returns the master database with the master collections prepared. */
  protected abstract MongoDatabase masterDatabase();

  @BeforeEach
  void createList() {
    revoked = new MongoRevokedTokens(masterDatabase());
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }

  @Test
  void revokedTokenCountsJustBeforeExpiry() {
    // given
    String tokenId = newId();

    // when
    revoked.revokeToken(tokenId, UNTIL);

    // then
    assertThat(revoked.isRevoked(tokenId, null, UNTIL.minusMillis(1))).isTrue();
  }

  @Test
  void revokedTokenStopsCountingAtExpiry() {
    // given
    String tokenId = newId();

    // when
    revoked.revokeToken(tokenId, UNTIL);

    // then
    assertThat(revoked.isRevoked(tokenId, null, UNTIL)).isFalse();
  }

  @Test
  void revokedSessionCountsForAnyTokenOfIt() {
    // given
    String sessionId = newId();

    // when
    revoked.revokeSession(sessionId, UNTIL);

    // then
    assertThat(revoked.isRevoked(newId(), sessionId, NOW)).isTrue();
  }

  @Test
  void unknownIdsAreNotRevoked() {
    assertThat(revoked.isRevoked(newId(), newId(), NOW)).isFalse();
  }

  @Test
  void nullIdsAreNotRevoked() {
    assertThat(revoked.isRevoked(null, null, NOW)).isFalse();
  }

  @Test
  void tokenAndSessionIdsAreSeparate() {
    // given
    String id = newId();

    // when
    revoked.revokeToken(id, UNTIL);

    // then
    assertThat(revoked.isRevoked(null, id, NOW)).isFalse();
  }

  @Test
  void keepsLaterExpiry() {
    // given
    String sessionId = newId();
    revoked.revokeSession(sessionId, UNTIL);

    // when
    revoked.revokeSession(sessionId, NOW.plusSeconds(60));

    // then
    assertThat(revoked.isRevoked(null, sessionId, UNTIL.minusMillis(1))).isTrue();
  }

  @Test
  void extendsToLaterExpiry() {
    // given
    String tokenId = newId();
    revoked.revokeToken(tokenId, NOW.plusSeconds(60));

    // when
    revoked.revokeToken(tokenId, UNTIL);

    // then
    assertThat(revoked.isRevoked(tokenId, null, UNTIL.minusMillis(1))).isTrue();
  }

  @Test
  void concurrentRevocationsOfOneSessionAllSucceed() throws Exception {
    // given
    String sessionId = newId();
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> outcomes = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      Instant until = UNTIL.plusSeconds(i);
      outcomes.add(
          pool.submit(
              () -> {
                start.await();
                revoked.revokeSession(sessionId, until);
                return null;
              }));
    }

    // when
    start.countDown();
    for (Future<?> outcome : outcomes) {
      outcome.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();

    // then
    assertThat(revoked.isRevoked(null, sessionId, UNTIL.plusSeconds(writers - 2))).isTrue();
    assertThat(revoked.isRevoked(null, sessionId, UNTIL.plusSeconds(writers - 1))).isFalse();
  }
}
