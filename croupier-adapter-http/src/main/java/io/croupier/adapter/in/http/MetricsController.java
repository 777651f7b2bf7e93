package io.croupier.adapter.in.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /metrics}: every meter in the Prometheus text exposition format, version 0.0.4. Runs
 * on the blocking pool, because gauges of the store query it while the text is written.
 */
@Tag(name = "Operations")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(beans = PrometheusMeterRegistry.class)
public final class MetricsController {

  /** Media type of the Prometheus text exposition format. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private static final String EXAMPLE =
      """
      # HELP croupier_logins_total Login requests by outcome: success, failure or locked
      # TYPE croupier_logins_total counter
      croupier_logins_total{outcome="success"} 12.0
      # HELP http_server_requests_seconds HTTP requests by method, route template and status
      # TYPE http_server_requests_seconds histogram
      http_server_requests_seconds_count{method="GET",status="200",uri="/org/get"} 40
      http_server_requests_seconds_count{method="POST",status="503",uri="/admin/login"} 3
      # HELP croupier_bcrypt_queued bcrypt tasks waiting for a thread
      # TYPE croupier_bcrypt_queued gauge
      croupier_bcrypt_queued 8.0
      # HELP croupier_bcrypt_rejected_total bcrypt tasks rejected with 503 because the queue was full
      # TYPE croupier_bcrypt_rejected_total counter
      croupier_bcrypt_rejected_total 3.0
      """;

  private final PrometheusMeterRegistry registry;

  public MetricsController(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Operation(
      operationId = "metrics",
      summary = "Return every metric for Prometheus to scrape",
      description =
          "Request count and latency by route template, method and status"
              + " (`http_server_requests_seconds`), logins by outcome (`croupier_logins_total`),"
              + " active organizations (`croupier_organizations`), tenant collections in the store"
              + " (`croupier_tenant_collections`), bcrypt tasks waiting, running and rejected"
              + " (`croupier_bcrypt_queued`, `croupier_bcrypt_active`,"
              + " `croupier_bcrypt_rejected_total`), and JVM metrics.")
  @ApiResponse(
      responseCode = "200",
      description = "Prometheus text exposition format 0.0.4",
      content =
          @Content(
              mediaType = "text/plain",
              schema = @Schema(type = "string"),
              examples = @ExampleObject(name = "excerpt", value = EXAMPLE)))
  @Get(uri = "/metrics", produces = PROMETHEUS_TEXT)
  public HttpResponse<String> metrics() {
    return HttpResponse.ok(registry.scrape()).contentType(PROMETHEUS_TEXT);
  }
}
