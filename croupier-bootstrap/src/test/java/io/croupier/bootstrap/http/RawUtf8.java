package io.croupier.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Request bodies with raw UTF-8 byte sequences, valid ones at the edges of each sequence length and
 * invalid ones just past those edges, for tests that a body is decoded strictly.
 */
final class RawUtf8 {

  static final String MALFORMED_BODY_TYPE = "urn:croupier:problem:malformed-body";

  private RawUtf8() {}

  /** Returns the bytes of the given values; each value is one byte from 0x00 to 0xFF. */
  static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  /** Returns the text in UTF-8 with the raw sequence in place of each occurrence of the marker. */
  static byte[] withSequence(String text, String marker, byte[] sequence) {
    String[] parts = text.split(Pattern.quote(marker), -1);
    assertThat(parts.length).as("occurrences of %s in %s", marker, text).isGreaterThan(1);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        body.writeBytes(sequence);
      }
      body.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
    }
    return body.toByteArray();
  }

  /** Invalid sequences: a name and the bytes. */
  static Stream<Arguments> invalidSequences() {
    return Stream.of(
        Arguments.of("C3 28, lead byte without continuation", bytes(0xC3, 0x28)),
        Arguments.of("80, continuation byte without lead", bytes(0x80)),
        Arguments.of("FF, never valid", bytes(0xFF)),
        Arguments.of("E2 82, sequence cut short", bytes(0xE2, 0x82)),
        Arguments.of("C0 AF, overlong '/'", bytes(0xC0, 0xAF)),
        Arguments.of("C1 BF, overlong U+007F", bytes(0xC1, 0xBF)),
        Arguments.of("E0 9F BF, overlong U+07FF", bytes(0xE0, 0x9F, 0xBF)),
        Arguments.of("F0 8F BF BF, overlong U+FFFF", bytes(0xF0, 0x8F, 0xBF, 0xBF)),
        Arguments.of("ED A0 80, surrogate U+D800", bytes(0xED, 0xA0, 0x80)),
        Arguments.of("ED BF BF, surrogate U+DFFF", bytes(0xED, 0xBF, 0xBF)),
        Arguments.of("F4 90 80 80, U+110000", bytes(0xF4, 0x90, 0x80, 0x80)));
  }

  /** Valid sequences: a name, the bytes and the text they encode. */
  static Stream<Arguments> validSequences() {
    return Stream.of(
        Arguments.of("C3 A9, é", bytes(0xC3, 0xA9), "é"),
        Arguments.of("F0 9F 98 80, emoji U+1F600", bytes(0xF0, 0x9F, 0x98, 0x80), "😀"),
        Arguments.of("C2 80, first two-byte U+0080", bytes(0xC2, 0x80), "\u0080"),
        Arguments.of("DF BF, last two-byte U+07FF", bytes(0xDF, 0xBF), "\u07FF"),
        Arguments.of("E0 A0 80, first three-byte U+0800", bytes(0xE0, 0xA0, 0x80), "\u0800"),
        Arguments.of("ED 9F BF, U+D7FF below the surrogates", bytes(0xED, 0x9F, 0xBF), "\uD7FF"),
        Arguments.of("EE 80 80, U+E000 above the surrogates", bytes(0xEE, 0x80, 0x80), "\uE000"),
        Arguments.of(
            "F0 90 80 80, first four-byte U+10000",
            bytes(0xF0, 0x90, 0x80, 0x80),
            new String(Character.toChars(0x10000))),
        Arguments.of(
            "F4 8F BF BF, last code point U+10FFFF",
            bytes(0xF4, 0x8F, 0xBF, 0xBF),
            new String(Character.toChars(0x10FFFF))));
  }

  /** Checks that a problem rejects the body as invalid UTF-8 and names the fix. */
  static void assertInvalidUtf8(JsonNode problem) {
    assertThat(problem.get("type").asText()).isEqualTo(MALFORMED_BODY_TYPE);
    assertThat(problem.get("detail").asText()).contains("not valid UTF-8");
    assertThat(problem.get("detail").asText()).contains("encode");
  }
}
