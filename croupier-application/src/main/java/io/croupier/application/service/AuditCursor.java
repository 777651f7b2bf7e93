package io.croupier.application.service;

import io.croupier.application.port.out.AuditPosition;
import io.croupier.domain.InvalidField;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Opaque page cursor of the audit log: the time in epoch milliseconds and the id of the last event
 * of a page, joined by a colon and encoded in base64url. Callers pass it back unchanged.
 */
final class AuditCursor {

  static final String FIELD = "cursor";

  private AuditCursor() {}

  static String encode(AuditPosition position) {
    String plain = position.time().toEpochMilli() + ":" + position.id();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a cursor made by {@link #encode}.
   *
   * @throws InvalidField if the text is not such a cursor
   */
  static AuditPosition decode(String cursor) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int colon = plain.indexOf(':');
      if (colon < 1 || colon == plain.length() - 1) {
        throw invalid();
      }
      long epochMillis = Long.parseLong(plain.substring(0, colon));
      return new AuditPosition(Instant.ofEpochMilli(epochMillis), plain.substring(colon + 1));
    } catch (IllegalArgumentException malformed) {
      throw invalid();
    }
  }

  private static InvalidField invalid() {
    return new InvalidField(
        FIELD,
        "The cursor is invalid; pass the next cursor of the previous page unchanged, or none for"
            + " the first page");
  }
}
