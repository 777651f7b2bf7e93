package io.croupier.adapter.out.security;

/**
 * Start-up failure because the JWT secret settings are missing, conflicting, too short or point to
 * a file that cannot be read. The message names the setting and the fix, never the secret.
 */
public final class InvalidSigningKeyConfiguration extends RuntimeException {

  /** Creates the exception with a message that names the setting and what to do. */
  public InvalidSigningKeyConfiguration(String message) {
    super(message);
  }

  /** Creates the exception with a message and the I/O error behind it. */
  public InvalidSigningKeyConfiguration(String message, Throwable cause) {
    super(message, cause);
  }
}
