package io.croupier.adapter.in.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.InvalidField;
import io.croupier.domain.TenantDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Lines form of an organization's documents, which {@code org export} writes and {@code
 * org import} reads: one JSON object per line with the fields {@code id}, {@code created_at} and
 * {@code updated_at} (ISO-8601 times) and {@code document} (the body, a JSON object).
 */
final class DocumentLines {

  static final String ID = "id";
  static final String CREATED_AT = "created_at";
  static final String UPDATED_AT = "updated_at";
  static final String DOCUMENT = DocumentBody.FIELD;

  private static final String FIELDS = "id, created_at, updated_at and document";
  private static final int QUOTED_MAX = 40;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Rejects repeated field names, whose meaning JSON leaves open, at every level of a line. */
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private DocumentLines() {}

  /**
   * Returns the document as one line of JSON without the line break. Characters outside ASCII are
   * written as {@code \}{@code u} escapes, so the line reads the same in every output encoding.
   */
  static String format(TenantDocument document) {
    String body = document.body().toJson();
    StringBuilder line = new StringBuilder(body.length() + 128);
    // Ids are ASCII letters, digits, '-' and '_', and ISO-8601 times need no escaping either.
    line.append("{\"" + ID + "\":\"").append(document.id());
    line.append("\",\"" + CREATED_AT + "\":\"").append(Views.utc(document.createdAt()));
    line.append("\",\"" + UPDATED_AT + "\":\"").append(Views.utc(document.updatedAt()));
    line.append("\",\"" + DOCUMENT + "\":");
    appendAscii(line, body);
    line.append('}');
    return line.toString();
  }

  /** Appends compact JSON, escaping each character outside ASCII; JSON syntax itself is ASCII. */
  private static void appendAscii(StringBuilder line, String json) {
    for (int index = 0; index < json.length(); index++) {
      char c = json.charAt(index);
      if (c < 0x7f) {
        line.append(c);
      } else {
        line.append("\\u")
            .append(HEX[(c >> 12) & 0xf])
            .append(HEX[(c >> 8) & 0xf])
            .append(HEX[(c >> 4) & 0xf])
            .append(HEX[c & 0xf]);
      }
    }
  }

  /**
   * Parses and validates one line by the rules of {@link TenantDocument} and {@link DocumentBody},
   * the ones that every write of a document applies.
   *
   * @throws InvalidLine naming the line number and what is wrong
   */
  static TenantDocument parse(String line, long lineNumber) {
    try (JsonParser parser = JSON.createParser(line)) {
      return new LineParser(parser, lineNumber).parse();
    } catch (JsonProcessingException malformed) {
      throw new InvalidLine(
          lineNumber,
          "it is not valid JSON: "
              + malformed.getOriginalMessage()
              + " at column "
              + malformed.getLocation().getColumnNr());
    } catch (IOException unexpected) {
      // A parser over a string performs no I/O.
      throw new UncheckedIOException(unexpected);
    }
  }

  /** Returns the value in quotes, cut to a length that fits in a message. */
  static String quote(String value) {
    String shown = value.length() <= QUOTED_MAX ? value : value.substring(0, QUOTED_MAX) + "...";
    return "'" + shown + "'";
  }

  /** The fields of one line while it is parsed. */
  private static final class LineParser {

    private final JsonParser parser;
    private final long lineNumber;
    private String id;
    private String createdAt;
    private String updatedAt;
    private Map<String, Object> body;

    LineParser(JsonParser parser, long lineNumber) {
      this.parser = parser;
      this.lineNumber = lineNumber;
    }

    TenantDocument parse() throws IOException {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw invalid("expected a JSON object with the fields " + FIELDS);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        readField(name);
      }
      if (parser.nextToken() != null) {
        throw invalid("more follows the JSON object; put each document on a line of its own");
      }
      return document();
    }

