package io.croupier.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON object that an organization stores as one of its documents, held as plain Java values:
 * maps with string keys, lists, strings, booleans, null, {@code Long}, {@code Double} and {@code
 * BigDecimal}. Other integer types become {@code Long}, or {@code BigDecimal} past its range.
 *
 * <p>A body has at most {@value #MAX_DEPTH} levels of nesting, counting the object itself, takes at
 * most {@value #MAX_BYTES} bytes as compact UTF-8 JSON, and has no field name that starts with
 * {@code $} or contains a NUL character, since MongoDB reserves or rejects those. Its field names
 * and strings are valid Unicode, without an unpaired UTF-16 surrogate, which has no UTF-8 form.
 * Each {@code BigDecimal} fits a 128-bit decimal (IEEE 754 decimal128, MongoDB's Decimal128)
 * exactly: at most {@value #MAX_DECIMAL_DIGITS} significant digits, with an exponent from {@value
 * #MIN_DECIMAL_EXPONENT} to {@value #MAX_DECIMAL_EXPONENT}, so the store keeps its value and scale.
 */
public final class DocumentBody {

  public static final String FIELD = "document";
  public static final int MAX_DEPTH = 32;
  public static final int MAX_BYTES = 64 * 1024;
  public static final int MAX_DECIMAL_DIGITS = 34;
  public static final int MIN_DECIMAL_EXPONENT = -6176;
  public static final int MAX_DECIMAL_EXPONENT = 6111;

  private final Map<String, Object> fields;
  private final String json;

  private DocumentBody(Map<String, Object> fields, String json) {
    this.fields = fields;
    this.json = json;
  }

  /**
   * Returns the body for the fields, copied.
   *
   * @throws InvalidField if the fields break a rule of the class description
   */
  public static DocumentBody of(Map<String, ?> fields) {
    Objects.requireNonNull(fields, "fields");
    Map<String, Object> copy = copyObject(fields, "", 1);
    String json = DocumentJson.write(copy);
    int bytes = json.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw new InvalidField(
          FIELD,
          "Document takes "
              + bytes
              + " bytes as compact JSON, over the limit of "
              + MAX_BYTES
              + "; split it into smaller documents");
    }
    return new DocumentBody(copy, json);
  }

  /** Returns the fields as an unmodifiable map, in their original order. */
  public Map<String, Object> fields() {
    return fields;
  }

  /** Returns the body as compact JSON. */
  public String toJson() {
    return json;
  }

  private static Map<String, Object> copyObject(Map<?, ?> source, String path, int depth) {
    checkDepth(path, depth);
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : source.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new InvalidField(FIELD, "Field names must be strings at " + describe(path));
      }
      // The name is checked before it becomes part of a path that a message shows.
      checkUnicode(key, "A field name at " + describe(path));
      String keyPath = path.isEmpty() ? key : path + "." + key;
      checkKey(key, keyPath);
      copy.put(key, copyValue(entry.getValue(), keyPath, depth));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static List<Object> copyArray(List<?> source, String path, int depth) {
    checkDepth(path, depth);
    List<Object> copy = new ArrayList<>(source.size());
    for (int index = 0; index < source.size(); index++) {
      copy.add(copyValue(source.get(index), path + "[" + index + "]", depth));
    }
    return Collections.unmodifiableList(copy);
  }

  private static Object copyValue(Object value, String path, int depth) {
    if (value instanceof String text) {
      checkUnicode(text, "Text at " + describe(path));
      return text;
    }
    if (value == null || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      return copyObject(map, path, depth + 1);
    }
    if (value instanceof List<?> list) {
      return copyArray(list, path, depth + 1);
    }
    if (value instanceof Number number) {
      return normalize(number, path);
    }
    throw new InvalidField(
        FIELD,
        "Value at " + describe(path) + " is not a JSON value: " + value.getClass().getSimpleName());
  }

  private static Object normalize(Number number, String path) {
    if (number instanceof Long
        || number instanceof Integer
        || number instanceof Short
        || number instanceof Byte) {
      return number.longValue();
    }
    if (number instanceof Double || number instanceof Float) {
      double value = number.doubleValue();
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new InvalidField(FIELD, "Number at " + describe(path) + " is not finite");
      }
      return value;
    }
    if (number instanceof BigInteger big) {
      return big.bitLength() < Long.SIZE
          ? (Object) big.longValue()
          : checkDecimal(new BigDecimal(big), path);
    }
    if (number instanceof BigDecimal decimal) {
      return checkDecimal(decimal, path);
    }
    throw new InvalidField(FIELD, "Number at " + describe(path) + " has an unknown type");
  }

  /** Returns the decimal if a 128-bit decimal can represent its digits and exponent exactly. */
  private static BigDecimal checkDecimal(BigDecimal decimal, String path) {
    // A BigDecimal is unscaledValue * 10^-scale, so its decimal128 exponent is -scale. Trailing
    // zeros count as digits, because dropping them would change the scale that the body keeps.
    long exponent = -(long) decimal.scale();
    boolean fits =
        decimal.precision() <= MAX_DECIMAL_DIGITS
            && exponent >= MIN_DECIMAL_EXPONENT
            && exponent <= MAX_DECIMAL_EXPONENT;
    if (fits) {
      return decimal;
    }
    throw new InvalidField(
        FIELD,
        "Number at "
            + describe(path)
            + " cannot be stored exactly as a 128-bit decimal, which holds at most "
            + MAX_DECIMAL_DIGITS
            + " significant digits with an exponent from "
            + MIN_DECIMAL_EXPONENT
            + " to "
            + MAX_DECIMAL_EXPONENT
            + "; send fewer digits or the number as a string");
  }

  /** Rejects text with half of a UTF-16 surrogate pair, which a lone JSON escape can encode. */
  private static void checkUnicode(String text, String where) {
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      boolean pairStart =
          Character.isHighSurrogate(c)
              && index + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(index + 1));
      if (pairStart) {
        index++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidField(
            FIELD,
            where
                + " contains an unpaired UTF-16 surrogate, such as the JSON escape \\ud800 without"
                + " its pair; send valid Unicode");
      }
    }
  }

  private static void checkDepth(String path, int depth) {
    if (depth > MAX_DEPTH) {
      throw new InvalidField(
          FIELD,
          "Document nests deeper than "
              + MAX_DEPTH
              + " levels at "
              + describe(path)
              + "; flatten it");
    }
  }

  private static void checkKey(String key, String path) {
    if (key.startsWith("$")) {
      throw new InvalidField(
          FIELD, "Field name at " + describe(path) + " starts with '$'; rename the field");
    }
    if (key.indexOf('\0') >= 0) {
      throw new InvalidField(
          FIELD, "Field name at " + describe(path) + " holds a NUL character; rename the field");
    }
  }

  private static String describe(String path) {
    return path.isEmpty() ? "the top level" : "'" + path + "'";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DocumentBody body && body.fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  /** Returns a summary without the content, which may be confidential. */
  @Override
  public String toString() {
    return "DocumentBody[" + fields.size() + " fields, " + json.length() + " chars]";
  }
}
