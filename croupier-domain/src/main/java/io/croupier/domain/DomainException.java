package io.croupier.domain;

/** Base of every business rule violation; unchecked, and its message is safe to show a client. */
public abstract class DomainException extends RuntimeException {

  protected DomainException(String message) {
    super(message, null, false, false);
  }
}
