package io.croupier.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.croupier.domain.DocumentBody;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
  @CsvSource({
    "1234567890123456789012345678901234, true",
    "12345678901234567890123456789012345, false",
    "123456789012345678901234567890123456789, false",
    "9E+6111, true",
    "1E+6112, false",
    "1E-6176, true",
    "1E-6177, false",
    "0E-6176, true",
    "0E+6112, false"
  })
  void bodyAcceptsOnlyDecimalsThatDriverKeeps(String value, boolean kept) {
    // given
    BigDecimal decimal = new BigDecimal(value);

    // when
    Throwable rejection = catchThrowable(() -> DocumentBody.of(Map.of("n", decimal)));

    // then
    assertThat(decimal.equals(convertedByDriver(decimal))).isEqualTo(kept);
    assertThat(rejection == null).isEqualTo(kept);
  }

  /** Returns the value that the driver stores for the decimal, or null if it cannot store it. */
  private static BigDecimal convertedByDriver(BigDecimal decimal) {
    try {
      return new Decimal128(decimal).bigDecimalValue();
    } catch (NumberFormatException outOfRange) {
      return null;
    }
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
