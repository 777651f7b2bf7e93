package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefreshTokenCodecTest {

  @Test
  void makesDistinctTokens() {
    // when
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      tokens.add(RefreshTokenCodec.newToken());
    }

    // then
    assertThat(tokens).hasSize(1000);
  }

  @Test
  void hashesWithSha256() {
    // given the SHA-256 of "abc" from FIPS 180-2, appendix B.1
    String expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    // when / then
    assertThat(RefreshTokenCodec.hash("abc")).isEqualTo(expected);
  }

  @Test
  void hashesTokenOfRightShape() {
    // given
    String token = RefreshTokenCodec.newToken();

    // when / then
    assertThat(RefreshTokenCodec.hashOf(token)).contains(RefreshTokenCodec.hash(token));
  }

  @Test
  void rejectsTokenOneCharacterShort() {
    assertThat(RefreshTokenCodec.hashOf("a".repeat(42))).isEmpty();
  }

  @Test
  void rejectsTokenOneCharacterLong() {
    assertThat(RefreshTokenCodec.hashOf("a".repeat(44))).isEmpty();
  }

  @Test
  void rejectsPaddedToken() {
    assertThat(RefreshTokenCodec.hashOf("a".repeat(42) + "=")).isEmpty();
  }
}
