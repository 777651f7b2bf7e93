package io.croupier.adapter.in.http;

/** A request body sent with a media type other than JSON; becomes a 415. */
final class UnsupportedMediaType extends RuntimeException {

  UnsupportedMediaType(String message) {
    super(message, null, false, false);
  }
}
