package io.croupier.adapter.in.http;

/** A request body that is missing, not valid UTF-8 or not well-formed JSON; becomes a 400. */
final class MalformedBody extends RuntimeException {

  MalformedBody(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
