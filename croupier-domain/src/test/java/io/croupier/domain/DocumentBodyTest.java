package io.croupier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentBodyTest {

  /** Bytes of {@code {"k":""}}, the compact JSON around a single string value. */
  private static final int ONE_FIELD_OVERHEAD = 8;

  /** Returns an object nested {@code levels} deep, counting itself, through objects only. */
  private static Map<String, Object> nestedObjects(int levels) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("leaf", 1);
    for (int level = 1; level < levels; level++) {
      Map<String, Object> outer = new LinkedHashMap<>();
      outer.put("child", object);
      object = outer;
    }
    return object;
  }

  /** Returns an object with {@code arrays} arrays nested in each other. */
  private static Map<String, Object> nestedArrays(int arrays) {
    Object value = 1;
    for (int level = 0; level < arrays; level++) {
      List<Object> list = new ArrayList<>();
      list.add(value);
      value = list;
    }
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("list", value);
    return object;
  }

  private static InvalidField rejection(Map<String, ?> fields) {
    return assertThatExceptionOfType(InvalidField.class)
        .isThrownBy(() -> DocumentBody.of(fields))
        .actual();
  }

  private static Object normalized(Object value) {
    return DocumentBody.of(Map.of("n", value)).fields().get("n");
  }

  private static int utf8Bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void acceptsObjectsNestedToMaximumDepth() {
    // when / then
    assertThatNoException().isThrownBy(() -> DocumentBody.of(nestedObjects(32)));
  }

  @Test
  void rejectsObjectsNestedOneLevelDeeper() {
    // when
    InvalidField error = rejection(nestedObjects(33));

    // then
    assertThat(error.field()).isEqualTo("document");
    assertThat(error.getMessage()).contains("deeper than 32 levels");
  }

  @Test
  void acceptsArraysNestedToMaximumDepth() {
    // when / then: the top object is level 1, and 31 arrays make levels 2 to 32
    assertThatNoException().isThrownBy(() -> DocumentBody.of(nestedArrays(31)));
  }

  @Test
  void rejectsArraysNestedOneLevelDeeper() {
    // when
    InvalidField error = rejection(nestedArrays(32));

    // then
    assertThat(error.getMessage()).contains("deeper than 32 levels");
  }

  @Test
  void countsEmptyArrayAsLevel() {
    // given: an empty array in the innermost of 31 objects is level 32, in that of 32 level 33
    Map<String, Object> atLimit = nestedObjects(31);
    innermost(atLimit).put("empty", List.of());
    Map<String, Object> overLimit = nestedObjects(32);
    innermost(overLimit).put("empty", List.of());

    // when / then
    assertThatNoException().isThrownBy(() -> DocumentBody.of(atLimit));
    assertThat(rejection(overLimit).getMessage()).contains("deeper than 32 levels");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> innermost(Map<String, Object> top) {
    Map<String, Object> current = top;
    while (current.containsKey("child")) {
      current = (Map<String, Object>) current.get("child");
    }
    return current;
  }

  @Test
  void rejectsFieldNameStartingWithDollar() {
    // when
    InvalidField error = rejection(Map.of("$set", 1));

    // then
    assertThat(error.field()).isEqualTo("document");
    assertThat(error.getMessage()).contains("'$set'");
    assertThat(error.getMessage()).contains("starts with '$'");
  }

  @Test
  void acceptsDollarAfterFirstCharacter() {
    // when
    DocumentBody body = DocumentBody.of(Map.of("a$", 1));

    // then
    assertThat(body.fields()).containsKey("a$");
  }

  @Test
  void rejectsNestedFieldNameStartingWithDollar() {
    // when
    InvalidField error = rejection(Map.of("outer", List.of(Map.of("$inner", 1))));

    // then
    assertThat(error.getMessage()).contains("'outer[0].$inner'");
  }

  @Test
  void rejectsNulInFieldName() {
    // when
    InvalidField error = rejection(Map.of("a\0b", 1));

    // then
    assertThat(error.getMessage()).contains("NUL character");
  }

  @Test
  void acceptsNulInStringValue() {
    // when
    DocumentBody body = DocumentBody.of(Map.of("a", "x\0y"));

    // then
    assertThat(body.toJson()).isEqualTo("{\"a\":\"x\\u0000y\"}");
  }

  @Test
  void rejectsFieldNameThatIsNoString() {
    // given
    Map<Object, Object> fields = new HashMap<>();
    fields.put(1, "one");
    @SuppressWarnings("unchecked")
    Map<String, ?> unchecked = (Map<String, ?>) (Map<?, ?>) fields;

    // when
    InvalidField error = rejection(unchecked);

    // then
    assertThat(error.getMessage()).contains("must be strings");
  }

  @Test
  void acceptsMultibyteBodyOfExactlyMaximumBytes() {
    // given: each emoji takes 4 bytes in UTF-8 and two chars in Java
    String text = "\uD83D\uDE00".repeat((DocumentBody.MAX_BYTES - ONE_FIELD_OVERHEAD) / 4);

    // when
    DocumentBody body = DocumentBody.of(Map.of("k", text));

    // then
    assertThat(utf8Bytes(body.toJson())).isEqualTo(DocumentBody.MAX_BYTES);
  }

  @Test
  void rejectsMultibyteBodyOneByteOverMaximum() {
    // given: fewer chars than the limit, but one byte more than it
    String text = "\uD83D\uDE00".repeat((DocumentBody.MAX_BYTES - ONE_FIELD_OVERHEAD) / 4) + "a";

    // when
    InvalidField error = rejection(Map.of("k", text));

    // then
    assertThat(text.length()).isLessThan(DocumentBody.MAX_BYTES);
    assertThat(error.getMessage()).contains("65537 bytes");
    assertThat(error.getMessage()).contains("limit of 65536");
  }

  @Test
  void countsTwoAndThreeByteCharactersAsBytes() {
    // given: 'é' takes 2 bytes and '€' 3, so 65528 bytes are 32761 'é' and two '€'
    String exact = "é".repeat(32761) + "€€";
    String over = exact + "é";

    // when / then
    assertThat(utf8Bytes(DocumentBody.of(Map.of("k", exact)).toJson()))
        .isEqualTo(DocumentBody.MAX_BYTES);
    assertThat(rejection(Map.of("k", over)).getMessage()).contains("65538 bytes");
  }

  @Test
  void countsEscapesAsWrittenBytes() {
    // given: a newline is written as two bytes, so 32764 of them fill the limit exactly
    String exact = "\n".repeat((DocumentBody.MAX_BYTES - ONE_FIELD_OVERHEAD) / 2);

    // when / then
    assertThatNoException().isThrownBy(() -> DocumentBody.of(Map.of("k", exact)));
    assertThat(rejection(Map.of("k", exact + "\n")).getMessage()).contains("65538 bytes");
  }

  @Test
  void turnsIntegerIntoLong() {
    // when / then
    assertThat(normalized(7)).isEqualTo(7L);
  }

  @Test
  void turnsShortAndByteIntoLong() {
    // when / then
    assertThat(normalized((short) -3)).isEqualTo(-3L);
    assertThat(normalized((byte) 9)).isEqualTo(9L);
  }

  @Test
  void keepsLong() {
    // when / then
    assertThat(normalized(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void turnsBigIntegerWithinLongRangeIntoLong() {
    // when / then
    assertThat(normalized(BigInteger.valueOf(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
    assertThat(normalized(BigInteger.valueOf(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void bigIntegerPastLongBecomesBigDecimal() {
    // given
    BigInteger aboveMax = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
    BigInteger belowMin = BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE);

    // when / then
    assertThat(normalized(aboveMax)).isEqualTo(new BigDecimal(aboveMax));
    assertThat(normalized(belowMin)).isEqualTo(new BigDecimal(belowMin));
  }

  @Test
  void writesBigNumbersWithoutLoss() {
    // given
    BigInteger aboveMax = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);

    // when
    String json = DocumentBody.of(Map.of("n", aboveMax)).toJson();

    // then
    assertThat(json).isEqualTo("{\"n\":9223372036854775808}");
  }

  @Test
  void turnsFloatIntoDouble() {
    // when / then
    assertThat(normalized(0.5f)).isEqualTo(0.5d);
  }

  @Test
  void keepsBigDecimal() {
    // given
    BigDecimal precise = new BigDecimal("0.10000000000000000001");

    // when / then
    assertThat(normalized(precise)).isEqualTo(precise);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1234567890123456789012345678901234",
        "-0.1234567890123456789012345678901234",
        "9E+6111",
        "1234567890123456789012345678901234E+6111",
        "1E-6176",
        "0E-6176",
        "0E+6111"
      })
  void acceptsDecimalThatDecimal128HoldsExactly(String value) {
    // given
    BigDecimal decimal = new BigDecimal(value);

    // when / then
    assertThat(normalized(decimal)).isEqualTo(decimal);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12345678901234567890123456789012345",
        "10000000000000000000000000000000000",
        "1E+6112",
        "1E-6177",
        "0E-6177",
        "0E+6112"
      })
  void rejectsDecimalThatDecimal128CannotHoldExactly(String value) {
    // when
    InvalidField error = rejection(Map.of("n", new BigDecimal(value)));

    // then
    assertThat(error.field()).isEqualTo("document");
    assertThat(error.getMessage())
        .isEqualTo(
            "Number at 'n' cannot be stored exactly as a 128-bit decimal, which holds at most 34"
                + " significant digits with an exponent from -6176 to 6111; send fewer digits or"
                + " the number as a string");
  }

  @Test
  void acceptsBigIntegerOf34Digits() {
    // given
    BigInteger largest = BigInteger.TEN.pow(34).subtract(BigInteger.ONE);

    // when / then
    assertThat(normalized(largest)).isEqualTo(new BigDecimal(largest));
  }

  @Test
  void rejectsBigIntegerOf39Digits() {
    // given
    BigInteger big = new BigInteger("123456789012345678901234567890123456789");

    // when
    InvalidField error = rejection(Map.of("outer", List.of(big)));

    // then
    assertThat(error.getMessage()).startsWith("Number at 'outer[0]' cannot be stored exactly");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\ud800", "x\udbff", "\udc00y", "\udfff\ud800"})
  void rejectsUnpairedSurrogateInString(String text) {
    // when
    InvalidField error = rejection(Map.of("outer", Map.of("list", List.of(text))));

    // then
    assertThat(error.field()).isEqualTo("document");
    assertThat(error.getMessage())
        .isEqualTo(
            "Text at 'outer.list[0]' contains an unpaired UTF-16 surrogate, such as the JSON"
                + " escape \\ud800 without its pair; send valid Unicode");
  }

  @Test
  void rejectsUnpairedSurrogateInFieldName() {
    // when
    InvalidField error = rejection(Map.of("outer", Map.of("a\ud800", 1)));

    // then
    assertThat(error.getMessage()).startsWith("A field name at 'outer' contains an unpaired");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\ud800\udc00", "\udbff\udfff", "\ud7ff", "\ue000", "a\ud83d\ude00b"})
  void acceptsSurrogatePairsAndCharactersNextToSurrogates(String text) {
    // when / then
    assertThat(normalized(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void rejectsNumbersThatAreNotFinite(double value) {
    // when
    InvalidField error = rejection(Map.of("n", value));

    // then
    assertThat(error.getMessage()).contains("'n' is not finite");
  }

  @Test
  void rejectsFloatNaN() {
    // when / then
    assertThat(rejection(Map.of("n", Float.NaN)).getMessage()).contains("not finite");
  }

  @Test
  void acceptsLargestFiniteDouble() {
    // when / then
    assertThat(normalized(Double.MAX_VALUE)).isEqualTo(Double.MAX_VALUE);
  }

  @Test
  void rejectsNumberOfUnknownType() {
    // when
    InvalidField error = rejection(Map.of("n", new AtomicInteger(1)));

    // then
    assertThat(error.getMessage()).contains("'n' has an unknown type");
  }

  @Test
  void rejectsValueThatIsNoJsonValue() {
    // when
    InvalidField error = rejection(Map.of("when", Instant.EPOCH));

    // then
    assertThat(error.field()).isEqualTo("document");
    assertThat(error.getMessage()).contains("'when' is not a JSON value: Instant");
  }

  @Test
  void rejectsSetInPlaceOfList() {
    // when / then
    assertThat(rejection(Map.of("tags", Set.of("a"))).getMessage()).contains("not a JSON value");
  }

  @Test
  void keepsNullValue() {
    // given
    Map<String, Object> fields = new HashMap<>();
    fields.put("nothing", null);

    // when
    DocumentBody body = DocumentBody.of(fields);

    // then
    assertThat(body.fields()).containsEntry("nothing", null);
    assertThat(body.toJson()).isEqualTo("{\"nothing\":null}");
  }

  @Test
  void keepsFieldOrder() {
    // given
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("z", 1);
    fields.put("a", true);
    fields.put("m", "text");

    // when
    DocumentBody body = DocumentBody.of(fields);

    // then
    assertThat(body.fields().keySet()).containsExactly("z", "a", "m");
    assertThat(body.toJson()).isEqualTo("{\"z\":1,\"a\":true,\"m\":\"text\"}");
  }

  @Test
  void returnsUnmodifiableFields() {
    // given
    DocumentBody body = DocumentBody.of(Map.of("a", 1));

    // when / then
    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> body.fields().put("b", 2));
  }

  @Test
  @SuppressWarnings("unchecked")
  void returnsUnmodifiableNestedValues() {
    // given
    DocumentBody body = DocumentBody.of(Map.of("object", Map.of("a", 1), "list", List.of(1, 2)));
    Map<String, Object> object = (Map<String, Object>) body.fields().get("object");
    List<Object> list = (List<Object>) body.fields().get("list");

    // when / then
    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> object.put("b", 2));
    assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> list.add(3));
  }

  @Test
  void detachesFromInput() {
    // given
    List<Object> list = new ArrayList<>(List.of(1));
    Map<String, Object> inner = new LinkedHashMap<>(Map.of("a", 1));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("list", list);
    fields.put("inner", inner);
    DocumentBody body = DocumentBody.of(fields);

    // when
    list.add(2);
    inner.put("b", 2);
    fields.put("extra", 3);

    // then
    assertThat(body.fields()).doesNotContainKey("extra");
    assertThat(body.fields().get("list")).isEqualTo(List.of(1L));
    assertThat(body.fields().get("inner")).isEqualTo(Map.of("a", 1L));
    assertThat(body.toJson()).isEqualTo("{\"list\":[1],\"inner\":{\"a\":1}}");
  }

  @Test
  void equalsBodyWithSameFieldsInAnotherOrder() {
    // given
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("a", 1);
    first.put("b", List.of("x"));
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("b", List.of("x"));
    second.put("a", 1L);

    // when
    DocumentBody one = DocumentBody.of(first);
    DocumentBody other = DocumentBody.of(second);

    // then
    assertThat(one).isEqualTo(other);
    assertThat(one.hashCode()).isEqualTo(other.hashCode());
  }

  @Test
  void differsFromBodyWithAnotherValue() {
    // when
    DocumentBody one = DocumentBody.of(Map.of("a", 1));
    DocumentBody other = DocumentBody.of(Map.of("a", 2));

    // then
    assertThat(one).isNotEqualTo(other);
  }

  @Test
  void differsFromBodyWithAnotherNumberKind() {
    // when
    DocumentBody whole = DocumentBody.of(Map.of("a", 1));
    DocumentBody fraction = DocumentBody.of(Map.of("a", 1.0));

    // then
    assertThat(whole).isNotEqualTo(fraction);
  }

  @Test
  void toStringHidesContent() {
    // given
    DocumentBody body = DocumentBody.of(Map.of("apiKey", "s3cr3t-value"));

    // when
    String text = body.toString();

    // then
    assertThat(text).doesNotContain("s3cr3t-value");
    assertThat(text).doesNotContain("apiKey");
    assertThat(text).contains("1 fields");
  }

  @Test
  void toJsonEscapesQuotesAndBackslashes() {
    // when
    String json = DocumentBody.of(Map.of("say \"hi\"", "a\\b")).toJson();

    // then
    assertThat(json).isEqualTo("{\"say \\\"hi\\\"\":\"a\\\\b\"}");
  }

  @Test
  void toJsonEscapesNamedControlCharacters() {
    // when
    String json = DocumentBody.of(Map.of("k", "\n\r\t\b\f")).toJson();

    // then
    assertThat(json).isEqualTo("{\"k\":\"\\n\\r\\t\\b\\f\"}");
  }

  @Test
  void toJsonEscapesOtherControlCharactersAsUnicode() {
    // when
    String json = DocumentBody.of(Map.of("k\u0001", "\u001f")).toJson();

    // then
    assertThat(json).isEqualTo("{\"k\\u0001\":\"\\u001f\"}");
  }

  @Test
  void toJsonKeepsNonAsciiUnescaped() {
    // when
    String json = DocumentBody.of(Map.of("k", " é€")).toJson();

    // then
    assertThat(json).isEqualTo("{\"k\":\" é€\"}");
  }

  @Test
  void toJsonWritesNestedValuesCompactly() {
    // given
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("list", List.of(1, "two", false));
    fields.put("object", Map.of("x", 0.5));
    fields.put("empty", Map.of());

    // when
    String json = DocumentBody.of(fields).toJson();

    // then
    assertThat(json).isEqualTo("{\"list\":[1,\"two\",false],\"object\":{\"x\":0.5},\"empty\":{}}");
  }
}
