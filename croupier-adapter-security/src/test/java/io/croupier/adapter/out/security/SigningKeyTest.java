package io.croupier.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

  private static final String SECRET_OF_32_BYTES = "0123456789abcdefghijklmnopqrstuv";
  private static final String SECRET_OF_31_BYTES = "0123456789abcdefghijklmnopqrstu";

  @Test
  void acceptsSecretOfThirtyTwoBytes() {
    // when
    SigningKey key = SigningKey.fromText(SECRET_OF_32_BYTES);

    // then
    assertThat(key.length()).isEqualTo(32);
    assertThat(key.bytes()).isEqualTo(SECRET_OF_32_BYTES.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void rejectsThirtyOneByteSecret() {
    assertThatThrownBy(() -> SigningKey.fromText(SECRET_OF_31_BYTES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("31 bytes")
        .hasMessageContaining("at least 32 bytes")
        .hasMessageNotContaining(SECRET_OF_31_BYTES);
  }

  @Test
  void countsBytesRatherThanCharacters() {
    // given
    String sixteenTwoByteCharacters = "é".repeat(16);

    // when
    SigningKey key = SigningKey.fromText(sixteenTwoByteCharacters);

    // then
    assertThat(key.length()).isEqualTo(32);
  }

  @Test
  void copiesBytesItIsGiven() {
    // given
    byte[] secret = SECRET_OF_32_BYTES.getBytes(StandardCharsets.UTF_8);
    SigningKey key = SigningKey.fromBytes(secret);

    // when
    secret[0] = 'X';

    // then
    assertThat(key.bytes()[0]).isEqualTo((byte) '0');
  }

  @Test
  void leavesSecretOutOfToString() {
    // when
    String text = SigningKey.fromText(SECRET_OF_32_BYTES).toString();

    // then
    assertThat(text).doesNotContain(SECRET_OF_32_BYTES);
    assertThat(text).contains("redacted");
  }
}
