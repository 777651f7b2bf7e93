package io.croupier.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * Too many failed logins for an account or from a client address within a time window. Login is
 * rejected without checking the password until {@link #retryAfter()} has passed. The message is the
 * same whether the account exists or not.
 */
public final class LoginLockedOut extends DomainException {

  private final Duration retryAfter;

  /**
   * Creates the exception with the time until a login can succeed again.
   *
   * @throws IllegalArgumentException if {@code retryAfter} is zero or negative
   */
  public LoginLockedOut(Duration retryAfter) {
    super(
        "Too many failed logins; try again in "
            + wholeSecondsUp(Objects.requireNonNull(retryAfter, "retryAfter"))
            + " seconds");
    if (retryAfter.isZero() || retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must be positive, was " + retryAfter);
    }
    this.retryAfter = retryAfter;
  }

  /** Returns the time until the number of recent failures drops below the limit. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** Returns {@link #retryAfter()} in whole seconds, rounded up, as a Retry-After header needs. */
  public long retryAfterSeconds() {
    return wholeSecondsUp(retryAfter);
  }

  private static long wholeSecondsUp(Duration duration) {
    long seconds = duration.getSeconds();
    return duration.getNano() > 0 ? seconds + 1 : seconds;
  }
}
