package io.croupier.adapter.in.http;

import io.croupier.application.port.out.PasswordHashingBusy;
import io.croupier.application.port.out.StoreUnavailable;
import io.croupier.domain.AuthenticationFailed;
import io.croupier.domain.DocumentNotFound;
import io.croupier.domain.DomainException;
import io.croupier.domain.EmailTaken;
import io.croupier.domain.InvalidField;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.LoginLockedOut;
import io.croupier.domain.OrganizationAccessDenied;
import io.croupier.domain.OrganizationChanged;
import io.croupier.domain.OrganizationMoving;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.OrganizationNotFound;
import io.croupier.domain.TenantSwitching;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the exceptions of Croupier's use cases to problem responses, and logs one line for each with
 * its request id and cause. Client errors and rejections while the password hashing queue is full
 * log at INFO without a stack trace. An outage of the store logs at WARN and anything unexpected at
 * ERROR, both with the stack trace. The path and messages in each line are escaped, so that a
 * client cannot start a new line.
 */
@Singleton
public final class ProblemExceptionHandler
    implements ExceptionHandler<RuntimeException, HttpResponse<?>> {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  private final ProblemResponses problems;

  public ProblemExceptionHandler(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
    MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR);
    String requestId = RequestIds.of(request);
    if (exception instanceof DomainException domain) {
      return domainProblem(response, request, domain);
    }
    if (exception instanceof InvalidRequest invalid) {
      log(request, 422, exception);
      return problems.write(
          response,
          request,
          HttpStatus.UNPROCESSABLE_ENTITY,
          "invalid-request",
          "The request has invalid fields; fix each one listed in errors",
          invalid.errors());
    }
    if (exception instanceof MalformedBody malformed) {
      log(request, 400, exception);
      return problems.write(
          response,
          request,
          HttpStatus.BAD_REQUEST,
          "malformed-body",
          malformed.getMessage(),
          null);
    }
    if (exception instanceof BodyTooLarge tooLarge) {
      log(request, 413, exception);
      return problems.write(
          response,
          request,
          HttpStatus.REQUEST_ENTITY_TOO_LARGE,
          "body-too-large",
          tooLarge.getMessage(),
          null);
    }
    if (exception instanceof UnsupportedMediaType unsupported) {
      log(request, 415, exception);
      return problems.write(
          response,
          request,
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "unsupported-media-type",
          unsupported.getMessage(),
          null);
    }
    if (NettyFailures.isDecompression(exception)) {
      log(request, 400, exception);
      return problems.write(
          response,
          request,
          HttpStatus.BAD_REQUEST,
          "malformed-body",
          "The request body could not be decompressed; send it uncompressed or fix its"
              + " Content-Encoding",
          null);
    }
    if (exception instanceof PasswordHashingBusy busy) {
      return hashingBusyProblem(response, request, busy);
    }
    if (exception instanceof StoreUnavailable) {
      // NOTE: this stack trace and the one of an unexpected failure are logged unescaped, so an
      // exception message that echoes input can still break a line inside them.
      LOG.warn(
          "request_id={} {} {} failed: store unavailable",
          requestId,
          request.getMethod(),
          LogText.escape(request.getPath()),
          exception);
      return problems
          .write(
              response,
              request,
              HttpStatus.SERVICE_UNAVAILABLE,
              "store-unavailable",
              "The database is unavailable; retry in a few seconds",
              null)
          .header(HttpHeaders.RETRY_AFTER, "5");
    }
    LOG.error(
        "request_id={} {} {} failed unexpectedly",
        requestId,
        request.getMethod(),
        LogText.escape(request.getPath()),
        exception);
    return problems.write(
        response,
        request,
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "The server failed to handle the request; report request id " + requestId,
        null);
  }

  /**
   * Writes the 503 problem of a request rejected because the password hashing queue is full. It
   * logs at INFO without the stack trace, because a login flood produces one per request and none
   * is a fault.
   */
  private MutableHttpResponse<?> hashingBusyProblem(
      MutableHttpResponse<?> response, HttpRequest<?> request, PasswordHashingBusy busy) {
    log(request, 503, busy);
    long seconds = busy.retryAfterSeconds();
    return problems
        .write(
            response,
            request,
            HttpStatus.SERVICE_UNAVAILABLE,
            "server-busy",
            "The server is busy checking other passwords; retry in "
                + seconds
                + (seconds == 1 ? " second" : " seconds"),
            null)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
  }

  private MutableHttpResponse<?> domainProblem(
      MutableHttpResponse<?> response, HttpRequest<?> request, DomainException exception) {
    HttpStatus status = statusOf(exception);
    log(request, status.getCode(), exception);
    List<FieldError> errors =
        exception instanceof InvalidField invalid
            ? List.of(new FieldError(invalid.field(), invalid.getMessage()))
            : null;
    MutableHttpResponse<?> written =
        problems.write(
            response, request, status, typeOf(exception), exception.getMessage(), errors);
    if (exception instanceof LoginLockedOut locked) {
      written.header(HttpHeaders.RETRY_AFTER, Long.toString(locked.retryAfterSeconds()));
    }
    if (exception instanceof TenantSwitching) {
      written.header(HttpHeaders.RETRY_AFTER, Long.toString(TenantSwitching.RETRY_AFTER_SECONDS));
    }
    if (status == HttpStatus.UNAUTHORIZED) {
      written.header(
          HttpHeaders.WWW_AUTHENTICATE,
          exception instanceof InvalidToken ? "Bearer error=\"invalid_token\"" : "Bearer");
    }
    return written;
  }

  private static HttpStatus statusOf(DomainException exception) {
    if (exception instanceof InvalidField) {
      return HttpStatus.UNPROCESSABLE_ENTITY;
    }
    if (exception instanceof OrganizationNotFound || exception instanceof DocumentNotFound) {
      return HttpStatus.NOT_FOUND;
    }
    if (exception instanceof OrganizationNameTaken
        || exception instanceof EmailTaken
        || exception instanceof OrganizationMoving
        || exception instanceof OrganizationChanged) {
      return HttpStatus.CONFLICT;
    }
    if (exception instanceof AuthenticationFailed || exception instanceof InvalidToken) {
      return HttpStatus.UNAUTHORIZED;
    }
    if (exception instanceof OrganizationAccessDenied) {
      return HttpStatus.FORBIDDEN;
    }
    if (exception instanceof LoginLockedOut) {
      return HttpStatus.TOO_MANY_REQUESTS;
    }
    if (exception instanceof TenantSwitching) {
      return HttpStatus.SERVICE_UNAVAILABLE;
    }
    return HttpStatus.BAD_REQUEST;
  }

  private static String typeOf(DomainException exception) {
    if (exception instanceof InvalidField) {
      return "invalid-request";
    }
    if (exception instanceof OrganizationNotFound) {
      return "organization-not-found";
    }
    if (exception instanceof DocumentNotFound) {
      return "document-not-found";
    }
    if (exception instanceof OrganizationMoving) {
      return "organization-moving";
    }
    if (exception instanceof OrganizationChanged) {
      return "organization-changed";
    }
    if (exception instanceof TenantSwitching) {
      return "tenant-switching";
    }
    if (exception instanceof OrganizationNameTaken) {
      return "organization-exists";
    }
    if (exception instanceof EmailTaken) {
      return "email-exists";
    }
    if (exception instanceof AuthenticationFailed) {
      return "authentication-failed";
    }
    if (exception instanceof InvalidToken) {
      return "invalid-token";
    }
    if (exception instanceof OrganizationAccessDenied) {
      return "forbidden";
    }
    if (exception instanceof LoginLockedOut) {
      return "too-many-failed-logins";
    }
    return "bad-request";
  }

  private static void log(HttpRequest<?> request, int status, RuntimeException exception) {
    LOG.info(
        "request_id={} {} {} rejected with {}: {}: {}",
        RequestIds.of(request),
        request.getMethod(),
        LogText.escape(request.getPath()),
        status,
        exception.getClass().getSimpleName(),
        LogText.escape(exception.getMessage()));
  }
}
