package io.croupier.application.service;

import io.croupier.application.port.in.ListDocumentsQuery;
import io.croupier.application.port.out.DocumentPosition;
import io.croupier.domain.InvalidField;
import io.croupier.domain.TenantDocument;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Opaque page cursor of an organization's documents: the creation time in epoch milliseconds and
 * the id of the last document of a page, joined by a colon and encoded in base64url.
 */
final class DocumentCursor {

  private DocumentCursor() {}

  static String encode(DocumentPosition position) {
    String plain = position.createdAt().toEpochMilli() + ":" + position.id();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a cursor made by {@link #encode}.
   *
   * @throws InvalidField if the text is not such a cursor
   */
  static DocumentPosition decode(String cursor) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int colon = plain.indexOf(':');
      if (colon < 1 || colon == plain.length() - 1) {
        throw invalid();
      }
      long epochMillis = Long.parseLong(plain.substring(0, colon));
      String id = TenantDocument.checkId(plain.substring(colon + 1));
      return new DocumentPosition(Instant.ofEpochMilli(epochMillis), id);
    } catch (IllegalArgumentException | InvalidField malformed) {
      throw invalid();
    }
  }

  private static InvalidField invalid() {
    return new InvalidField(
        ListDocumentsQuery.AFTER_FIELD,
        "The cursor is invalid; pass the next cursor of the previous page unchanged, or none for"
            + " the first page");
  }
}
