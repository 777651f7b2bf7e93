package io.croupier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginLockedOutTest {

  @Test
  void keepsExactRetryAfter() {
    // when
    LoginLockedOut error = new LoginLockedOut(Duration.ofMillis(90_500));

    // then
    assertThat(error.retryAfter()).isEqualTo(Duration.ofMillis(90_500));
  }

  @Test
  void roundsPartialSecondUp() {
    // when
    LoginLockedOut error = new LoginLockedOut(Duration.ofMillis(90_001));

    // then
    assertThat(error.retryAfterSeconds()).isEqualTo(91);
    assertThat(error.getMessage()).isEqualTo("Too many failed logins; try again in 91 seconds");
  }

  @Test
  void keepsWholeSeconds() {
    // when
    LoginLockedOut error = new LoginLockedOut(Duration.ofSeconds(90));

    // then
    assertThat(error.retryAfterSeconds()).isEqualTo(90);
  }

  @Test
  void acceptsOneMillisecond() {
    // when
    LoginLockedOut error = new LoginLockedOut(Duration.ofMillis(1));

    // then
    assertThat(error.retryAfterSeconds()).isEqualTo(1);
  }

  @Test
  void rejectsZeroRetryAfter() {
    assertThatIllegalArgumentException().isThrownBy(() -> new LoginLockedOut(Duration.ZERO));
  }

  @Test
  void rejectsNegativeRetryAfter() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LoginLockedOut(Duration.ofMillis(-1)));
  }
}
