package io.croupier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidRefreshTokenTest {

  @Test
  void messageNamesRefreshToken() {
    // when
    InvalidToken error = InvalidToken.forRefreshToken();

    // then
    assertThat(error.getMessage())
        .isEqualTo("The refresh token is missing, invalid, expired or revoked; log in again");
  }

  @Test
  void accessTokenMessageStays() {
    // when
    InvalidToken error = new InvalidToken();

    // then
    assertThat(error.getMessage())
        .isEqualTo("The access token is missing, invalid, expired or revoked; log in again");
  }
}
