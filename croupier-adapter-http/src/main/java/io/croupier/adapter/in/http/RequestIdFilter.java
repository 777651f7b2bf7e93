package io.croupier.adapter.in.http;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

/** Gives every request an id and returns it in the {@code X-Request-ID} response header. */
@Filter(Filter.MATCH_ALL_PATTERN)
public final class RequestIdFilter implements HttpServerFilter {

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    String requestId = RequestIds.of(request);
    // A problem response carries the header already, because it may be written before this
    // filter runs; set() keeps one copy.
    return Publishers.map(
        chain.proceed(request),
        response -> {
          response.getHeaders().set(RequestIds.HEADER, requestId);
          return response;
        });
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
