package io.croupier.adapter.in.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes request bodies as UTF-8 and rejects every invalid byte sequence, where Micronaut's own
 * decoding of a {@code @Body String} would put U+FFFD in its place. Rejected are bytes that no
 * sequence may hold, sequences cut short, overlong encodings, UTF-16 surrogates and code points
 * above U+10FFFF (RFC 3629).
 */
final class StrictUtf8 {

  private StrictUtf8() {}

  /**
   * Returns the text that the bytes encode; never returns null.
   *
   * @throws MalformedBody if the bytes are not valid UTF-8, naming the offset of the first invalid
   *     sequence
   */
  static String decode(byte[] body) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(body);
    // UTF-8 never takes fewer bytes than UTF-16 takes chars, so the output cannot overflow.
    CharBuffer output = CharBuffer.allocate(body.length);

    CoderResult result = decoder.decode(input, output, true);
    if (!result.isError()) {
      result = decoder.flush(output);
    }
    if (result.isError()) {
      throw new MalformedBody(
          "The request body is not valid UTF-8 at byte offset "
              + input.position()
              + "; encode the JSON text as UTF-8 and send it again",
          null);
    }
    return output.flip().toString();
  }
}
