package io.croupier.adapter.in.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes problem bodies. The body is serialized here rather than by a codec, so that its media type
 * is always {@code application/problem+json} and nothing but the problem fields can leak.
 */
@Singleton
public final class ProblemResponses {

  static final String TYPE_PREFIX = "urn:croupier:problem:";

  private final ObjectMapper mapper = new ObjectMapper();

  /** Sets status, problem body, media type and request id header on the response. */
  public MutableHttpResponse<?> write(
      MutableHttpResponse<?> response,
      HttpRequest<?> request,
      HttpStatus status,
      String type,
      String detail,
      List<FieldError> errors) {
    String requestId = RequestIds.of(request);
    Problem problem =
        new Problem(
            TYPE_PREFIX + type,
            title(status),
            status.getCode(),
            detail,
            request.getPath(),
            requestId,
            errors == null || errors.isEmpty() ? null : errors);
    return response
        .status(status)
        .contentType(Problem.MEDIA_TYPE)
        .header(RequestIds.HEADER, requestId)
        .body(serialize(problem));
  }

  private byte[] serialize(Problem problem) {
    try {
      return mapper.writeValueAsBytes(problem);
    } catch (JsonProcessingException impossible) {
      // A record of strings and numbers always serializes; keep a valid body if it ever fails.
      return ("{\"status\":" + problem.status() + "}").getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Returns the standard reason phrase of the status, the problem's title. */
  static String title(HttpStatus status) {
    return switch (status.getCode()) {
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 422 -> "Unprocessable Content";
      default -> status.getReason();
    };
  }
}
