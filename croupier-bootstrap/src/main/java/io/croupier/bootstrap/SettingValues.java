package io.croupier.bootstrap;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the text of duration and count settings, with messages that name the setting. */
final class SettingValues {

  private static final Pattern AMOUNT_AND_UNIT =
      Pattern.compile(
          "(\\d{1,9})\\s*(s|sec|seconds?|m|min|minutes?|h|hours?|d|days?)?", Pattern.DOTALL);

  private SettingValues() {}

  /**
   * Parses a positive duration: a bare number in {@code bareUnit}, a number with the unit {@code
   * s}, {@code m}, {@code h} or, when {@code daysAllowed}, {@code d} (or their words), or an
   * ISO-8601 duration such as {@code PT2H}.
   *
   * @throws IllegalArgumentException naming the setting and the value if it cannot be read or is
   *     not positive
   */
  static Duration duration(String setting, String raw, ChronoUnit bareUnit, boolean daysAllowed) {
    Duration parsed = parse(setting, raw, bareUnit, daysAllowed);
    if (parsed.isZero()) {
      throw invalidDuration(setting, raw, bareUnit, daysAllowed);
    }
    return parsed;
  }

  /**
   * Parses a duration of zero or more, written as for {@link #duration} but without days.
   *
   * @throws IllegalArgumentException naming the setting and the value if it cannot be read or is
   *     negative
   */
  static Duration durationFromZero(String setting, String raw, ChronoUnit bareUnit) {
    try {
      return parse(setting, raw, bareUnit, false);
    } catch (IllegalArgumentException invalid) {
      // Replaced rather than chained, because its message requests a positive value.
      throw new IllegalArgumentException(
          setting
              + " '"
              + raw
              + "' is invalid; give 0 to turn it off, a number of "
              + bareUnit.toString().toLowerCase(Locale.ROOT)
              + ", or a duration such as 90s or PT0.5S");
    }
  }

  /** Parses a duration of zero or more, throwing the message of {@link #duration} otherwise. */
  private static Duration parse(
      String setting, String raw, ChronoUnit bareUnit, boolean daysAllowed) {
    String value = raw.strip().toLowerCase(Locale.ROOT);
    Duration parsed;
    Matcher matcher = AMOUNT_AND_UNIT.matcher(value);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      String unit = matcher.group(2) == null ? null : matcher.group(2).substring(0, 1);
      if ("d".equals(unit) && !daysAllowed) {
        throw invalidDuration(setting, raw, bareUnit, daysAllowed);
      }
      parsed = unit == null ? Duration.of(amount, bareUnit) : Duration.of(amount, unitOf(unit));
    } else {
      try {
        parsed = Duration.parse(raw.strip().toUpperCase(Locale.ROOT));
      } catch (RuntimeException unreadable) {
        throw invalidDuration(setting, raw, bareUnit, daysAllowed);
      }
    }
    if (parsed.isNegative()) {
      throw invalidDuration(setting, raw, bareUnit, daysAllowed);
    }
    return parsed;
  }

  private static ChronoUnit unitOf(String letter) {
    return switch (letter) {
      case "s" -> ChronoUnit.SECONDS;
      case "h" -> ChronoUnit.HOURS;
      case "d" -> ChronoUnit.DAYS;
      default -> ChronoUnit.MINUTES;
    };
  }

  private static IllegalArgumentException invalidDuration(
      String setting, String raw, ChronoUnit bareUnit, boolean daysAllowed) {
    String unitName = bareUnit.toString().toLowerCase(Locale.ROOT);
    String examples = daysAllowed ? "90s, 2h, 7d or P7D" : "90s, 2h or PT2H";
    return new IllegalArgumentException(
        setting
            + " '"
            + raw
            + "' is invalid; give a positive number of "
            + unitName
            + ", or a duration such as "
            + examples);
  }

  /**
   * Parses a whole number from 1 to 1,000,000.
   *
   * @throws IllegalArgumentException naming the setting and the value otherwise
   */
  static int count(String setting, String raw) {
    return countFrom(1, setting, raw);
  }

  /**
   * Parses a whole number from 0 to 1,000,000.
   *
   * @throws IllegalArgumentException naming the setting and the value otherwise
   */
  static int countFromZero(String setting, String raw) {
    return countFrom(0, setting, raw);
  }

  private static int countFrom(int minimum, String setting, String raw) {
    try {
      int value = Integer.parseInt(raw.strip());
      if (value >= minimum && value <= 1_000_000) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // Reported below with the same message as a number out of range.
    }
    throw new IllegalArgumentException(
        setting + " '" + raw + "' is invalid; give a whole number from " + minimum + " to 1000000");
  }
}
