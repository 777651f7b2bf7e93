package io.croupier.adapter.in.http;

/** A request body or document over its size limit; becomes a 413 whose detail names the limit. */
final class BodyTooLarge extends RuntimeException {

  BodyTooLarge(String message) {
    super(message, null, false, false);
  }
}
