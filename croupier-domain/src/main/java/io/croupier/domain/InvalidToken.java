package io.croupier.domain;

/**
 * An access or refresh token that is missing, malformed, badly signed, expired or revoked. The
 * message is the same for every cause, so that a client learns nothing about which check failed.
 */
public final class InvalidToken extends DomainException {

  /** Creates the exception for a rejected access token. */
  public InvalidToken() {
    this("The access token is missing, invalid, expired or revoked; log in again");
  }

  private InvalidToken(String message) {
    super(message);
  }

  /** Returns the exception for a rejected refresh token. */
  public static InvalidToken forRefreshToken() {
    return new InvalidToken(
        "The refresh token is missing, invalid, expired or revoked; log in again");
  }
}
