package io.croupier.adapter.out.mongo;

import io.croupier.domain.DocumentBody;
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

  private BsonBodies() {}

  /** Returns the body as a BSON document. */
  static Document toBson(DocumentBody body) {
    return toBsonDocument(body.fields());
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

  private static Document toBsonDocument(Map<?, ?> fields) {
    Document document = new Document();
    for (Map.Entry<?, ?> field : fields.entrySet()) {
      String key = (String) field.getKey();
      document.append(key, toBsonValue(field.getValue()));
    }
    return document;
  }

  private static Object toBsonValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      return toBsonDocument(map);
    }
    if (value instanceof List<?> list) {
      List<Object> array = new ArrayList<>(list.size());
      list.forEach(element -> array.add(toBsonValue(element)));
      return array;
    }
    if (value instanceof BigDecimal decimal) {
      return toDecimal128(decimal);
    }
    // Long, Double, String, Boolean and null, the other values of a body, encode as they are.
    return value;
  }

  /**
   * Returns the Decimal128 with the same digits and exponent. {@link DocumentBody} admits only
   * decimals that a Decimal128 represents exactly, so the driver neither rounds nor rescales them.
   */
  private static Decimal128 toDecimal128(BigDecimal value) {
    return new Decimal128(value);
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
