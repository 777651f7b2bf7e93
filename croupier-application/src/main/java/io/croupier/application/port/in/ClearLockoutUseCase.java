package io.croupier.application.port.in;

import io.croupier.domain.EmailAddress;

/** Lets an operator end the login lockout of an account before it expires. */
public interface ClearLockoutUseCase {

  /**
   * Forgets every recorded login failure of the account, whether the email belongs to an admin or
   * not, and records the action in the audit log. Failures counted per client address stay.
   */
  void clear(EmailAddress email, RequestOrigin origin);

  /** Clears the lockout for a request of unknown origin; see the two-argument method. */
  default void clear(EmailAddress email) {
    clear(email, RequestOrigin.unknown());
  }
}
