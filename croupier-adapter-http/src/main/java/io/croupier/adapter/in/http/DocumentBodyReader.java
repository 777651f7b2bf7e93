package io.croupier.adapter.in.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.croupier.domain.DocumentBody;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of a document route: a JSON object of at most {@value DocumentBody#MAX_BYTES}
 * bytes as compact JSON, in a request body of at most {@value
 * BodyLimits#MAX_DOCUMENT_REQUEST_BYTES} bytes. Integers and decimals keep their exact value
 * ({@code BigInteger} and {@code BigDecimal} where needed), and a field name repeated in one object
 * makes the body malformed. {@link DocumentBody} checks the remaining rules: depth, field names,
 * Unicode text, decimal range and size.
 */
@Singleton
public final class DocumentBodyReader {

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  /**
   * Returns the document that the request body holds; never returns null.
   *
   * @throws BodyTooLarge if the body or the document is over its limit
   * @throws UnsupportedMediaType if the body is not sent as JSON
   * @throws MalformedBody if the body is missing, not valid UTF-8 or not well-formed JSON
   * @throws InvalidRequest if the body is not a JSON object
   * @throws io.croupier.domain.InvalidField if the document breaks a rule of {@link DocumentBody},
   *     such as an unpaired surrogate or a number that a 128-bit decimal cannot hold exactly
   */
  public DocumentBody read(HttpRequest<?> request, byte[] body) {
    BodyLimits.check(
        body, BodyLimits.MAX_DOCUMENT_REQUEST_BYTES, BodyLimits.DOCUMENT_REQUEST_TOO_LARGE);
    JsonBodyReader.requireJson(request);
    String text = body == null ? "" : StrictUtf8.decode(body);
    if (text.isBlank()) {
      throw new MalformedBody(
          "The request body is missing; send the document as a JSON object", null);
    }

    Map<String, Object> fields = object(parse(text));
    checkCompactSize(fields);
    return DocumentBody.of(fields);
  }

  private Object parse(String body) {
    JsonParser parser = createParser(body);
    try (parser) {
      Object value = mapper.readValue(parser, Object.class);
      if (parser.nextToken() != null) {
        throw new MalformedBody(
            "The request body has content after the JSON object; send exactly one object", null);
      }
      return value;
    } catch (StreamConstraintsException limit) {
      throw invalid(parserLimitMessage(parser));
    } catch (JsonProcessingException malformed) {
      throw new MalformedBody(
          "The request body is not valid JSON or repeats a field name in one object; check"
              + " quotes, commas, braces and field names",
          malformed);
    } catch (IOException unreadable) {
      throw new MalformedBody("The request body could not be read", unreadable);
    }
  }

  private JsonParser createParser(String body) {
    try {
      return mapper.createParser(body);
    } catch (IOException unreadable) {
      throw new MalformedBody("The request body could not be read", unreadable);
    }
  }

  /**
   * Describes the parser limit that the body broke. Nesting is reported as a break of the
   * document's depth rule, since the parser's limit is far above it.
   */
  private String parserLimitMessage(JsonParser parser) {
    StreamReadConstraints constraints = mapper.getFactory().streamReadConstraints();
    if (parser.getParsingContext().getNestingDepth() > constraints.getMaxNestingDepth()) {
      return "Document nests deeper than " + DocumentBody.MAX_DEPTH + " levels; flatten it";
    }
    return "Document holds a number of more than "
        + constraints.getMaxNumberLength()
        + " characters or a field name of more than "
        + constraints.getMaxNameLength()
        + " characters; send long numbers as strings and shorten long names";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw invalid(
        "The document must be a JSON object, not "
            + jsonType(value)
            + "; send its fields in braces, such as {\"title\": \"Q3 report\"}");
  }

  private static String jsonType(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof List<?>) {
      return "an array";
    }
    if (value instanceof String) {
      return "a string";
    }
    return value instanceof Boolean ? "a boolean" : "a number";
  }

  /**
   * Rejects a document over {@link DocumentBody#MAX_BYTES} as compact JSON with a 413, before
   * {@link DocumentBody} would reject it as an invalid field. The mapper writes the same compact
   * JSON as {@link DocumentBody#toJson()}: the same escapes, and numbers as their {@code
   * toString()}.
   */
  private void checkCompactSize(Map<String, Object> fields) {
    int bytes;
    try {
      bytes = mapper.writeValueAsBytes(fields).length;
    } catch (JsonProcessingException impossible) {
      // Parsed JSON values always serialize; DocumentBody still measures the document itself.
      return;
    }
    if (bytes > DocumentBody.MAX_BYTES) {
      throw new BodyTooLarge(
          "The document takes "
              + bytes
              + " bytes as compact JSON, over the limit of "
              + DocumentBody.MAX_BYTES
              + " bytes (64 KiB); split it into smaller documents");
    }
  }

  private static InvalidRequest invalid(String message) {
    return new InvalidRequest(List.of(new FieldError(DocumentBody.FIELD, message)));
  }
}
