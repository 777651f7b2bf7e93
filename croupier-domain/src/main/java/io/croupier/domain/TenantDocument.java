package io.croupier.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One document of an organization: its id, when it was created and last replaced, and body. Both
 * times lie from {@link #MIN_TIME} to {@link #MAX_TIME}, the times that ISO-8601 writes with a
 * 4-digit year, as the HTTP API's date-time fields (RFC 3339) require. That range also fits the
 * milliseconds since 1970 in a signed 64-bit number, which is how MongoDB stores a date.
 */
public record TenantDocument(String id, Instant createdAt, Instant updatedAt, DocumentBody body) {

  public static final String ID_FIELD = "id";
  public static final int MAX_ID_LENGTH = 64;
  public static final String CREATED_AT_FIELD = "created_at";
  public static final String UPDATED_AT_FIELD = "updated_at";
  public static final Instant MIN_TIME = Instant.parse("0000-01-01T00:00:00Z");
  public static final Instant MAX_TIME = Instant.parse("9999-12-31T23:59:59.999999999Z");

  public TenantDocument {
    checkId(id);
    checkTime(createdAt, CREATED_AT_FIELD);
    checkTime(updatedAt, UPDATED_AT_FIELD);
    Objects.requireNonNull(body, "body");
  }

  /**
   * Checks that a document id is usable: 1 to {@value #MAX_ID_LENGTH} characters of ASCII letters,
   * digits, '-' and '_'.
   *
   * @throws InvalidField if it is not
   */
  public static String checkId(String id) {
    Objects.requireNonNull(id, "id");
    boolean valid =
        !id.isEmpty()
            && id.length() <= MAX_ID_LENGTH
            && id.chars().allMatch(TenantDocument::idChar);
    if (!valid) {
      throw new InvalidField(
          ID_FIELD,
          "Document id must be 1 to "
              + MAX_ID_LENGTH
              + " characters of ASCII letters, digits, '-' and '_'");
    }
    return id;
  }

  // NOTE: reads build documents through this check too, so a document that an import stored with a
  // year past 9999 before this range was enforced now fails to read instead of being returned.
  private static void checkTime(Instant time, String field) {
    Objects.requireNonNull(time, field);
    if (time.isBefore(MIN_TIME) || time.isAfter(MAX_TIME)) {
      throw new InvalidField(
          field,
          "Time "
              + time
              + " is outside the range from "
              + MIN_TIME
              + " to "
              + MAX_TIME
              + " that ISO-8601 writes with a 4-digit year; use a time in that range");
    }
  }

  private static boolean idChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }

  public TenantDocument replacedBy(DocumentBody newBody, Instant now) {
    return new TenantDocument(id, createdAt, now, newBody);
  }
}
