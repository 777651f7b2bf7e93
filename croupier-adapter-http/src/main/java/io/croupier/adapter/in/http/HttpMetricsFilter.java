package io.croupier.adapter.in.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Times every request in {@code http.server.requests}, tagged with the method, the status and the
 * route template such as {@code /org/get}, never the raw path, so that paths a client invents
 * cannot create new series. A request that matched no route is tagged {@code NOT_FOUND} on a 404
 * and {@code UNMATCHED} otherwise. A method outside the standard nine is tagged {@code OTHER} for
 * the same reason. Counts each login in {@code croupier.logins} by outcome.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class HttpMetricsFilter implements Ordered {

  static final String REQUESTS = "http.server.requests";
  static final String LOGINS = "croupier.logins";
  static final String LOGIN_ROUTE = "/admin/login";
  static final String OTHER_METHOD = "OTHER";

  // The methods of RFC 9110 plus PATCH (RFC 5789), written as sent on the request line.
  private static final Set<String> STANDARD_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT");

  private static final String START_ATTRIBUTE = "croupier.request-start-nanos";

  // Histogram buckets of request latency, from a fast read to the driver's 5-second timeout.
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final MeterRegistry registry;
  private final Map<LoginOutcome, Counter> logins = new EnumMap<>(LoginOutcome.class);

  /** Registers the login counters at zero, so each outcome is exported before it first happens. */
  public HttpMetricsFilter(MeterRegistry registry) {
    this.registry = registry;
    for (LoginOutcome outcome : LoginOutcome.values()) {
      logins.put(
          outcome,
          Counter.builder(LOGINS)
              .description("Login requests by outcome: success, failure or locked")
              .tag("outcome", outcome.tag())
              .register(registry));
    }
  }

  @RequestFilter
  public void start(HttpRequest<?> request) {
    request.setAttribute(START_ATTRIBUTE, System.nanoTime());
  }

  @ResponseFilter
  public void record(HttpRequest<?> request, HttpResponse<?> response) {
    long start = request.getAttribute(START_ATTRIBUTE, Long.class).orElseGet(System::nanoTime);
    String route = routeOf(request, response);

    Timer.builder(REQUESTS)
        .description("HTTP requests by method, route template and status")
        .tag("method", methodOf(request))
        .tag("uri", route)
        .tag("status", Integer.toString(response.code()))
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry)
        .record(Duration.ofNanos(System.nanoTime() - start));

    if (request.getMethod() == HttpMethod.POST && LOGIN_ROUTE.equals(route)) {
      LoginOutcome.of(response).ifPresent(outcome -> logins.get(outcome).increment());
    }
  }

  private static String methodOf(HttpRequest<?> request) {
    String method = request.getMethodName();
    return STANDARD_METHODS.contains(method) ? method : OTHER_METHOD;
  }

  private static String routeOf(HttpRequest<?> request, HttpResponse<?> response) {
    return BasicHttpAttributes.getUriTemplate(request)
        .orElse(response.code() == 404 ? "NOT_FOUND" : "UNMATCHED");
  }

  // Runs right after the request id filter, so that the time covers every other filter.
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}
