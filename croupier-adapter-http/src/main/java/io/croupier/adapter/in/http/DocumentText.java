package io.croupier.adapter.in.http;

import io.croupier.domain.DocumentBody;
import java.util.List;
import java.util.Map;

/**
 * Checks that every field name and string of a parsed document is valid Unicode. JSON escapes such
 * as {@code "\ud800"} can encode half of a surrogate pair, which has no UTF-8 form, so such text
 * could be neither stored as UTF-8 nor sent back unchanged.
 */
final class DocumentText {

  private DocumentText() {}

  /**
   * Checks every field name and string of the document, at any depth.
   *
   * @throws InvalidRequest naming the {@code document} field at the first unpaired surrogate
   */
  static void requireUnicode(Map<String, Object> document) {
    checkObject(document, "");
  }

  private static void checkObject(Map<?, ?> object, String path) {
    for (Map.Entry<?, ?> entry : object.entrySet()) {
      String key = String.valueOf(entry.getKey());
      String keyPath = path.isEmpty() ? key : path + "." + key;
      // The name is checked before it becomes part of a path that a message shows.
      checkText(key, "A field name at " + describe(path));
      checkValue(entry.getValue(), keyPath);
    }
  }

  private static void checkValue(Object value, String path) {
    if (value instanceof String text) {
      checkText(text, "The text at " + describe(path));
    } else if (value instanceof Map<?, ?> object) {
      checkObject(object, path);
    } else if (value instanceof List<?> array) {
      for (int index = 0; index < array.size(); index++) {
        checkValue(array.get(index), path + "[" + index + "]");
      }
    }
  }

  private static void checkText(String text, String where) {
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      boolean pairStart =
          Character.isHighSurrogate(c)
              && index + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(index + 1));
      if (pairStart) {
        index++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidRequest(
            List.of(
                new FieldError(
                    DocumentBody.FIELD,
                    where
                        + " contains an unpaired surrogate escape such as \\ud800; send valid"
                        + " Unicode")));
      }
    }
  }

  private static String describe(String path) {
    return path.isEmpty() ? "the top level" : "'" + path + "'";
  }
}
