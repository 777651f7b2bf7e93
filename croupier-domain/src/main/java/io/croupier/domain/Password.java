package io.croupier.domain;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Plain-text password, NFC-normalized. {@link #of(String)} enforces the policy for a new password:
 * at least 8 characters, an upper-case letter, a lower-case letter and a digit, no control
 * characters, and at most 72 bytes in UTF-8 because bcrypt ignores every byte after the 72nd.
 * {@link #candidate(String)} only normalizes, for checking a login attempt. The value never appears
 * in {@link #toString()}.
 */
public final class Password {

  public static final String FIELD = "password";
  public static final int MIN_LENGTH = 8;
  public static final int MAX_BYTES = 72;

  private final String value;

  private Password(String value) {
    this.value = value;
  }

  /** Normalizes a new password and checks it against the policy. */
  public static Password of(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw new InvalidField(FIELD, "Password is missing; send at least 8 characters");
    }
    String normalized = Normalizer.normalize(raw, Normalizer.Form.NFC);
    if (normalized.codePoints().anyMatch(Password::isLoneSurrogate)) {
      throw new InvalidField(
          FIELD, "Password contains an unpaired UTF-16 surrogate, which is not text; remove it");
    }
    if (normalized.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidField(FIELD, "Password contains a control character; remove it");
    }
    int length = normalized.codePointCount(0, normalized.length());
    if (length < MIN_LENGTH) {
      throw new InvalidField(
          FIELD, "Password has " + length + " characters; use at least " + MIN_LENGTH);
    }
    int bytes = normalized.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw new InvalidField(
          FIELD,
          "Password is "
              + bytes
              + " bytes in UTF-8; use at most "
              + MAX_BYTES
              + ", because bcrypt ignores the rest");
    }
    if (normalized.codePoints().noneMatch(Character::isUpperCase)
        || normalized.codePoints().noneMatch(Character::isLowerCase)
        || normalized.codePoints().noneMatch(Character::isDigit)) {
      throw new InvalidField(
          FIELD, "Password needs an upper-case letter, a lower-case letter and a digit");
    }
    return new Password(normalized);
  }

  /** Normalizes a password given at login, without the policy checks; null becomes empty. */
  public static Password candidate(String raw) {
    if (raw == null) {
      return new Password("");
    }
    // A lone surrogate would become '?' in UTF-8 and match a password that has a real '?' there,
    // so it becomes U+FFFD, which no valid password contains in its place.
    StringBuilder wellFormed = new StringBuilder(raw.length());
    raw.codePoints()
        .map(codePoint -> isLoneSurrogate(codePoint) ? 0xFFFD : codePoint)
        .forEach(wellFormed::appendCodePoint);
    return new Password(Normalizer.normalize(wellFormed, Normalizer.Form.NFC));
  }

  private static boolean isLoneSurrogate(int codePoint) {
    return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
  }

  /** Returns the normalized plain text; callers pass it only to a password hasher. */
  public String reveal() {
    return value;
  }

  /** Returns the length of the normalized password in UTF-8 bytes. */
  public int byteLength() {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }

  @Override
  public String toString() {
    return "Password[redacted]";
  }
}
