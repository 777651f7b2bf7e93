package io.croupier.adapter.in.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code GET /metrics}: every meter in the Prometheus text exposition format, version 0.0.4. Runs
 * on the blocking pool, because gauges of the store query it while the text is written.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(beans = PrometheusMeterRegistry.class)
public final class MetricsController {

  /** Media type of the Prometheus text exposition format. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  public MetricsController(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Get(uri = "/metrics", produces = PROMETHEUS_TEXT)
  public HttpResponse<String> metrics() {
    return HttpResponse.ok(registry.scrape()).contentType(PROMETHEUS_TEXT);
  }
}
