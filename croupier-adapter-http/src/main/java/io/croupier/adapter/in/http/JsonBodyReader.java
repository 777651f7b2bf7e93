package io.croupier.adapter.in.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Binds a raw JSON body to a typed request class and validates it with Bean Validation. A body that
 * is not valid UTF-8 or not well-formed JSON becomes {@link MalformedBody}; a value of the wrong
 * JSON type, such as an object where a string belongs, becomes {@link InvalidRequest} naming the
 * field. Unknown fields are ignored. Scalars are never coerced, so {@code 42} is not accepted as a
 * string.
 */
@Singleton
public final class JsonBodyReader implements AutoCloseable {

  private final ObjectMapper mapper;
  private final ValidatorFactory validatorFactory;
  private final Validator validator;

  public JsonBodyReader() {
    this.mapper =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .withCoercionConfig(
                LogicalType.Textual,
                config -> {
                  config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                  config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                  config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                })
            .build();
    this.validatorFactory =
        Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    this.validator = validatorFactory.getValidator();
  }

  /**
   * Parses and validates a body of at most {@value BodyLimits#MAX_BYTES} bytes, sent as JSON in
   * UTF-8; never returns null.
   *
   * @throws BodyTooLarge if the body is over the limit
   * @throws MalformedBody if the body is missing, not valid UTF-8 or not well-formed JSON
   */
  public <T> T read(HttpRequest<?> request, byte[] body, Class<T> type) {
    BodyLimits.check(body, BodyLimits.MAX_BYTES, BodyLimits.TOO_LARGE);
    requireJson(request);
    String text = body == null ? "" : StrictUtf8.decode(body);
    if (text.isBlank()) {
      throw new MalformedBody("The request body is missing; send a JSON object", null);
    }
    T parsed = parse(text, type);
    Set<ConstraintViolation<T>> violations = validator.validate(parsed);
    if (!violations.isEmpty()) {
      throw new InvalidRequest(
          violations.stream()
              .map(v -> new FieldError(wireName(v.getPropertyPath().toString()), v.getMessage()))
              .sorted(Comparator.comparing(FieldError::field))
              .toList());
    }
    return parsed;
  }

  /**
   * Checks that the request has exactly one {@code Content-Type} header and that it is JSON.
   * Micronaut routes on the first header only, so a request that repeats the header with another
   * media type is rejected here.
   *
   * @throws UnsupportedMediaType if it does not
   */
  static void requireJson(HttpRequest<?> request) {
    List<String> contentTypes = request.getHeaders().getAll(HttpHeaders.CONTENT_TYPE);
    if (contentTypes.size() != 1 || !isJson(contentTypes.get(0))) {
      throw new UnsupportedMediaType(
          "The request body must be JSON in UTF-8; send exactly one Content-Type: application/json");
    }
  }

  private <T> T parse(String body, Class<T> type) {
    try (JsonParser parser = mapper.createParser(body)) {
      T request = mapper.readValue(parser, type);
      // Checked here rather than with FAIL_ON_TRAILING_TOKENS, which reports a second value such
      // as "{} {}" as a type mismatch, so it would become a 422 instead of a 400.
      if (parser.nextToken() != null) {
        throw new MalformedBody(
            "The request body has content after the JSON object; send exactly one object", null);
      }
      if (request == null) {
        throw new InvalidRequest(List.of(new FieldError("body", "Send a JSON object, not null")));
      }
      return request;
    } catch (MismatchedInputException mismatch) {
      String field =
          mismatch.getPath().isEmpty() ? "body" : mismatch.getPath().get(0).getFieldName();
      String message =
          "body".equals(field) || field == null
              ? "Send a JSON object"
              : "Must be a JSON string; objects, arrays, numbers and booleans are not accepted";
      throw new InvalidRequest(List.of(new FieldError(field == null ? "body" : field, message)));
    } catch (JsonProcessingException malformed) {
      throw new MalformedBody(
          "The request body is not valid JSON; check quotes, commas and braces", malformed);
    } catch (java.io.IOException unreadable) {
      throw new MalformedBody("The request body could not be read", unreadable);
    }
  }

  /** Accepts application/json with no charset or with UTF-8, the only encoding JSON allows. */
  private static boolean isJson(String contentType) {
    String[] parts = contentType.split(";");
    if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      boolean charset = parameter[0].strip().equalsIgnoreCase("charset");
      if (charset && !unquote(parameter.length > 1 ? parameter[1] : "").equalsIgnoreCase("utf-8")) {
        return false;
      }
    }
    return true;
  }

  private static String unquote(String value) {
    String stripped = value.strip();
    return stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")
        ? stripped.substring(1, stripped.length() - 1)
        : stripped;
  }

  private static String wireName(String propertyPath) {
    StringBuilder snake = new StringBuilder();
    for (char c : propertyPath.toCharArray()) {
      if (Character.isUpperCase(c)) {
        snake.append('_').append(Character.toLowerCase(c));
      } else {
        snake.append(c);
      }
    }
    return snake.toString();
  }

  @Override
  public void close() {
    validatorFactory.close();
  }
}
