package io.croupier.domain;

import java.util.Objects;

/**
 * A field value that breaks a rule; names the field in its wire spelling and states how to fix it.
 */
public final class InvalidField extends DomainException {

  private final String field;

  public InvalidField(String field, String message) {
    super(message);
    this.field = Objects.requireNonNull(field, "field");
  }

  /** Returns the snake_case name of the offending field, never null. */
  public String field() {
    return field;
  }
}
