package io.croupier.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Escaping of request-derived text before logging, at the edges of each escaped range. */
class LogTextTest {

  @ParameterizedTest(name = "U+{0} becomes {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0000 | \\u0000",
        "0009 | \\t",
        "000A | \\n",
        "000D | \\r",
        "001B | \\u001b",
        "001F | \\u001f",
        "007F | \\u007f",
        "009F | \\u009f",
        "2028 | \\u2028",
        "2029 | \\u2029"
      })
  void escapesControlCharacter(String codePoint, String expected) {
    // given
    String text = "a" + (char) Integer.parseInt(codePoint, 16) + "b";

    // when
    String escaped = LogText.escape(text);

    // then
    assertThat(escaped).isEqualTo("a" + expected + "b");
  }

  @ParameterizedTest(name = "U+{0} is kept")
  @CsvSource({"0020", "007E", "00A0", "00E9", "2027", "202A", "4E16"})
  void keepsPrintableCharacter(String codePoint) {
    // given
    String text = "a" + (char) Integer.parseInt(codePoint, 16) + "b";

    // when
    String escaped = LogText.escape(text);

    // then
    assertThat(escaped).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"café", "Ünïcødé 世界", "😀"})
  void keepsNonAsciiLetters(String text) {
    // when
    String escaped = LogText.escape(text);

    // then
    assertThat(escaped).isEqualTo(text);
  }

  @Test
  void escapesForgedLogLine() {
    // given
    String text = "x'\r\n2026-01-01T00:00:00.000Z ERROR [main] forged";

    // when
    String escaped = LogText.escape(text);

    // then
    assertThat(escaped).isEqualTo("x'\\r\\n2026-01-01T00:00:00.000Z ERROR [main] forged");
  }
}
