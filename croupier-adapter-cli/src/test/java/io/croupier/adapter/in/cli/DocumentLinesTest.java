package io.croupier.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.croupier.domain.DocumentBody;
import io.croupier.domain.TenantDocument;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentLinesTest {

  private static final String TIMES =
      "\"created_at\":\"2026-01-15T09:30:00Z\",\"updated_at\":\"2026-01-15T09:30:00.250Z\"";

  private static String line(String id, String document) {
    return "{\"id\":\"" + id + "\"," + TIMES + ",\"document\":" + document + "}";
  }

  private static InvalidLine rejection(String line) {
    return catchThrowableOfType(InvalidLine.class, () -> DocumentLines.parse(line, 7));
  }

  /** Returns a document nested {@code depth} levels deep, counting the document itself. */
  private static String nested(int depth) {
    return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
  }

  /** Returns a document that takes exactly {@code bytes} bytes as compact JSON. */
  private static String ofCompactSize(int bytes) {
    // {"t":"..."} takes 8 bytes besides the text.
    return "{\"t\":\"" + "x".repeat(bytes - 8) + "\"}";
  }

  @Test
  void formatsOneCompactLine() {
    // given
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", "Ada");
    fields.put("tags", List.of(1, 2.5, true));
    TenantDocument document =
        new TenantDocument(
            "doc-1",
            Instant.parse("2026-01-15T09:30:00Z"),
            Instant.parse("2026-01-15T09:30:00.250Z"),
            DocumentBody.of(fields));

    // when
    String line = DocumentLines.format(document);

    // then
    assertThat(line)
        .isEqualTo(
            "{\"id\":\"doc-1\",\"created_at\":\"2026-01-15T09:30:00Z\","
                + "\"updated_at\":\"2026-01-15T09:30:00.250Z\","
                + "\"document\":{\"name\":\"Ada\",\"tags\":[1,2.5,true]}}");
  }

  @Test
  void formatEscapesCharactersOutsideAscii() {
    // given
    TenantDocument document =
        new TenantDocument(
            "doc-1",
            Instant.EPOCH,
            Instant.EPOCH,
            DocumentBody.of(Map.of("café", "日本 \uD83D\uDE00")));

    // when
    String line = DocumentLines.format(document);

    // then
    assertThat(line).contains("\"caf\\u00e9\":\"\\u65e5\\u672c \\ud83d\\ude00\"");
    assertThat(line.chars().allMatch(c -> c < 0x80)).isTrue();
  }

  @Test
  void parseReadsWhatFormatWrites() {
    // given
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("café", "日本 \uD83D\uDE00");
    fields.put("big", new BigDecimal("123456789012345678901234567890"));
    fields.put("nested", Map.of("list", List.of(Map.of("x", -1), "s", false)));
    fields.put("nothing", null);
    fields.put("ratio", new BigDecimal("0.125"));
    TenantDocument document =
        new TenantDocument(
            "Doc_1-a",
            Instant.parse("2026-01-15T09:30:00.123Z"),
            Instant.parse("2026-02-15T09:30:00Z"),
            DocumentBody.of(fields));

    // when
    TenantDocument parsed = DocumentLines.parse(DocumentLines.format(document), 1);

    // then
    assertThat(parsed).isEqualTo(document);
  }

  @Test
  void parseAcceptsTimeWithOffset() {
    // when
    TenantDocument parsed =
        DocumentLines.parse(
            "{\"id\":\"a\",\"created_at\":\"2026-01-15T10:30:00+01:00\","
                + "\"updated_at\":\"2026-01-15T09:30:00Z\",\"document\":{}}",
            1);

    // then
    assertThat(parsed.createdAt()).isEqualTo(Instant.parse("2026-01-15T09:30:00Z"));
  }

  @Test
  void parseAcceptsFieldsInAnyOrder() {
    // when
    TenantDocument parsed =
        DocumentLines.parse(
            "{\"document\":{\"k\":1},\"updated_at\":\"2026-01-15T09:30:00Z\","
                + "\"id\":\"a\",\"created_at\":\"2026-01-15T09:30:00Z\"}",
            1);

    // then
    assertThat(parsed.body().fields()).containsEntry("k", 1L);
  }

  @Test
  void rejectsMalformedJsonWithColumn() {
    // when
    InvalidLine invalid = rejection("{\"id\":\"a\",}");

    // then
    assertThat(invalid.lineNumber()).isEqualTo(7);
    assertThat(invalid.reason()).startsWith("it is not valid JSON: ");
    assertThat(invalid.reason()).endsWith(" at column 11");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"text\"", "42", "null"})
  void rejectsLineThatIsNoObject(String line) {
    assertThat(rejection(line).reason())
        .isEqualTo(
            "expected a JSON object with the fields id, created_at, updated_at and document");
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "created_at", "updated_at", "document"})
  void rejectsMissingField(String field) {
    // given
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", "\"a\"");
    fields.put("created_at", "\"2026-01-15T09:30:00Z\"");
    fields.put("updated_at", "\"2026-01-15T09:30:00Z\"");
    fields.put("document", "{}");
    fields.remove(field);
    StringBuilder line = new StringBuilder("{");
    fields.forEach(
        (name, value) -> line.append('"').append(name).append("\":").append(value).append(','));
    line.setCharAt(line.length() - 1, '}');

    // when
    InvalidLine invalid = rejection(line.toString());

    // then
    assertThat(invalid.reason())
        .isEqualTo(
            "field '"
                + field
                + "' is missing; each line needs id, created_at, updated_at and document");
  }

  @Test
  void rejectsUnknownField() {
    // when
    InvalidLine invalid = rejection(line("a", "{}").replace("}}", "},\"owner\":\"x\"}"));

    // then
    assertThat(invalid.reason())
        .isEqualTo("field 'owner' is unknown; use only id, created_at, updated_at and document");
  }

  @Test
  void rejectsRepeatedField() {
    assertThat(rejection(line("a", "{}").replace("{\"id\"", "{\"id\":\"b\",\"id\"")).reason())
        .contains("Duplicate field 'id'");
  }

  @Test
  void rejectsRepeatedFieldInsideDocument() {
    assertThat(rejection(line("a", "{\"k\":1,\"k\":2}")).reason()).contains("Duplicate field 'k'");
  }

  @Test
  void rejectsContentAfterObject() {
    assertThat(rejection(line("a", "{}") + " {}").reason())
        .isEqualTo("more follows the JSON object; put each document on a line of its own");
  }

  @Test
  void acceptsIdOfMaximumLength() {
    // given
    String id = "i".repeat(TenantDocument.MAX_ID_LENGTH);

    // when
    TenantDocument parsed = DocumentLines.parse(line(id, "{}"), 1);

    // then
    assertThat(parsed.id()).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "dot.ted", "é"})
  void rejectsInvalidId(String id) {
    assertThat(rejection(line(id, "{}")).reason())
        .startsWith("id '" + id + "' is invalid. Document id must be 1 to 64 characters");
  }

  @Test
  void rejectsIdOneOverMaximumLength() {
    // given
    String id = "i".repeat(TenantDocument.MAX_ID_LENGTH + 1);

    // when
    InvalidLine invalid = rejection(line(id, "{}"));

    // then
    assertThat(invalid.reason()).startsWith("id '" + "i".repeat(40) + "...' is invalid.");
  }

  @Test
  void rejectsIdThatIsNoString() {
    assertThat(rejection(line("a", "{}").replace("\"id\":\"a\"", "\"id\":7")).reason())
        .isEqualTo("field 'id' must be a string");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-13-01T00:00:00Z", "2026-01-15", "yesterday", "2026-01-15T09:30:00"})
  void rejectsInvalidTime(String time) {
    // given
    String line = line("a", "{}").replace("2026-01-15T09:30:00Z", time);

    // when
    InvalidLine invalid = rejection(line);

    // then
    assertThat(invalid.reason())
        .isEqualTo(
            "created_at '"
                + time
                + "' is not an ISO-8601 time; write it like 2026-01-15T09:30:00Z");
  }

  @Test
  void acceptsUpdateAtCreationTime() {
    // given
    String line =
        "{\"id\":\"a\",\"created_at\":\"2026-01-15T09:30:00Z\","
            + "\"updated_at\":\"2026-01-15T09:30:00Z\",\"document\":{}}";

    // when
    TenantDocument parsed = DocumentLines.parse(line, 1);

    // then
    assertThat(parsed.updatedAt()).isEqualTo(parsed.createdAt());
  }

  @Test
  void rejectsUpdateOneMillisecondBeforeCreation() {
    // given
    String line =
        "{\"id\":\"a\",\"created_at\":\"2026-01-15T09:30:00Z\","
            + "\"updated_at\":\"2026-01-15T09:29:59.999Z\",\"document\":{}}";

    // when
    InvalidLine invalid = rejection(line);

    // then
    assertThat(invalid.reason())
        .isEqualTo(
            "updated_at 2026-01-15T09:29:59.999Z is before created_at 2026-01-15T09:30:00Z;"
                + " swap or fix them");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"text\"", "null", "1"})
  void rejectsDocumentThatIsNoObject(String document) {
    assertThat(rejection(line("a", document)).reason())
        .isEqualTo("field 'document' must be a JSON object");
  }

  @Test
  void acceptsDocumentAtMaximumDepth() {
    // when
    TenantDocument parsed = DocumentLines.parse(line("a", nested(DocumentBody.MAX_DEPTH)), 1);

    // then
    assertThat(parsed.body().fields()).containsKey("a");
  }

  @Test
  void rejectsDocumentOneLevelTooDeep() {
    assertThat(rejection(line("a", nested(DocumentBody.MAX_DEPTH + 1))).reason())
        .startsWith("document nests deeper than 32 levels at 'a.a.a.")
        .endsWith("; flatten it");
  }

  @Test
  void rejectsArrayOneLevelTooDeep() {
    // given
    String document =
        "{\"a\":" + "[".repeat(DocumentBody.MAX_DEPTH) + "]".repeat(DocumentBody.MAX_DEPTH) + "}";

    // when
    InvalidLine invalid = rejection(line("a", document));

    // then
    assertThat(invalid.reason()).startsWith("document nests deeper than 32 levels at 'a[0][0]");
  }

  @Test
  void rejectsVeryDeepDocumentWithoutRecursingThroughIt() {
    assertThat(rejection(line("a", nested(100_000))).reason())
        .startsWith("document nests deeper than 32 levels");
  }

  @Test
  void acceptsDocumentOfMaximumSize() {
    // when
    TenantDocument parsed =
        DocumentLines.parse(line("a", ofCompactSize(DocumentBody.MAX_BYTES)), 1);

    // then
    assertThat(parsed.body().toJson()).hasSize(DocumentBody.MAX_BYTES);
  }

  @Test
  void rejectsDocumentOneByteOverMaximumSize() {
    assertThat(rejection(line("a", ofCompactSize(DocumentBody.MAX_BYTES + 1))).reason())
        .isEqualTo(
            "field 'document': Document takes 65537 bytes as compact JSON, over the limit of 65536; split it into"
                + " smaller documents");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"$set\":1}|field 'document': Field name at '$set' starts with '$'; rename the field",
        "{\"a\":{\"$gt\":1}}|field 'document': Field name at 'a.$gt' starts with '$'; rename the field",
        "{\"a\":[{\"$x\":1}]}|field 'document': Field name at 'a[0].$x' starts with '$'; rename the field"
      })
  void rejectsDollarFieldNames(String document, String reason) {
    assertThat(rejection(line("a", document)).reason()).isEqualTo(reason);
  }

  @Test
  void acceptsDollarInsideFieldName() {
    // when
    TenantDocument parsed = DocumentLines.parse(line("a", "{\"price$\":1}"), 1);

    // then
    assertThat(parsed.body().fields()).containsKey("price$");
  }

  @Test
  void readsNumbersAsTheBodyHoldsThem() {
    // when
    TenantDocument parsed =
        DocumentLines.parse(
            line("a", "{\"i\":9223372036854775807,\"big\":9223372036854775808,\"f\":1.5e3}"), 1);

    // then
    assertThat(parsed.body().fields().get("i")).isEqualTo(Long.MAX_VALUE);
    assertThat(parsed.body().fields().get("big")).isEqualTo(new BigDecimal("9223372036854775808"));
    assertThat(parsed.body().fields().get("f")).isEqualTo(new BigDecimal("1.5e3"));
  }

  @Test
  void keepsDecimalBeyondDoubleRange() {
    // when
    TenantDocument parsed = DocumentLines.parse(line("a", "{\"f\":1e400}"), 1);

    // then
    assertThat(parsed.body().fields().get("f")).isEqualTo(new BigDecimal("1e400"));
  }

  @Test
  void acceptsIntegerOf34Digits() {
    // given
    String digits = "1234567890".repeat(3) + "1234";

    // when
    TenantDocument parsed = DocumentLines.parse(line("a", "{\"n\":" + digits + "}"), 1);

    // then
    assertThat(parsed.body().fields().get("n")).isEqualTo(new BigDecimal(digits));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12345678901234567890123456789012345",
        "123456789012345678901234567890123456789",
        "0.12345678901234567890123456789012345",
        "1e6112",
        "1e-6177"
      })
  void rejectsNumberThatStoreCannotKeepExactly(String number) {
    // when
    InvalidLine invalid = rejection(line("a", "{\"list\":[" + number + "]}"));

    // then
    assertThat(invalid.lineNumber()).isEqualTo(7);
    assertThat(invalid.reason())
        .isEqualTo(
            "field 'document': Number at 'list[0]' cannot be stored exactly as a 128-bit decimal,"
                + " which holds at most 34 significant digits with an exponent from -6176 to 6111;"
                + " send fewer digits or the number as a string");
  }

  @ParameterizedTest
  @ValueSource(strings = {"9e6111", "1e-6176"})
  void acceptsDecimalAtExponentLimits(String number) {
    // when
    TenantDocument parsed = DocumentLines.parse(line("a", "{\"n\":" + number + "}"), 1);

    // then
    assertThat(parsed.body().fields().get("n")).isEqualTo(new BigDecimal(number));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"t\":\"x\\ud800\"}", "{\"t\\udc00\":1}", "{\"t\":[\"\\udbff\"]}"})
  void rejectsUnpairedSurrogate(String document) {
    // when
    InvalidLine invalid = rejection(line("a", document));

    // then
    assertThat(invalid.reason())
        .startsWith("field 'document': ")
        .contains("contains an unpaired UTF-16 surrogate");
  }

  @Test
  void acceptsEscapedSurrogatePair() {
    // when
    TenantDocument parsed = DocumentLines.parse(line("a", "{\"t\":\"\\ud83d\\ude00\"}"), 1);

    // then
    assertThat(parsed.body().fields().get("t")).isEqualTo("\uD83D\uDE00");
  }

  @ParameterizedTest
  @CsvSource({
    "created_at, 0000-01-01T00:00:00Z",
    "updated_at, 9999-12-31T23:59:59.999Z",
    "updated_at, 9999-12-31T23:59:59.999999999Z"
  })
  void acceptsTimesAtEdgesOfFourDigitYears(String field, String time) {
    // given
    String line =
        "{\"id\":\"a\",\"created_at\":\""
            + (field.equals("created_at") ? time : "2026-01-15T09:30:00Z")
            + "\",\"updated_at\":\""
            + (field.equals("updated_at") ? time : "2026-01-15T09:30:00Z")
            + "\",\"document\":{}}";

    // when
    TenantDocument parsed = DocumentLines.parse(line, 1);

    // then
    assertThat(parsed.id()).isEqualTo("a");
  }

  @ParameterizedTest
  @CsvSource({
    "created_at, -0001-12-31T23:59:59.999Z, 2026-01-15T09:30:00Z",
    "updated_at, 2026-01-15T09:30:00Z, +10000-01-01T00:00:00Z",
    "updated_at, 2026-01-15T09:30:00Z, +292278995-01-01T00:00:00Z",
    "updated_at, 2026-01-15T09:30:00Z, +1000000000-12-31T23:59:59.999999999Z"
  })
  void rejectsTimeBeyondFourDigitYears(String field, String created, String updated) {
    // given
    String line =
        "{\"id\":\"a\",\"created_at\":\""
            + created
            + "\",\"updated_at\":\""
            + updated
            + "\",\"document\":{}}";

    // when
    InvalidLine invalid = rejection(line);

    // then
    assertThat(invalid.reason())
        .startsWith("field '" + field + "': Time ")
        .endsWith(
            " is outside the range from 0000-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z"
                + " that ISO-8601 writes with a 4-digit year; use a time in that range");
  }
}
