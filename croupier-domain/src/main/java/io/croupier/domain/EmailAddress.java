package io.croupier.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Admin email address, trimmed and lower-cased with {@link Locale#ROOT}. The syntax check accepts
 * the common {@code local@domain.tld} form of at most 254 characters, without spaces or quotes.
 */
public record EmailAddress(String value) {

  public static final String FIELD = "email";
  public static final int MAX_LENGTH = 254;

  private static final Pattern SHAPE =
      Pattern.compile(
          "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

  /** Validates an already normalized address; use {@link #of(String)} for raw input. */
  public EmailAddress {
    if (value == null || value.isEmpty()) {
      throw new InvalidField(FIELD, "Email is missing; send the admin's email address");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidField(
          FIELD,
          "Email '" + value + "' has " + value.length() + " characters; use at most " + MAX_LENGTH);
    }
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidField(
          FIELD, "Email '" + value + "' is invalid; send an address such as admin@example.com");
    }
  }

  /** Normalizes raw input and validates the result; null input is reported as missing. */
  public static EmailAddress of(String raw) {
    return new EmailAddress(normalize(raw));
  }

  /** Returns the trimmed, lower-cased form of raw input without validating it. */
  public static String normalize(String raw) {
    return raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
