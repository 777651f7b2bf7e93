package io.croupier.domain;

/**
 * An access token that is missing, malformed, badly signed, expired or revoked. The message is
 * the same for every cause, so that a client learns nothing about which check failed.
 */
public final class InvalidToken extends DomainException {

  public InvalidToken() {
    super("The access token is missing, invalid, expired or revoked; log in again");
  }
}
