package io.croupier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginLimitsTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void defaultAccountLimit() {
    assertThat(LoginLimits.DEFAULT.accountFailures()).isEqualTo(5);
    assertThat(LoginLimits.DEFAULT.accountWindow()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void defaultAddressLimit() {
    assertThat(LoginLimits.DEFAULT.addressFailures()).isEqualTo(30);
    assertThat(LoginLimits.DEFAULT.addressWindow()).isEqualTo(MINUTE);
  }

  @Test
  void acceptsOneFailureAndOneMillisecond() {
    // when
    LoginLimits limits = new LoginLimits(1, Duration.ofMillis(1), 1, Duration.ofMillis(1));

    // then
    assertThat(limits.accountFailures()).isEqualTo(1);
  }

  @Test
  void rejectsZeroAccountFailures() {
    assertThatIllegalArgumentException().isThrownBy(() -> new LoginLimits(0, MINUTE, 1, MINUTE));
  }

  @Test
  void rejectsZeroAddressFailures() {
    assertThatIllegalArgumentException().isThrownBy(() -> new LoginLimits(1, MINUTE, 0, MINUTE));
  }

  @Test
  void rejectsZeroAccountWindow() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LoginLimits(1, Duration.ZERO, 1, MINUTE));
  }

  @Test
  void rejectsNegativeAddressWindow() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LoginLimits(1, MINUTE, 1, Duration.ofSeconds(-1)));
  }
}
