package io.croupier.adapter.in.http;

/**
 * Escaping of request-derived text, such as a path or an exception message that echoes input,
 * before it goes into a log line. A raw line break in such text would let a client write a fake log
 * line of its own in the text log format.
 */
final class LogText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private LogText() {}

  /**
   * Returns the text with each control character (U+0000 to U+001F and U+007F to U+009F) and each
   * line or paragraph separator (U+2028, U+2029) escaped as in a Java string literal: {@code \n},
   * {@code \r}, {@code \t}, or a backslash, {@code u} and four hex digits. Other characters,
   * non-ASCII letters included, are kept. Null becomes "null".
   */
  static String escape(Object value) {
    String text = String.valueOf(value);
    StringBuilder escaped = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!needsEscape(c)) {
        if (escaped != null) {
          escaped.append(c);
        }
        continue;
      }
      if (escaped == null) {
        escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      appendEscape(escaped, c);
    }
    return escaped == null ? text : escaped.toString();
  }

  private static boolean needsEscape(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }

  private static void appendEscape(StringBuilder escaped, char c) {
    switch (c) {
      case '\n' -> escaped.append("\\n");
      case '\r' -> escaped.append("\\r");
      case '\t' -> escaped.append("\\t");
      default ->
          escaped
              .append("\\u")
              .append(HEX[(c >> 12) & 0xF])
              .append(HEX[(c >> 8) & 0xF])
              .append(HEX[(c >> 4) & 0xF])
              .append(HEX[c & 0xF]);
    }
  }
}
