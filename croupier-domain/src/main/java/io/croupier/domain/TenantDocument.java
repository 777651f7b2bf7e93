package io.croupier.domain;

import java.time.Instant;
import java.util.Objects;

/** One document of an organization: its id, when it was created and last replaced, and body. */
public record TenantDocument(String id, Instant createdAt, Instant updatedAt, DocumentBody body) {

  public static final String ID_FIELD = "id";
  public static final int MAX_ID_LENGTH = 64;

  public TenantDocument {
    checkId(id);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
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
