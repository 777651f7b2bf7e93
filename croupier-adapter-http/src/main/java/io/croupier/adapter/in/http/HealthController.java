package io.croupier.adapter.in.http;

import io.croupier.application.port.in.CheckHealthUseCase;
import io.croupier.application.port.in.HealthReport;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code GET /health}: 200 while the store responds to a ping, 503 while it does not. {@code
 * /health/readiness} follows the store the same way, and {@code /health/liveness} is 200 whenever
 * the server handles requests at all.
 */
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class HealthController implements HealthApi {

  private final CheckHealthUseCase checkHealth;

  public HealthController(CheckHealthUseCase checkHealth) {
    this.checkHealth = checkHealth;
  }

  @Override
  @Get
  public HttpResponse<HealthResponse> health() {
    HealthReport report = checkHealth.check();
    if (report.storeReachable()) {
      return HttpResponse.ok(
          new HealthResponse("healthy", report.service(), report.version(), "connected"));
    }
    return HttpResponse.<HealthResponse>status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(new HealthResponse("unhealthy", report.service(), report.version(), "disconnected"));
  }

  @Override
  @Get("/liveness")
  public ProbeResponse liveness() {
    return ProbeResponse.alive();
  }

  @Override
  @Get("/readiness")
  public HttpResponse<ProbeResponse> readiness() {
    boolean reachable = checkHealth.check().storeReachable();
    return HttpResponse.status(reachable ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .body(ProbeResponse.readiness(reachable));
  }
}
