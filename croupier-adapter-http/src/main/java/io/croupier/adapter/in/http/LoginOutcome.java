package io.croupier.adapter.in.http;

import io.croupier.domain.AuthenticationFailed;
import io.croupier.domain.LoginLockedOut;
import io.micronaut.http.HttpResponse;
import io.micronaut.web.router.RouteAttributes;
import java.util.Optional;

/** Outcome of a login request, read from its response, for the {@code croupier.logins} counter. */
enum LoginOutcome {
  SUCCESS("success"),
  FAILURE("failure"),
  LOCKED("locked");

  private final String tag;

  LoginOutcome(String tag) {
    this.tag = tag;
  }

  /** Returns the value of the counter's {@code outcome} tag. */
  String tag() {
    return tag;
  }

  /**
   * Returns the outcome of a login response: success on a 2xx, failure or locked from the exception
   * that the error response was made for, and empty for any other error, such as an invalid body.
   */
  static Optional<LoginOutcome> of(HttpResponse<?> response) {
    int status = response.code();
    if (status >= 200 && status < 300) {
      return Optional.of(SUCCESS);
    }
    Throwable exception = RouteAttributes.getException(response).orElse(null);
    if (exception instanceof AuthenticationFailed) {
      return Optional.of(FAILURE);
    }
    if (exception instanceof LoginLockedOut) {
      return Optional.of(LOCKED);
    }
    return Optional.empty();
  }
}
