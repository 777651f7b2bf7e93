package io.croupier.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalized organization name: trimmed, NFKC-normalized and lower-cased with {@link Locale#ROOT},
 * then 3 to 50 characters of {@code a-z}, {@code 0-9}, {@code _} and {@code -}, starting with a
 * letter or digit.
 */
public record OrganizationName(String value) {

  public static final String FIELD = "organization_name";
  public static final int MIN_LENGTH = 3;
  public static final int MAX_LENGTH = 50;

  private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  /** Validates an already normalized name; use {@link #of(String)} for raw input. */
  public OrganizationName {
    if (value == null || value.isEmpty()) {
      throw new InvalidField(FIELD, "Organization name is missing; send 3 to 50 characters");
    }
    if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
      throw new InvalidField(
          FIELD,
          "Organization name '" + value + "' has " + value.length() + " characters; use 3 to 50");
    }
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidField(
          FIELD,
          "Organization name '"
              + value
              + "' is invalid; use only a-z, 0-9, '_' and '-', starting with a letter or digit");
    }
  }

  /** Normalizes raw input and validates the result; null input is reported as missing. */
  public static OrganizationName of(String raw) {
    return new OrganizationName(normalize(raw));
  }

  /** Returns the normalized form of raw input without validating it; null stays null. */
  public static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    return Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
