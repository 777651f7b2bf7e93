package io.croupier.adapter.in.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON documents from maps, lists, strings, numbers, booleans and nulls, indented by two
 * spaces, with map entries in their iteration order.
 */
final class Json {

  private Json() {}

  /** Returns the value as a JSON document. */
  static String write(Object value) {
    StringBuilder json = new StringBuilder();
    append(json, value, 0);
    return json.toString();
  }

  private static void append(StringBuilder json, Object value, int depth) {
    if (value == null) {
      json.append("null");
    } else if (value instanceof String text) {
      appendString(json, text);
    } else if (value instanceof Number || value instanceof Boolean) {
      json.append(value);
    } else if (value instanceof Map<?, ?> map) {
      appendObject(json, map, depth);
    } else if (value instanceof List<?> list) {
      appendArray(json, list, depth);
    } else {
      throw new IllegalArgumentException("No JSON form for " + value.getClass().getName());
    }
  }

  private static void appendObject(StringBuilder json, Map<?, ?> map, int depth) {
    if (map.isEmpty()) {
      json.append("{}");
      return;
    }
    json.append("{\n");
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<?, ?> entry = entries.next();
      indent(json, depth + 1);
      appendString(json, String.valueOf(entry.getKey()));
      json.append(": ");
      append(json, entry.getValue(), depth + 1);
      json.append(entries.hasNext() ? ",\n" : "\n");
    }
    indent(json, depth);
    json.append('}');
  }

  private static void appendArray(StringBuilder json, List<?> list, int depth) {
    if (list.isEmpty()) {
      json.append("[]");
      return;
    }
    json.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      indent(json, depth + 1);
      append(json, list.get(i), depth + 1);
      json.append(i < list.size() - 1 ? ",\n" : "\n");
    }
    indent(json, depth);
    json.append(']');
  }

  private static void indent(StringBuilder json, int depth) {
    json.append("  ".repeat(depth));
  }

  /** Escapes quotes, backslashes and every control character, as RFC 8259 requires. */
  private static void appendString(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
