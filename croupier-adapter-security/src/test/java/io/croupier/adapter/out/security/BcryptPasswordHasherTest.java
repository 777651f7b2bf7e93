package io.croupier.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.croupier.domain.Password;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BcryptPasswordHasherTest {

  /** The lowest cost bcrypt allows, so that the tests run fast. */
  private static final int TEST_COST = 4;

  private static final String PASSWORD = "Correct1Horse";

  /** 72 bytes in UTF-8: three ASCII characters, then 23 three-byte euro signs. */
  private static final String PASSWORD_OF_72_BYTES = "Aa1" + "€".repeat(23);

  private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(TEST_COST);

  @Test
  void matchesHashOfSamePassword() {
    // given
    String hash = hasher.hash(Password.of(PASSWORD));

    // when
    boolean matches = hasher.matches(Password.candidate(PASSWORD), hash);

    // then
    assertThat(matches).isTrue();
  }

  @Test
  void rejectsWrongPassword() {
    // given
    String hash = hasher.hash(Password.of(PASSWORD));

    // when
    boolean matches = hasher.matches(Password.candidate("Correct1Horsf"), hash);

    // then
    assertThat(matches).isFalse();
  }

  @Test
  void writesVersion2bHashWithConfiguredCost() {
    // given
    BcryptPasswordHasher costFive = new BcryptPasswordHasher(5);

    // when
    String hash = costFive.hash(Password.of(PASSWORD));

    // then
    assertThat(hash).startsWith("$2b$05$");
    assertThat(hash).hasSize(60);
  }

  @Test
  void usesCostTwelveByDefault() {
    // when
    BcryptPasswordHasher defaults = new BcryptPasswordHasher();

    // then
    assertThat(defaults.cost()).isEqualTo(12);
  }

  @Test
  void rejectsCostThree() {
    assertThatThrownBy(() -> new BcryptPasswordHasher(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bcrypt cost 3 ");
  }

  @Test
  void acceptsCostFour() {
    // when
    BcryptPasswordHasher lowest = new BcryptPasswordHasher(4);

    // then
    assertThat(lowest.cost()).isEqualTo(4);
  }

  @Test
  void acceptsCostThirtyOne() {
    // when
    BcryptPasswordHasher highest = new BcryptPasswordHasher(31);

    // then
    assertThat(highest.cost()).isEqualTo(31);
  }

  @Test
  void rejectsCostThirtyTwo() {
    assertThatThrownBy(() -> new BcryptPasswordHasher(32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bcrypt cost 32 ");
  }

  @Test
  void hashesPasswordOfSeventyTwoBytes() {
    // given
    Password password = Password.of(PASSWORD_OF_72_BYTES);

    // when
    String hash = hasher.hash(password);

    // then
    assertThat(password.byteLength()).isEqualTo(72);
    assertThat(hasher.matches(Password.candidate(PASSWORD_OF_72_BYTES), hash)).isTrue();
  }

  @Test
  void usesEveryOneOfSeventyTwoBytes() {
    // given
    String hash = hasher.hash(Password.of(PASSWORD_OF_72_BYTES));
    String lastCharacterChanged = "Aa1" + "€".repeat(22) + "£x";

    // when
    boolean matches = hasher.matches(Password.candidate(lastCharacterChanged), hash);

    // then
    assertThat(lastCharacterChanged.getBytes(StandardCharsets.UTF_8)).hasSize(72);
    assertThat(matches).isFalse();
  }

  @Test
  void rejectsSeventyThreeByteCandidate() {
    // given
    String hash = hasher.hash(Password.of(PASSWORD_OF_72_BYTES));
    Password longer = Password.candidate(PASSWORD_OF_72_BYTES + "x");

    // when
    boolean matches = hasher.matches(longer, hash);

    // then
    assertThat(longer.byteLength()).isEqualTo(73);
    assertThat(matches).isFalse();
  }

  @Test
  void rejectsHashingSeventyThreeBytes() {
    // given
    String tooLong = PASSWORD_OF_72_BYTES + "x";

    // when / then
    assertThatThrownBy(() -> hasher.hash(Password.candidate(tooLong)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("73 bytes")
        .hasMessageNotContaining(tooLong);
  }

  @Test
  void rejectsHashingEmptyPassword() {
    assertThatThrownBy(() -> hasher.hash(Password.candidate("")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void rejectsEmptyCandidate() {
    // given
    String hash = hasher.hash(Password.of(PASSWORD));

    // when
    boolean matches = hasher.matches(Password.candidate(""), hash);

    // then
    assertThat(matches).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not a hash",
        "$2b$04$short",
        "$2b$03$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0",
        "$2b$32$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0",
        "$2c$04$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0",
        "$2b$04$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01",
        "$2b$04$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!",
        "$2b$04$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZé"
      })
  void rejectsMalformedHashWithoutException(String malformed) {
    // when
    boolean matches = hasher.matches(Password.candidate(PASSWORD), malformed);

    // then
    assertThat(matches).isFalse();
  }

  @Test
  void rejectsNullHash() {
    // when
    boolean matches = hasher.matches(Password.candidate(PASSWORD), null);

    // then
    assertThat(matches).isFalse();
  }

  @Test
  void saltsEveryHash() {
    // given
    Password password = Password.of(PASSWORD);

    // when
    String first = hasher.hash(password);
    String second = hasher.hash(password);

    // then
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void matchesHashesOfVersions2aAnd2y() {
    // given
    char[] plain = PASSWORD.toCharArray();
    String version2a = BCrypt.with(BCrypt.Version.VERSION_2A).hashToString(TEST_COST, plain);
    String version2y = BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(TEST_COST, plain);

    // when / then
    assertThat(hasher.matches(Password.candidate(PASSWORD), version2a)).isTrue();
    assertThat(hasher.matches(Password.candidate(PASSWORD), version2y)).isTrue();
  }

  @Test
  void readsCostOfStoredHash() {
    // given
    String hash = new BcryptPasswordHasher(6).hash(Password.of(PASSWORD));

    // when / then
    assertThat(hasher.costOf(hash)).hasValue(6);
  }

  @Test
  void readsNoCostFromMalformedHash() {
    assertThat(hasher.costOf("$2b$xx$nothing")).isEmpty();
  }

  @Test
  void neverThrowsForUnusualCandidates() {
    // given
    String hash = hasher.hash(Password.of(PASSWORD));

    // when / then
    assertThatCode(() -> hasher.matches(Password.candidate(null), hash)).doesNotThrowAnyException();
    assertThatCode(() -> hasher.matches(Password.candidate("x".repeat(10_000)), hash))
        .doesNotThrowAnyException();
    assertThatCode(() -> hasher.matches(Password.candidate("\u0000\n\t"), hash))
        .doesNotThrowAnyException();
  }

  @Test
  void runsOneVerificationForEveryInput() {
    // given
    CountingVerification counting = new CountingVerification();
    BcryptPasswordHasher counted = new BcryptPasswordHasher(4, counting);
    String hash = counted.hash(Password.of(PASSWORD));
    Password wrong = Password.candidate("Wrong1Password");
    Password tooLong = Password.candidate(PASSWORD_OF_72_BYTES + "x");

    // when
    boolean right = counted.matches(Password.candidate(PASSWORD), hash);
    boolean wrongPassword = counted.matches(wrong, hash);
    boolean tooLongCandidate = counted.matches(tooLong, hash);
    boolean emptyCandidate = counted.matches(Password.candidate(""), hash);
    boolean malformedHash = counted.matches(wrong, "not a hash");
    boolean nullHash = counted.matches(wrong, null);

    // then
    assertThat(counting.calls).isEqualTo(6);
    assertThat(right).isTrue();
    assertThat(wrongPassword).isFalse();
    assertThat(tooLongCandidate).isFalse();
    assertThat(emptyCandidate).isFalse();
    assertThat(malformedHash).isFalse();
    assertThat(nullHash).isFalse();
  }

  /** Real bcrypt verification that counts its calls. */
  private static final class CountingVerification extends BcryptPasswordHasher.BcryptVerification {

    private int calls;

    @Override
    public boolean test(byte[] password, byte[] hash) {
      calls++;
      return super.test(password, hash);
    }
  }
}
