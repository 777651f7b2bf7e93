package io.croupier.application.port.in;

/**
 * Origin of a request, for the audit log and for login limits per client address. Either part may
 * be null when the caller does not know it, such as a call from the command line.
 */
public record RequestOrigin(String clientAddress, String requestId) {

  private static final RequestOrigin UNKNOWN = new RequestOrigin(null, null);

  /** Returns the origin of a request whose client address and request id are both unknown. */
  public static RequestOrigin unknown() {
    return UNKNOWN;
  }
}
