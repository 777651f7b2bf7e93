package io.croupier.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * Brute-force limits for login: how many failed logins an account, and a client address, may have
 * within a sliding window before further logins are rejected until the oldest failure leaves it.
 */
public record LoginLimits(
    int accountFailures, Duration accountWindow, int addressFailures, Duration addressWindow) {

  /** 5 failures per account in 15 minutes, and 30 failures per client address in one minute. */
  public static final LoginLimits DEFAULT =
      new LoginLimits(5, Duration.ofMinutes(15), 30, Duration.ofMinutes(1));

  /**
   * Validates the limits.
   *
   * @throws IllegalArgumentException if a count is below 1 or a window is not positive
   */
  public LoginLimits {
    Objects.requireNonNull(accountWindow, "accountWindow");
    Objects.requireNonNull(addressWindow, "addressWindow");
    requirePositive("accountFailures", accountFailures);
    requirePositive("addressFailures", addressFailures);
    requirePositive("accountWindow", accountWindow);
    requirePositive("addressWindow", addressWindow);
  }

  private static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be 1 or more, was " + value);
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
