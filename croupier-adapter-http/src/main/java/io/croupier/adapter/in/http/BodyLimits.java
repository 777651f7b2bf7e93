package io.croupier.adapter.in.http;

import io.croupier.domain.DocumentBody;

/**
 * Size limits of request bodies and the problem detail of each. The server's own limit, {@code
 * micronaut.server.max-request-size}, must be at least {@link #MAX_DOCUMENT_REQUEST_BYTES}; the
 * readers apply the smaller limit of each route to the body they receive.
 */
final class BodyLimits {

  /** Limit of every body except those of the document routes: 16 KiB. */
  static final int MAX_BYTES = 16 * 1024;

  /**
   * Limit of a document route's body: a document of {@link DocumentBody#MAX_BYTES} as compact JSON
   * plus 16 KiB for the whitespace of a formatted one, 80 KiB in all.
   */
  static final int MAX_DOCUMENT_REQUEST_BYTES = DocumentBody.MAX_BYTES + 16 * 1024;

  /** Path of the document routes; a body to a path under it may be larger. */
  static final String DOCUMENTS_PATH = "/org/documents";

  static final String TOO_LARGE = "The request body is too large; send at most 16 KiB";
  static final String DOCUMENT_REQUEST_TOO_LARGE =
      "The request body is too large; send at most 80 KiB, with a document of at most 64 KiB as"
          + " compact JSON";

  private BodyLimits() {}

  /** Returns the detail of a 413 for a request to the path. */
  static String tooLargeDetail(String path) {
    return isDocumentPath(path) ? DOCUMENT_REQUEST_TOO_LARGE : TOO_LARGE;
  }

  /**
   * Checks the size of a body as received, before it is decoded.
   *
   * @throws BodyTooLarge if it takes more than {@code maxBytes}
   */
  static void check(byte[] body, int maxBytes, String detail) {
    if (body != null && body.length > maxBytes) {
      throw new BodyTooLarge(detail);
    }
  }

  private static boolean isDocumentPath(String path) {
    return path.equals(DOCUMENTS_PATH) || path.startsWith(DOCUMENTS_PATH + "/");
  }
}
