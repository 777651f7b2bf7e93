package io.croupier.application.port.out;

/** Signs access tokens. */
public interface TokenIssuer {

  /** Returns a signed token for the subject, valid for the configured lifetime. */
  IssuedToken issue(TokenSubject subject);
}
