package io.croupier.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.croupier.application.port.out.LoginFailure;
import io.croupier.application.port.out.LoginFailureLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link MongoLoginFailureLog} store must show. */
public abstract class LoginFailureLogContract {

  private static final Instant NOW = TestData.CREATED_AT;
  private static final Duration WINDOW = Duration.ofMinutes(15);

  private LoginFailureLog log;
  private String key;

  /** Returns the master database with the master collections prepared. */
  protected abstract MongoDatabase masterDatabase();

  @BeforeEach
  void createLog() {
    log = new MongoLoginFailureLog(masterDatabase());
    key = "account:" + UUID.randomUUID() + "@example.com";
  }

  private String record(Instant time) {
    return log.record(key, time, time.plus(WINDOW));
  }

  @Test
  void returnsFailuresNewestFirst() {
    // given
    String oldest = record(NOW.minusSeconds(30));
    String newest = record(NOW.minusSeconds(10));
    String middle = record(NOW.minusSeconds(20));

    // when
    List<LoginFailure> recent = log.recent(key, NOW.minus(WINDOW), 10);

    // then
    assertThat(recent).extracting(LoginFailure::id).containsExactly(newest, middle, oldest);
    assertThat(recent.get(0).time()).isEqualTo(NOW.minusSeconds(10));
  }

  @Test
  void ordersEqualTimesById() {
    // given
    String first = record(NOW);
    String second = record(NOW);

    // when
    List<LoginFailure> recent = log.recent(key, NOW.minus(WINDOW), 10);

    // then
    List<String> expected =
        first.compareTo(second) > 0 ? List.of(first, second) : List.of(second, first);
    assertThat(recent).extracting(LoginFailure::id).containsExactlyElementsOf(expected);
  }

  @Test
  void leavesOutFailureExactlyAtSince() {
    // given
    record(NOW.minus(WINDOW));

    // when / then
    assertThat(log.recent(key, NOW.minus(WINDOW), 10)).isEmpty();
  }

  @Test
  void includesFailureJustAfterSince() {
    // given
    record(NOW.minus(WINDOW).plusMillis(1));

    // when / then
    assertThat(log.recent(key, NOW.minus(WINDOW), 10)).hasSize(1);
  }

  @Test
  void returnsAtMostLimit() {
    // given
    for (int i = 0; i < 6; i++) {
      record(NOW.minusSeconds(i));
    }

    // when
    List<LoginFailure> recent = log.recent(key, NOW.minus(WINDOW), 5);

    // then
    assertThat(recent).hasSize(5);
    assertThat(recent.get(0).time()).isEqualTo(NOW);
  }

  @Test
  void keepsKeysApart() {
    // given
    record(NOW);
    log.record("address:203.0.113.7-" + UUID.randomUUID(), NOW, NOW.plus(WINDOW));

    // when / then
    assertThat(log.recent(key, NOW.minus(WINDOW), 10)).hasSize(1);
  }

  @Test
  void removesOneFailure() {
    // given
    String removed = record(NOW);
    String kept = record(NOW.minusSeconds(1));

    // when
    log.remove(key, removed);

    // then
    assertThat(log.recent(key, NOW.minus(WINDOW), 10))
        .extracting(LoginFailure::id)
        .containsExactly(kept);
  }

  @Test
  void removeUnderOtherKeyDoesNothing() {
    // given
    String id = record(NOW);

    // when
    log.remove("account:other@example.com", id);

    // then
    assertThat(log.recent(key, NOW.minus(WINDOW), 10)).hasSize(1);
  }

  @Test
  void clearRemovesEveryFailureOfKey() {
    // given
    record(NOW);
    record(NOW.minusSeconds(1));

    // when
    log.clear(key);

    // then
    assertThat(log.recent(key, NOW.minus(WINDOW), 10)).isEmpty();
  }
}
