package io.croupier.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.croupier.domain.DocumentBody;
import io.croupier.domain.InvalidField;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BsonBodiesTest {

  private static Object storedValue(Object value) {
    return BsonBodies.toBson(DocumentBody.of(Map.of("n", value))).get("n");
  }

  @Test
  void mapsPlainValuesToBsonTypes() {
    // given
    DocumentBody body =
        DocumentBody.of(
            Map.of(
                "long",
                5L,
                "double",
                2.5,
                "decimal",
                new BigDecimal("1.50"),
                "text",
                "t",
                "flag",
                true,
                "list",
                Arrays.asList(1L, null),
                "map",
                Map.of("inner", 1L)));

    // when
    Document stored = BsonBodies.toBson(body);

    // then
    assertThat(stored.get("long")).isEqualTo(5L);
    assertThat(stored.get("double")).isEqualTo(2.5);
    assertThat(stored.get("decimal")).isEqualTo(Decimal128.parse("1.50"));
    assertThat(stored.get("text")).isEqualTo("t");
    assertThat(stored.get("flag")).isEqualTo(true);
    assertThat(stored.get("list")).isEqualTo(Arrays.asList(1L, null));
    assertThat(stored.get("map")).isEqualTo(new Document("inner", 1L));
  }

  @Test
  void readsBackTheSameBody() {
    // given
    DocumentBody body =
        DocumentBody.of(
            Map.of(
                "n", new BigDecimal("0.000"),
                "list", List.of(Map.of("a", List.of()), "x"),
                "empty", Map.of()));

    // when
    DocumentBody read = BsonBodies.fromBson(BsonBodies.toBson(body));

    // then
    assertThat(read).isEqualTo(body);
  }

  @Test
  void readsInt32AsLong() {
    // given
    Document stored = new Document("n", 7).append("list", List.of(8));

    // when
    DocumentBody body = BsonBodies.fromBson(stored);

    // then
    assertThat(body.fields().get("n")).isEqualTo(7L);
    assertThat(body.fields().get("list")).isEqualTo(List.of(8L));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1234567890123456789012345678901234",
        "0.1234567890123456789012345678901234",
        "9E+6111",
        "1234567890123456789012345678901234E+6111",
        "1E-6176",
        "0E-6176",
        "0.00"
      })
  void storesDecimalThatDecimal128HoldsExactly(String value) {
    // given
    BigDecimal decimal = new BigDecimal(value);

    // when
    Object stored = storedValue(decimal);

    // then
    assertThat(((Decimal128) stored).bigDecimalValue()).isEqualTo(decimal);
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
    InvalidField invalid =
        catchThrowableOfType(InvalidField.class, () -> storedValue(new BigDecimal(value)));

    // then
    assertThat(invalid.field()).isEqualTo("document");
    assertThat(invalid.getMessage())
        .isEqualTo(
            "Number at 'n' cannot be stored exactly as a 128-bit decimal, which holds at most 34"
                + " significant digits with an exponent from -6176 to 6111; send fewer digits or"
                + " the number as a string");
  }

  @Test
  void namesPathOfRejectedDecimalInsideArray() {
    // given
    DocumentBody body =
        DocumentBody.of(Map.of("outer", Map.of("list", List.of(1L, new BigDecimal("1E+6112")))));

    // when
    InvalidField invalid = catchThrowableOfType(InvalidField.class, () -> BsonBodies.toBson(body));

    // then
    assertThat(invalid.getMessage()).startsWith("Number at 'outer.list[1]' cannot be stored");
  }

  @Test
  void rejectsStoredValueThatNoBodyHolds() {
    // given
    Document stored = new Document("id", new ObjectId());

    // when
    Throwable failure = catchThrowable(() -> BsonBodies.fromBson(stored));

    // then
    assertThat(failure).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsStoredDecimalThatIsNotANumber() {
    // given
    Document stored = new Document("n", Decimal128.NaN);

    // when
    Throwable failure = catchThrowable(() -> BsonBodies.fromBson(stored));

    // then
    assertThat(failure).isInstanceOf(IllegalStateException.class);
  }
}