    private void readField(String name) throws IOException {
      switch (name) {
        case ID -> id = text(ID);
        case CREATED_AT -> createdAt = text(CREATED_AT);
        case UPDATED_AT -> updatedAt = text(UPDATED_AT);
        case DOCUMENT -> {
          if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw invalid("field 'document' must be a JSON object");
          }
          body = readObject("", 1);
        }
        default -> throw invalid("field " + quote(name) + " is unknown; use only " + FIELDS);
      }
    }

    private TenantDocument document() {
      require(id, ID);
      require(createdAt, CREATED_AT);
      require(updatedAt, UPDATED_AT);
      require(body, DOCUMENT);
      checkId();
      Instant created = time(createdAt, CREATED_AT);
      Instant updated = time(updatedAt, UPDATED_AT);
      if (updated.isBefore(created)) {
        throw invalid(
            "updated_at "
                + updatedAt
                + " is before created_at "
                + createdAt
                + "; swap or fix them");
      }
      // The rules of the document and its body are the ones that every write applies, so a line
      // that passes here is one that the store accepts.
      try {
        return new TenantDocument(id, created, updated, DocumentBody.of(body));
      } catch (InvalidField invalidField) {
        throw invalid("field '" + invalidField.field() + "': " + invalidField.getMessage());
      }
    }

    private void checkId() {
      try {
        TenantDocument.checkId(id);
      } catch (InvalidField invalidId) {
        throw invalid("id " + quote(id) + " is invalid. " + invalidId.getMessage());
      }
    }

    private Instant time(String value, String field) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException notTime) {
        throw invalid(
            field
                + " "
                + quote(value)
                + " is not an ISO-8601 time; write it like 2026-01-15T09:30:00Z");
      }
    }

    private void require(Object value, String field) {
      if (value == null) {
        throw invalid("field '" + field + "' is missing; each line needs " + FIELDS);
      }
    }

    private String text(String field) throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        throw invalid("field '" + field + "' must be a string");
      }
      return parser.getText();
    }

    private Map<String, Object> readObject(String path, int depth) throws IOException {
      checkDepth(path, depth);
      Map<String, Object> fields = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        String keyPath = path.isEmpty() ? key : path + "." + key;
        parser.nextToken();
        fields.put(key, readValue(keyPath, depth));
      }
      return fields;
    }

    private List<Object> readArray(String path, int depth) throws IOException {
      checkDepth(path, depth);
      List<Object> values = new ArrayList<>();
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        values.add(readValue(path + "[" + index + "]", depth));
        index++;
      }
      return values;
    }

    /** Reads the value at the current token; nested values count one level deeper. */
    private Object readValue(String path, int depth) throws IOException {
      JsonToken token = parser.currentToken();
      return switch (token) {
        case START_OBJECT -> readObject(path, depth + 1);
        case START_ARRAY -> readArray(path, depth + 1);
        case VALUE_STRING -> parser.getText();
        case VALUE_NUMBER_INT ->
            parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                ? parser.getBigIntegerValue()
                : (Object) parser.getLongValue();
        case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
        case VALUE_TRUE -> Boolean.TRUE;
        case VALUE_FALSE -> Boolean.FALSE;
        case VALUE_NULL -> null;
        default -> throw invalid("unexpected " + token + " at " + describe(path));
      };
    }

    /**
     * Stops at the first level past {@link DocumentBody#MAX_DEPTH}, counted as {@link DocumentBody}
     * counts, so a deeply nested line is neither built in memory nor recursed into.
     */
    private void checkDepth(String path, int depth) {
      if (depth > DocumentBody.MAX_DEPTH) {
        throw invalid(
            "document nests deeper than "
                + DocumentBody.MAX_DEPTH
                + " levels at "
                + describe(path)
                + "; flatten it");
      }
    }

    private static String describe(String path) {
      return path.isEmpty() ? "the top level" : quote(path);
    }

    private InvalidLine invalid(String reason) {
      return new InvalidLine(lineNumber, reason);
    }
  }
}
