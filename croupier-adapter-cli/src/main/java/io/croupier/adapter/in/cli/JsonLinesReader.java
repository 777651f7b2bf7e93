package io.croupier.adapter.in.cli;

import io.croupier.domain.DocumentBody;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads UTF-8 text line by line and counts the lines. A line ends at LF, and a CR before the LF is
 * dropped. Each line is decoded on its own, so invalid UTF-8 is reported on the line that contains
 * it. A byte-order mark at the start of the input is skipped.
 */
final class JsonLinesReader implements Closeable {

  /**
   * Maximum line length, in bytes. A document takes at most 64 KiB as compact JSON, and its export
   * escapes each character outside ASCII into at most 3 times its UTF-8 bytes, so this leaves room
   * for indentation and the other fields.
   */
  static final int MAX_LINE_BYTES = 1024 * 1024;

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final InputStream input;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  private byte[] line = new byte[8 * 1024];
  private int lineLength;
  private long lineNumber;

  JsonLinesReader(InputStream input) {
    this.input = Objects.requireNonNull(input, "input");
  }

  /**
   * Returns the next line without its line break, or null at the end of the input.
   *
   * @throws InvalidLine if the line is longer than {@link #MAX_LINE_BYTES} or not valid UTF-8
   */
  String nextLine() throws IOException {
    lineLength = 0;
    boolean ended = false;
    while (!ended) {
      if (position == limit && !fill()) {
        if (lineLength == 0) {
          return null;
        }
        break;
      }
      int newline = indexOfNewline();
      int end = newline < 0 ? limit : newline;
      appendToLine(end - position);
      position = newline < 0 ? limit : newline + 1;
      ended = newline >= 0;
    }
    lineNumber++;
    return decodeLine();
  }

  /** Returns the number of the line that {@link #nextLine} returned last, 0 before the first. */
  long lineNumber() {
    return lineNumber;
  }

  private boolean fill() throws IOException {
    int read = input.read(buffer);
    while (read == 0) {
      read = input.read(buffer);
    }
    position = 0;
    limit = Math.max(read, 0);
    return read > 0;
  }

  private int indexOfNewline() {
    for (int index = position; index < limit; index++) {
      if (buffer[index] == '\n') {
        return index;
      }
    }
    return -1;
  }

  private void appendToLine(int count) {
    if (lineLength + count > MAX_LINE_BYTES) {
      throw new InvalidLine(
          lineNumber + 1,
          "it is longer than "
              + MAX_LINE_BYTES
              + " bytes; a document takes at most "
              + DocumentBody.MAX_BYTES
              + " bytes as compact JSON");
    }
    if (lineLength + count > line.length) {
      line =
          Arrays.copyOf(
              line, Math.min(MAX_LINE_BYTES, Math.max(line.length * 2, lineLength + count)));
    }
    System.arraycopy(buffer, position, line, lineLength, count);
    lineLength += count;
  }

  private String decodeLine() {
    int length = lineLength;
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    String text;
    try {
      text = decoder.reset().decode(ByteBuffer.wrap(line, 0, length)).toString();
    } catch (CharacterCodingException notUtf8) {
      throw new InvalidLine(lineNumber, "it is not valid UTF-8; save the file as UTF-8");
    }
    if (lineNumber == 1 && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
      return text.substring(1);
    }
    return text;
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
