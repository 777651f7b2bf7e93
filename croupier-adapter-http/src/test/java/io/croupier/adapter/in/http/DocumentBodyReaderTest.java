package io.croupier.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.croupier.domain.DocumentBody;
import io.croupier.domain.InvalidField;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentBodyReaderTest {

  private final DocumentBodyReader reader = new DocumentBodyReader();

  private static HttpRequest<?> jsonRequest(String contentType) {
    return HttpRequest.POST("/org/documents", "").contentType(contentType);
  }

  private DocumentBody read(String body) {
    return reader.read(
        jsonRequest(MediaType.APPLICATION_JSON), body.getBytes(StandardCharsets.UTF_8));
  }

  private Throwable readFailure(String body) {
    return catchThrowable(() -> read(body));
  }

  /** Returns an object whose compact JSON takes exactly {@code bytes} bytes. */
  private static String compactDocumentOf(int bytes) {
    String prefix = "{\"text\":\"";
    String suffix = "\"}";
    return prefix + "x".repeat(bytes - prefix.length() - suffix.length()) + suffix;
  }

  /** Returns {@code depth} objects nested in one another, the outermost counted as level 1. */
  private static String nestedObjects(int depth) {
    return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
  }

  @Test
  void readsFieldsInOrder() {
    // when
    DocumentBody body = read("{\"b\": 1, \"a\": [true, null, \"x\"], \"c\": {}}");

    // then
    assertThat(body.fields()).containsOnlyKeys("b", "a", "c");
    assertThat(body.fields().keySet()).containsExactly("b", "a", "c");
    assertThat(body.toJson()).isEqualTo("{\"b\":1,\"a\":[true,null,\"x\"],\"c\":{}}");
  }

  @Test
  void keepsIntegerBeyondLongExactly() {
    // given
    String big = "123456789012345678901234567890";

    // when
    DocumentBody body = read("{\"n\": " + big + "}");

    // then
    assertThat(body.fields().get("n")).isEqualTo(new BigDecimal(new BigInteger(big)));
    assertThat(body.toJson()).isEqualTo("{\"n\":" + big + "}");
  }

  @Test
  void keepsDecimalDigitsExactly() {
    // when
    DocumentBody body = read("{\"price\": 0.10, \"long\": 3.141592653589793238462643383279}");

    // then
    assertThat(body.fields().get("price")).isEqualTo(new BigDecimal("0.10"));
    assertThat(body.toJson()).contains("3.141592653589793238462643383279");
  }

  @Test
  void keepsLongMaximumAsLong() {
    // when
    DocumentBody body = read("{\"n\": " + Long.MAX_VALUE + "}");

    // then
    assertThat(body.fields().get("n")).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void acceptsDocumentOfExactly64KiB() {
    // given
    String json = compactDocumentOf(DocumentBody.MAX_BYTES);

    // when
    DocumentBody body = read(json);

    // then
    assertThat(body.toJson().getBytes(StandardCharsets.UTF_8)).hasSize(DocumentBody.MAX_BYTES);
  }

  @Test
  void rejectsDocumentOneByteOver64KiB() {
    // when
    Throwable failure = readFailure(compactDocumentOf(DocumentBody.MAX_BYTES + 1));

    // then
    assertThat(failure).isInstanceOf(BodyTooLarge.class);
    assertThat(failure.getMessage()).contains("65537 bytes");
    assertThat(failure.getMessage()).contains("65536");
  }

  @Test
  void measuresMultiByteTextInUtf8() {
    // given: each 'é' takes two bytes, so the document is one byte over the limit
    String prefix = "{\"text\":\"";
    int room = DocumentBody.MAX_BYTES - prefix.length() - 2;
    String json = prefix + "é".repeat(room / 2) + "x".repeat(room % 2 + 1) + "\"}";

    // when
    Throwable failure = readFailure(json);

    // then
    assertThat(failure).isInstanceOf(BodyTooLarge.class);
  }

  @Test
  void acceptsFormattedDocumentWhoseCompactFormFits() {
    // given: 64 KiB of content plus 16 KiB of whitespace makes exactly 80 KiB
    String compact = compactDocumentOf(DocumentBody.MAX_BYTES);
    String formatted = " ".repeat(16 * 1024 - 1) + compact + "\n";

    // when
    DocumentBody body = read(formatted);

    // then
    assertThat(formatted.getBytes(StandardCharsets.UTF_8))
        .hasSize(BodyLimits.MAX_DOCUMENT_REQUEST_BYTES);
    assertThat(body.toJson()).isEqualTo(compact);
  }

  @Test
  void rejectsBodyOneByteOver80KiB() {
    // given
    String formatted = " ".repeat(16 * 1024) + compactDocumentOf(DocumentBody.MAX_BYTES) + "\n";

    // when
    Throwable failure = readFailure(formatted);

    // then
    assertThat(failure).isInstanceOf(BodyTooLarge.class);
    assertThat(failure.getMessage()).contains("80 KiB");
  }

  @Test
  void acceptsDepthOf32() {
    // when
    DocumentBody body = read(nestedObjects(DocumentBody.MAX_DEPTH));

    // then
    assertThat(body.fields()).containsOnlyKeys("a");
  }

  @Test
  void rejectsDepthOf33AsInvalidDocument() {
    // when
    Throwable failure = readFailure(nestedObjects(DocumentBody.MAX_DEPTH + 1));

    // then
    assertThat(failure).isInstanceOf(InvalidField.class);
    assertThat(((InvalidField) failure).field()).isEqualTo("document");
    assertThat(failure.getMessage()).contains("32 levels");
  }

  @Test
  void rejectsNestingBeyondParserLimitAsInvalidDocument() {
    // given
    String body = "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";

    // when
    Throwable failure = readFailure(body);

    // then
    assertThat(failure).isInstanceOf(InvalidRequest.class);
    assertThat(((InvalidRequest) failure).errors())
        .extracting(FieldError::field)
        .containsExactly("document");
    assertThat(((InvalidRequest) failure).errors().get(0).message()).contains("32 levels");
  }

  @Test
  void rejectsOverlongNumberAsInvalidDocument() {
    // when
    Throwable failure = readFailure("{\"n\": " + "9".repeat(5_000) + "}");

    // then
    assertThat(failure).isInstanceOf(InvalidRequest.class);
    assertThat(((InvalidRequest) failure).errors().get(0).message()).contains("number");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"{\"$set\": 1}", "{\"a\": {\"$where\": \"x\"}}", "{\"a\": [{\"$x\": 1}]}"})
  void rejectsDollarFieldName(String json) {
    // when
    Throwable failure = readFailure(json);

    // then
    assertThat(failure).isInstanceOf(InvalidField.class);
    assertThat(((InvalidField) failure).field()).isEqualTo("document");
  }

  @Test
  void acceptsDollarInsideFieldName() {
    // when
    DocumentBody body = read("{\"price$\": 1}");

    // then
    assertThat(body.fields()).containsOnlyKeys("price$");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[{\"a\": 1}]", "\"text\"", "42", "4.2", "true", "null"})
  void rejectsBodyThatIsNotAnObject(String json) {
    // when
    Throwable failure = readFailure(json);

    // then
    assertThat(failure).isInstanceOf(InvalidRequest.class);
    assertThat(((InvalidRequest) failure).errors())
        .extracting(FieldError::field)
        .containsExactly("document");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"{\"a\": 1, \"a\": 1}", "{\"a\": {\"b\": 1, \"b\": 2}}", "{\"a\": 1", "{} {}"})
  void rejectsMalformedBody(String json) {
    assertThat(readFailure(json)).isInstanceOf(MalformedBody.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void rejectsMissingBody(String json) {
    assertThat(readFailure(json)).isInstanceOf(MalformedBody.class);
  }

  @Test
  void rejectsInvalidUtf8AsMalformedBody() {
    // given: 0xC3 starts a two-byte sequence, but 0x28 is no continuation byte
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'};

    // when
    Throwable failure =
        catchThrowable(() -> reader.read(jsonRequest(MediaType.APPLICATION_JSON), body));

    // then
    assertThat(failure).isInstanceOf(MalformedBody.class);
    assertThat(failure.getMessage()).contains("not valid UTF-8 at byte offset 6");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\": \"x\\ud800\"}", "{\"a\\udc00\": 1}", "{\"a\": [\"\\udbff\"]}"})
  void rejectsUnpairedSurrogate(String json) {
    // when
    Throwable failure = readFailure(json);

    // then
    assertThat(failure).isInstanceOf(InvalidField.class);
    assertThat(((InvalidField) failure).field()).isEqualTo("document");
    assertThat(failure.getMessage()).contains("unpaired UTF-16 surrogate");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "123456789012345678901234567890123456789",
        "-100000000000000000000000000000000000000",
        "1.00000000000000000000000000000000000",
        "1e6112"
      })
  void rejectsNumberThatDecimal128CannotHoldExactly(String number) {
    // when
    Throwable failure = readFailure("{\"n\": " + number + "}");

    // then
    assertThat(failure).isInstanceOf(InvalidField.class);
    assertThat(failure.getMessage()).startsWith("Number at 'n' cannot be stored exactly");
  }

  @Test
  void acceptsSurrogatePair() {
    // when
    DocumentBody body = read("{\"emoji\": \"\\ud83d\\ude00\"}");

    // then
    assertThat(body.fields()).containsEntry("emoji", "\uD83D\uDE00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/json; charset=iso-8859-1"})
  void rejectsBodyNotSentAsJson(String contentType) {
    // when
    Throwable failure =
        catchThrowable(() -> reader.read(jsonRequest(contentType), new byte[] {'{', '}'}));

    // then
    assertThat(failure).isInstanceOf(UnsupportedMediaType.class);
  }

  @Test
  void returnsDocumentEqualToItsFields() {
    // when
    DocumentBody body = read("{\"list\": [1, 2.5, {\"k\": null}]}");

    // then
    assertThat(body)
        .isEqualTo(DocumentBody.of(Map.of("list", List.of(1L, new BigDecimal("2.5"), nullMap()))));
  }

  private static Map<String, Object> nullMap() {
    Map<String, Object> withNull = new java.util.HashMap<>();
    withNull.put("k", null);
    return withNull;
  }
}
