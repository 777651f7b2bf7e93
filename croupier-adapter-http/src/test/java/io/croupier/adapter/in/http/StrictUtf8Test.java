package io.croupier.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictUtf8Test {

  private static byte[] hex(String digits) {
    return HexFormat.of().parseHex(digits);
  }

  @ParameterizedTest
  @CsvSource({
    "7f, 0x7F",
    "c280, 0x80",
    "dfbf, 0x7FF",
    "e0a080, 0x800",
    "ed9fbf, 0xD7FF",
    "ee8080, 0xE000",
    "efbfbf, 0xFFFF",
    "f0908080, 0x10000",
    "f09f9880, 0x1F600",
    "f48fbfbf, 0x10FFFF"
  })
  void decodesValidSequenceAtEveryEdge(String bytes, String codePoint) {
    // when
    String text = StrictUtf8.decode(hex(bytes));

    // then
    assertThat(text.codePoints().toArray()).containsExactly(Integer.decode(codePoint));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "c328", // lead byte followed by no continuation byte
        "80", // continuation byte without lead byte
        "ff", // byte that no valid sequence contains
        "e282", // sequence cut short at the end
        "c0af", // overlong '/'
        "c1bf", // overlong U+007F
        "e09fbf", // overlong U+07FF
        "f08fbfbf", // overlong U+FFFF
        "eda080", // surrogate U+D800
        "edbfbf", // surrogate U+DFFF
        "f4908080" // U+110000, above the last code point
      })
  void rejectsInvalidSequence(String bytes) {
    // when
    Throwable failure = catchThrowable(() -> StrictUtf8.decode(hex("7b" + bytes + "7d")));

    // then
    assertThat(failure).isInstanceOf(MalformedBody.class);
    assertThat(failure.getMessage()).contains("not valid UTF-8 at byte offset 1");
  }

  @Test
  void namesOffsetOfFirstInvalidSequence() {
    // when
    Throwable failure = catchThrowable(() -> StrictUtf8.decode(hex("c3a9c3a9c328c328")));

    // then
    assertThat(failure.getMessage()).contains("byte offset 4;");
  }

  @Test
  void decodesEmptyBody() {
    assertThat(StrictUtf8.decode(new byte[0])).isEmpty();
  }
}
