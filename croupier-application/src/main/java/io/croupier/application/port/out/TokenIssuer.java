package io.croupier.application.port.out;

import java.time.Duration;

/** Signs access tokens. */
public interface TokenIssuer {

  /** Returns a signed token for the subject, valid for the configured lifetime. */
  IssuedToken issue(TokenSubject subject);

  /** Returns how long a token issued now stays valid. */
  Duration lifetime();
}
