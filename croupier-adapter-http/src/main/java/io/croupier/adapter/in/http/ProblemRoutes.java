package io.croupier.adapter.in.http;

import io.croupier.application.port.out.PasswordHashingBusy;
import io.croupier.application.port.out.StoreUnavailable;
import io.croupier.domain.DomainException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Global error routes that hand the exceptions of Croupier's use cases and of this adapter to
 * {@link ProblemExceptionHandler}.
 *
 * <p>Micronaut finds an error route in its router. An exception handler bean it finds with a bean
 * query whose qualifier has no {@code equals}, so Micronaut 4.10 cannot cache the query's result:
 * every exception handled that way scans the handler beans again and evicts an entry of the bean
 * context's 30-entry lookup cache. Client errors are frequent, and a flood of rejected logins is
 * made of them, so they take these routes instead.
 */
@Controller
@Hidden
public final class ProblemRoutes {

  private final ProblemExceptionHandler problems;

  public ProblemRoutes(ProblemExceptionHandler problems) {
    this.problems = problems;
  }

  /** Returns the problem response for a domain rule that the request broke. */
  @Error(global = true, exception = DomainException.class)
  public HttpResponse<?> domain(HttpRequest<?> request, DomainException exception) {
    return problems.handle(request, exception);
  }

  /** Returns the 503 response for work rejected while password hashing is at capacity. */
  @Error(global = true, exception = PasswordHashingBusy.class)
  public HttpResponse<?> hashingBusy(HttpRequest<?> request, PasswordHashingBusy exception) {
    return problems.handle(request, exception);
  }

  /** Returns the 503 response for a request that the store failed to serve. */
  @Error(global = true, exception = StoreUnavailable.class)
  public HttpResponse<?> storeUnavailable(HttpRequest<?> request, StoreUnavailable exception) {
    return problems.handle(request, exception);
  }

  /** Returns the 422 response for a request with invalid fields. */
  @Error(global = true, exception = InvalidRequest.class)
  public HttpResponse<?> invalidRequest(HttpRequest<?> request, InvalidRequest exception) {
    return problems.handle(request, exception);
  }

  /** Returns the 400 response for a body that is not JSON of the expected shape. */
  @Error(global = true, exception = MalformedBody.class)
  public HttpResponse<?> malformedBody(HttpRequest<?> request, MalformedBody exception) {
    return problems.handle(request, exception);
  }

  /** Returns the 413 response for a body over the route's limit. */
  @Error(global = true, exception = BodyTooLarge.class)
  public HttpResponse<?> bodyTooLarge(HttpRequest<?> request, BodyTooLarge exception) {
    return problems.handle(request, exception);
  }

  /** Returns the 415 response for a body of a media type the route does not accept. */
  @Error(global = true, exception = UnsupportedMediaType.class)
  public HttpResponse<?> unsupportedMediaType(
      HttpRequest<?> request, UnsupportedMediaType exception) {
    return problems.handle(request, exception);
  }
}
