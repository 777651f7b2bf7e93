package io.croupier.domain;

/** Login credentials did not match; the message never states which part was wrong. */
public final class AuthenticationFailed extends DomainException {

  public AuthenticationFailed() {
    super("Incorrect email or password");
  }
}
