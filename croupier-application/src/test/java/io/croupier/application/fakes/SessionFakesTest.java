package io.croupier.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.port.out.LoginFailure;
import io.croupier.application.port.out.RefreshTokenState;
import io.croupier.application.port.out.StoredRefreshToken;
import io.croupier.application.port.out.TokenClaims;
import io.croupier.application.port.out.TokenSubject;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.Password;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SessionFakesTest {

  private static final Instant NOW = TestClock.DEFAULT_START;

  private final FailurePlan failures = new FailurePlan();
  private final TestClock clock = new TestClock();

  private static StoredRefreshToken token(String hash, String session) {
    return new StoredRefreshToken(
        hash, session, "admin-1", "org-1", 1, NOW, NOW.plusSeconds(60), RefreshTokenState.ACTIVE);
  }

  @Test
  void tokenCarriesSessionId() {
    // given
    FakeTokenService tokens = new FakeTokenService(clock, failures);
    TokenSubject subject =
        new TokenSubject("admin-1", "org-1", OrganizationName.of("acme"), 1, "session-1");

    // when
    TokenClaims claims = tokens.verify(tokens.issue(subject).token());

    // then
    assertThat(claims.sessionId()).isEqualTo("session-1");
  }

  @Test
  void tokenWithoutSessionHasNone() {
    // given
    FakeTokenService tokens = new FakeTokenService(clock, failures);
    TokenSubject subject = new TokenSubject("admin-1", "org-1", OrganizationName.of("acme"), 1);

    // when
    TokenClaims claims = tokens.verify(tokens.issue(subject).token());

    // then
    assertThat(claims.sessionId()).isNull();
  }

  @Test
  void rejectsEmptySessionPart() {
    // given
    FakeTokenService tokens = new FakeTokenService(clock, failures);
    String token = "fake-token.t.a.o.acme.1.0." + NOW.plusSeconds(60).toEpochMilli() + ".";

    // when / then
    assertThatExceptionOfType(InvalidToken.class).isThrownBy(() -> tokens.verify(token));
  }

  @Test
  void hasherWritesChangedCostAndAsksForRehash() {
    // given
    FakePasswordHasher hasher = new FakePasswordHasher(failures);
    String oldHash = hasher.hash(Password.of("Secret123"));
    hasher.setCost(12);

    // when
    String newHash = hasher.hash(Password.of("Secret123"));

    // then
    assertThat(FakePasswordHasher.costOf(newHash)).isEqualTo(OptionalInt.of(12));
    assertThat(hasher.needsRehash(oldHash)).isTrue();
    assertThat(hasher.needsRehash(newHash)).isFalse();
    assertThat(hasher.matches(Password.candidate("Secret123"), oldHash)).isTrue();
    assertThat(hasher.matches(Password.candidate("Secret123"), newHash)).isTrue();
  }

  @Test
  void hasherRejectsOtherPasswordAtAnyCost() {
    // given
    FakePasswordHasher hasher = new FakePasswordHasher(failures);
    hasher.setCost(12);
    String hash = hasher.hash(Password.of("Secret123"));

    // when / then
    assertThat(hasher.matches(Password.candidate("Secret124"), hash)).isFalse();
  }

  @Test
  void rotationSucceedsOnce() {
    // given
    InMemoryRefreshTokenStore store = new InMemoryRefreshTokenStore(failures);
    store.insert(token("hash-1", "session-1"));

    // when
    boolean first = store.markRotated("hash-1", NOW);
    boolean second = store.markRotated("hash-1", NOW);

    // then
    assertThat(first).isTrue();
    assertThat(second).isFalse();
  }

  @Test
  void rotationFailsAtExpiry() {
    // given
    InMemoryRefreshTokenStore store = new InMemoryRefreshTokenStore(failures);
    store.insert(token("hash-1", "session-1"));

    // when / then
    assertThat(store.markRotated("hash-1", NOW.plusSeconds(60))).isFalse();
  }

  @Test
  void revocationKeepsLaterExpiry() {
    // given
    InMemoryRevokedTokens revoked = new InMemoryRevokedTokens(failures);
    revoked.revokeSession("session-1", NOW.plusSeconds(60));

    // when
    revoked.revokeSession("session-1", NOW.plusSeconds(10));

    // then
    assertThat(revoked.isRevoked(null, "session-1", NOW.plusSeconds(30))).isTrue();
    assertThat(revoked.isRevoked(null, "session-1", NOW.plusSeconds(60))).isFalse();
  }

  @Test
  void failureLogReturnsNewestFirstWithinWindow() {
    // given
    InMemoryLoginFailureLog log = new InMemoryLoginFailureLog(failures);
    log.record("key", NOW, NOW.plusSeconds(60));
    String middle = log.record("key", NOW.plusSeconds(1), NOW.plusSeconds(61));
    String newest = log.record("key", NOW.plusSeconds(2), NOW.plusSeconds(62));

    // when
    List<LoginFailure> recent = log.recent("key", NOW, 10);

    // then
    assertThat(recent).extracting(LoginFailure::id).containsExactly(newest, middle);
  }

  @Test
  void failureLogHonoursLimit() {
    // given
    InMemoryLoginFailureLog log = new InMemoryLoginFailureLog(failures);
    for (int i = 0; i < 5; i++) {
      log.record("key", NOW.plus(Duration.ofSeconds(i)), NOW.plusSeconds(60));
    }

    // when / then
    assertThat(log.recent("key", NOW.minusSeconds(1), 3)).hasSize(3);
  }
}
