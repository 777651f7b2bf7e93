package io.croupier.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;

class PasswordHashingBusyTest {

  @Test
  void carriesNoStackTrace() {
    // when
    PasswordHashingBusy busy = new PasswordHashingBusy(1);

    // then
    assertThat(busy.getStackTrace()).isEmpty();
  }

  @Test
  void keepsRetryDelayOfOneSecond() {
    // when
    PasswordHashingBusy busy = new PasswordHashingBusy(1);

    // then
    assertThat(busy.retryAfterSeconds()).isEqualTo(1);
  }

  @Test
  void rejectsRetryDelayBelowOneSecond() {
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> new PasswordHashingBusy(0))
        .withMessage("Retry delay must be at least 1 second, was 0");
  }
}
