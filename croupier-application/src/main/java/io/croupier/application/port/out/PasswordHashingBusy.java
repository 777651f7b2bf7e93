package io.croupier.application.port.out;

/**
 * Password hashing is at capacity: every hashing thread is busy and the queue of waiting work is
 * full. The hasher throws it before it starts any work, so that callers can reject the request at
 * once and ask the client to retry later. It carries no stack trace, since a flood of requests
 * throws it once per request and it marks load, not a fault.
 */
public final class PasswordHashingBusy extends RuntimeException {

  private final long retryAfterSeconds;

  /**
   * Creates the exception with the number of seconds after which a retry is likely to be accepted.
   *
   * @throws IllegalArgumentException if the number of seconds is below 1
   */
  public PasswordHashingBusy(long retryAfterSeconds) {
    super(
        "Password hashing is at capacity; retry in " + retryAfterSeconds + " s",
        null,
        false,
        false);
    if (retryAfterSeconds < 1) {
      throw new IllegalArgumentException(
          "Retry delay must be at least 1 second, was " + retryAfterSeconds);
    }
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Returns the seconds after which a retry is likely to be accepted, at least 1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
