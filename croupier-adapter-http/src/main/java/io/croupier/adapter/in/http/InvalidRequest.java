package io.croupier.adapter.in.http;

import java.util.List;

/** A request whose fields failed validation; becomes a 422 listing every invalid field. */
final class InvalidRequest extends RuntimeException {

  private final List<FieldError> errors;

  InvalidRequest(List<FieldError> errors) {
    super(errors.size() + " invalid field(s)", null, false, false);
    this.errors = List.copyOf(errors);
  }

  List<FieldError> errors() {
    return errors;
  }
}
