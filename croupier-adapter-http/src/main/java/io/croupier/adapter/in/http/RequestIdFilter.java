package io.croupier.adapter.in.http;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Gives every request an id and returns it in the {@code X-Request-ID} response header. The id is
 * also in the logging MDC under {@value #MDC_KEY} while the request is handled, on whichever thread
 * handles it, so that every log line of the request can carry it.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public final class RequestIdFilter implements HttpServerFilter {

  /** MDC key of the request id. */
  public static final String MDC_KEY = "request_id";

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    String requestId = RequestIds.of(request);
    PropagatedContext withRequestId =
        PropagatedContext.getOrEmpty().plus(new MdcPropagationContext(Map.of(MDC_KEY, requestId)));
    try (PropagatedContext.Scope ignored = withRequestId.propagate()) {
      // A problem response carries the header already, because it may be written before this
      // filter runs, so set() keeps one copy.
      return Publishers.map(
          chain.proceed(request),
          response -> {
            response.getHeaders().set(RequestIds.HEADER, requestId);
            return response;
          });
    }
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
