package io.croupier.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.domain.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BcryptRehashTest {

  private static final Password PASSWORD = Password.of("Correct1Horse");

  private final BcryptPasswordHasher costFive = new BcryptPasswordHasher(5);

  @Test
  void keepsHashOfConfiguredCost() {
    // given
    String hash = costFive.hash(PASSWORD);

    // when / then
    assertThat(costFive.needsRehash(hash)).isFalse();
  }

  @Test
  void rehashesLowerCost() {
    // given
    String hash = new BcryptPasswordHasher(4).hash(PASSWORD);

    // when / then
    assertThat(costFive.needsRehash(hash)).isTrue();
  }

  @Test
  void rehashesHigherCost() {
    // given
    String hash = new BcryptPasswordHasher(6).hash(PASSWORD);

    // when / then
    assertThat(costFive.needsRehash(hash)).isTrue();
  }

  @Test
  void keepsOlderVersionOfSameCost() {
    // given a $2a$ hash of cost 5, as older bcrypt libraries wrote
    String hash = costFive.hash(PASSWORD).replace("$2b$", "$2a$");

    // when / then
    assertThat(costFive.needsRehash(hash)).isFalse();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "not-a-hash", "$2b$05$short"})
  void leavesTextThatIsNoHash(String hash) {
    assertThat(costFive.needsRehash(hash)).isFalse();
  }
}
