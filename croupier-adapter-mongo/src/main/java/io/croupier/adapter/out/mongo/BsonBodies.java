package io.croupier.adapter.out.mongo;

import io.croupier.domain.DocumentBody;
import io.croupier.domain.InvalidField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Conversion between a {@link DocumentBody} and the embedded BSON document that stores it. {@code
 * Long} becomes int64, {@code Double} double, {@code BigDecimal} Decimal128, maps embedded
 * documents in their field order, and lists arrays. Strings, booleans and null stay as they are.
 * Reading reverses this, so a body read back equals the body written. It also reads int32, which a
 * document written by a shell may contain, as {@code Long}.
 */
final class BsonBodies {

  /** Largest number of significant digits of a Decimal128. */
  static final int DECIMAL128_DIGITS = 34;

  private BsonBodies() {}

  /**
   * Returns the body as a BSON document.
   *
   * @throws InvalidField on field {@code document} if a decimal number cannot be stored exactly
   */
  static Document toBson(DocumentBody body) {
    return toBsonDocument(body.fields(), "");
  }

  /**
   * Returns the body stored in the BSON document.
   *
   * @throws IllegalStateException if it contains a value that no document body can contain, which
   *     Croupier never writes
   */
  static DocumentBody fromBson(Document stored) {
    return DocumentBody.of(fromBsonDocument(stored));
  }

  private static Document toBsonDocument(Map<?, ?> fields, String path) {
    Document document = new Document();
    for (Map.Entry<?, ?> field : fields.entrySet()) {
      String key = (String) field.getKey();
      document.append(key, toBsonValue(field.getValue(), path.isEmpty() ? key : path + "." + key));
    }
    return document;
  }

  private static Object toBsonValue(Object value, String path) {
    if (value instanceof Map<?, ?> map) {
      return toBsonDocument(map, path);
    }
    if (value instanceof List<?> list) {
      List<Object> array = new ArrayList<>(list.size());
      for (int index = 0; index < list.size(); index++) {
        array.add(toBsonValue(list.get(index), path + "[" + index + "]"));
      }
      return array;
    }
    if (value instanceof BigDecimal decimal) {
      return toDecimal128(decimal, path);
    }
    // Long, Double, String, Boolean and null, the other values of a body, encode as they are.
    return value;
  }

  /**
   * Returns the Decimal128 with the same digits and exponent. Decimal128 keeps at most 34
   * significant digits with an exponent from -6176 to 6111, and the driver rounds or rescales a
   * value outside those bounds, which would change the number or its scale, so such a value is
   * rejected.
   */
  private static Decimal128 toDecimal128(BigDecimal value, String path) {
    try {
      Decimal128 decimal = new Decimal128(value);
      if (decimal.bigDecimalValue().equals(value)) {
        return decimal;
      }
    } catch (NumberFormatException outOfRange) {
      // Reported below, like a value that the driver rescaled.
    }
    throw new InvalidField(
        DocumentBody.FIELD,
        "Number at '"
            + path
            + "' cannot be stored exactly as a 128-bit decimal, which holds at most "
            + DECIMAL128_DIGITS
            + " significant digits with an exponent from -6176 to 6111; send fewer digits or"
            + " the number as a string");
  }

  private static Map<String, Object> fromBsonDocument(Document document) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Map.Entry<String, Object> field : document.entrySet()) {
      fields.put(field.getKey(), fromBsonValue(field.getValue()));
    }
    return fields;
  }

  private static Object fromBsonValue(Object value) {
    if (value instanceof Document document) {
      return fromBsonDocument(document);
    }
    if (value instanceof List<?> array) {
      List<Object> list = new ArrayList<>(array.size());
      array.forEach(element -> list.add(fromBsonValue(element)));
      return list;
    }
    if (value instanceof Integer number) {
      return number.longValue();
    }
    if (value instanceof Decimal128 decimal) {
      return fromDecimal128(decimal);
    }
    if (value == null
        || value instanceof Long
        || value instanceof Double
        || value instanceof String
        || value instanceof Boolean) {
      return value;
    }
    throw new IllegalStateException(
        "Reading a stored document failed: it contains a BSON value of Java type "
            + value.getClass().getName()
            + ", which is invalid in a document body");
  }

  private static BigDecimal fromDecimal128(Decimal128 decimal) {
    try {
      return decimal.bigDecimalValue();
    } catch (ArithmeticException notANumber) {
      // NaN, the infinities and negative zero have no BigDecimal, and Croupier never writes them.
      throw new IllegalStateException(
          "Reading a stored document failed: it contains the decimal "
              + decimal
              + ", which is invalid in a document body",
          notANumber);
    }
  }
}
