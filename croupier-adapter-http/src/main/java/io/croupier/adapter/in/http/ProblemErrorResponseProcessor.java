package io.croupier.adapter.in.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the errors that Micronaut raises itself (no such route, wrong method, wrong media type,
 * body too large, unreadable request) into problem bodies. The framework's own messages are logged,
 * never sent: the detail sent is written here for each status.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Object> {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

  private final ProblemResponses problems;

  public ProblemErrorResponseProcessor(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  @SuppressWarnings("unchecked")
  public MutableHttpResponse<Object> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    HttpStatus status =
        response.getStatus() == HttpStatus.REQUEST_ENTITY_TOO_LARGE
                || response.getStatus().getCode() >= 500
            ? clientStatusOf(context).orElse(response.getStatus())
            : response.getStatus();
    String path = LogText.escape(context.getRequest().getPath());
    String cause =
        context.getRootCause().map(Throwable::toString).map(LogText::escape).orElse("none");
    if (status.getCode() >= 500) {
      LOG.error(
          "request_id={} {} {} failed with {}",
          RequestIds.of(context.getRequest()),
          context.getRequest().getMethod(),
          path,
          status.getCode(),
          context.getRootCause().orElse(null));
    } else {
      LOG.info(
          "request_id={} {} {} rejected with {}: {}",
          RequestIds.of(context.getRequest()),
          context.getRequest().getMethod(),
          path,
          status.getCode(),
          cause);
    }
    return (MutableHttpResponse<Object>)
        problems.write(
            response,
            context.getRequest(),
            status,
            typeOf(status),
            detailOf(status, context),
            null);
  }

  /**
   * Returns the status of a client mistake that Netty reports as a server error or as a body too
   * large: a body that fails to decompress (400), a request line too long (414) and headers too
   * large (431).
   */
  private static Optional<HttpStatus> clientStatusOf(ErrorContext context) {
    Optional<String> nettyFailure = context.getRootCause().flatMap(NettyFailures::find);
    if (nettyFailure.isPresent()) {
      return Optional.of(
          switch (nettyFailure.get()) {
            case "DecompressionException" -> HttpStatus.BAD_REQUEST;
            case "TooLongHttpLineException" -> HttpStatus.REQUEST_URI_TOO_LONG;
            default -> HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
          });
    }
    return oversizedHead(context);
  }

  /**
   * Tells apart a request line or headers over Netty's limits, which Micronaut 4.10 reports as a
   * 413 without a cause: such a request has no readable body, and an unreadable request line
   * reaches this processor as Micronaut's placeholder path {@code /bad-request}.
   */
  private static Optional<HttpStatus> oversizedHead(ErrorContext context) {
    HttpRequest<?> request = context.getRequest();
    boolean hasBody =
        request.getContentLength() > 0
            || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
    if (context.getRootCause().isPresent() || hasBody) {
      return Optional.empty();
    }
    return Optional.of(
        "/bad-request".equals(request.getPath())
            ? HttpStatus.REQUEST_URI_TOO_LONG
            : HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
  }

  private static String typeOf(HttpStatus status) {
    return switch (status.getCode()) {
      case 400 -> "bad-request";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 413 -> "body-too-large";
      case 414 -> "uri-too-long";
      case 431 -> "headers-too-large";
      case 415 -> "unsupported-media-type";
      default -> status.getCode() >= 500 ? "internal-error" : "bad-request";
    };
  }

  private static String detailOf(HttpStatus status, ErrorContext context) {
    String method = context.getRequest().getMethodName();
    String path = context.getRequest().getPath();
    return switch (status.getCode()) {
      case 400 ->
          "The request could not be read; check its syntax, headers, parameters and, for a"
              + " compressed body, its Content-Encoding";
      case 414 -> "The request line is too long; shorten the path and query";
      case 431 -> "The request headers are too large; send fewer or shorter headers";
      case 404 -> "No endpoint exists at " + path + "; check the path";
      case 405 -> "Method " + method + " is not allowed on " + path + "; check the method";
      case 406 -> "The response can only be JSON; accept application/json";
      case 413 -> BodyLimits.tooLargeDetail(path);
      case 415 -> "The request body must be JSON; send Content-Type: application/json";
      default ->
          status.getCode() >= 500
              ? "The server failed to handle the request; report request id "
                  + RequestIds.of(context.getRequest())
              : "The request was rejected; check it against the API reference";
    };
  }
}
