package io.croupier.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SigningKeyIdTest {

  private static final String SECRET = "0123456789abcdefghijklmnopqrstuv";

  @Test
  void encodesNineDigestBytes() throws Exception {
    // given
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(SECRET.getBytes(StandardCharsets.UTF_8));
    String expected = Base64.getUrlEncoder().encodeToString(Arrays.copyOf(digest, 9));

    // when
    String keyId = SigningKey.fromText(SECRET).keyId();

    // then
    assertThat(keyId).isEqualTo(expected);
    assertThat(keyId).hasSize(12);
  }

  @Test
  void isEqualForEqualSecrets() {
    assertThat(SigningKey.fromText(SECRET).keyId())
        .isEqualTo(SigningKey.fromBytes(SECRET.getBytes(StandardCharsets.UTF_8)).keyId());
  }

  @Test
  void differsForSecretDifferingInOneByte() {
    assertThat(SigningKey.fromText(SECRET).keyId())
        .isNotEqualTo(SigningKey.fromText(SECRET.replace('v', 'w')).keyId());
  }

  @Test
  void appearsInToStringWithoutSecret() {
    // when
    SigningKey key = SigningKey.fromText(SECRET);

    // then
    assertThat(key.toString()).contains(key.keyId());
    assertThat(key.toString()).doesNotContain(SECRET);
  }
}
