package io.croupier.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {

  private static JsonLinesReader reader(byte[] bytes) {
    return new JsonLinesReader(new ByteArrayInputStream(bytes));
  }

  private static JsonLinesReader reader(String text) {
    return reader(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> readAll(JsonLinesReader reader) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line = reader.nextLine(); line != null; line = reader.nextLine()) {
      lines.add(line);
    }
    return lines;
  }

  @Test
  void readsLinesWithAndWithoutFinalBreak() throws IOException {
    assertThat(readAll(reader("a\nb\n"))).containsExactly("a", "b");
    assertThat(readAll(reader("a\nb"))).containsExactly("a", "b");
  }

  @Test
  void keepsBlankLinesAndCountsThem() throws IOException {
    // given
    JsonLinesReader reader = reader("a\n\nc\n");

    // when
    List<String> lines = readAll(reader);

    // then
    assertThat(lines).containsExactly("a", "", "c");
    assertThat(reader.lineNumber()).isEqualTo(3);
  }

  @Test
  void readsNothingFromEmptyInput() throws IOException {
    assertThat(reader("").nextLine()).isNull();
  }

  @Test
  void dropsCarriageReturnBeforeLineFeed() throws IOException {
    assertThat(readAll(reader("a\r\nb\r\n"))).containsExactly("a", "b");
  }

  @Test
  void skipsByteOrderMarkOfFirstLineOnly() throws IOException {
    assertThat(readAll(reader("\uFEFFa\n\uFEFFb\n"))).containsExactly("a", "\uFEFFb");
  }

  @Test
  void decodesCharactersThatSpanBufferBoundary() throws IOException {
    // given
    String text = "x".repeat(64 * 1024 - 1) + "é\n";

    // when
    List<String> lines = readAll(reader(text));

    // then
    assertThat(lines).containsExactly(text.strip());
  }

  @Test
  void reportsInvalidUtf8OnItsOwnLine() throws IOException {
    // given
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("one\ntwo\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {'t', (byte) 0xC3, 'x', '\n'});
    JsonLinesReader reader = reader(bytes.toByteArray());
    reader.nextLine();
    reader.nextLine();

    // when
    InvalidLine invalid = catchThrowableOfType(InvalidLine.class, reader::nextLine);

    // then
    assertThat(invalid.lineNumber()).isEqualTo(3);
    assertThat(invalid.reason()).isEqualTo("it is not valid UTF-8; save the file as UTF-8");
  }

  @Test
  void acceptsLineOfMaximumLength() throws IOException {
    // given
    String line = "x".repeat(JsonLinesReader.MAX_LINE_BYTES);

    // when
    List<String> lines = readAll(reader(line + "\nnext\n"));

    // then
    assertThat(lines.get(0)).hasSize(JsonLinesReader.MAX_LINE_BYTES);
    assertThat(lines.get(1)).isEqualTo("next");
  }

  @Test
  void rejectsLineOneByteOverMaximumLength() throws IOException {
    // given
    JsonLinesReader reader = reader("ok\n" + "x".repeat(JsonLinesReader.MAX_LINE_BYTES + 1) + "\n");
    reader.nextLine();

    // when
    InvalidLine invalid = catchThrowableOfType(InvalidLine.class, reader::nextLine);

    // then
    assertThat(invalid.lineNumber()).isEqualTo(2);
    assertThat(invalid.reason())
        .isEqualTo(
            "it is longer than 1048576 bytes; a document takes at most 65536 bytes as compact"
                + " JSON");
  }
}
