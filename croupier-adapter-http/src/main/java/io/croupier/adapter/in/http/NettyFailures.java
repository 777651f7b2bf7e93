package io.croupier.adapter.in.http;

import java.util.Optional;

/**
 * Client mistakes that Netty reports with its own exceptions. They are matched by class name, so
 * the adapter needs no compile-time dependency on Netty.
 */
final class NettyFailures {

  private NettyFailures() {}

  /** Returns the simple name of the first Netty failure in the cause chain, or empty. */
  static Optional<String> find(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String name = cause.getClass().getSimpleName();
      if (name.equals("DecompressionException")
          || name.equals("TooLongHttpLineException")
          || name.equals("TooLongHttpHeaderException")) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /** Returns whether a request body failed to decompress somewhere in the cause chain. */
  static boolean isDecompression(Throwable failure) {
    return find(failure).filter("DecompressionException"::equals).isPresent();
  }
}
