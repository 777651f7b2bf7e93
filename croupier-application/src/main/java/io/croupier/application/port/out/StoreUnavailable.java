package io.croupier.application.port.out;

/**
 * The store could not be reached or failed to respond. Adapters throw it in place of driver errors,
 * so that callers can report a retryable outage without driver details.
 */
public class StoreUnavailable extends RuntimeException {

  public StoreUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
