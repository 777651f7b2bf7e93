package io.croupier.adapter.in.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * OpenAPI description of the health endpoints, which {@link HealthController} implements. The
 * annotations here only document; routing is on the controller.
 */
@Tag(name = "Health")
interface HealthApi {

  @Operation(
      operationId = "health",
      summary = "Report the service's health and whether the database responds",
      description = "Pings the database. While the ping fails, the status is 503.")
  @ApiResponse(
      responseCode = "200",
      description = "Healthy",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = HealthResponse.class),
              examples = @ExampleObject(name = "healthy", value = ApiExamples.HEALTHY)))
  @ApiResponse(
      responseCode = "503",
      description = "The database ping failed",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = HealthResponse.class),
              examples = @ExampleObject(name = "unhealthy", value = ApiExamples.UNHEALTHY)))
  HttpResponse<HealthResponse> health();

  @Operation(
      operationId = "liveness",
      summary = "Report that the process serves requests",
      description =
          "Returns 200 whenever the server handles requests, without touching the database, so a"
              + " database outage never restarts the process.")
  @ApiResponse(
      responseCode = "200",
      description = "Alive",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProbeResponse.class),
              examples = @ExampleObject(name = "alive", value = ApiExamples.LIVE)))
  ProbeResponse liveness();

  @Operation(
      operationId = "readiness",
      summary = "Report whether the service can handle requests now",
      description =
          "Pings the database. While the ping fails, the status is 503, so a load balancer"
              + " sends traffic elsewhere. The status returns to 200 by itself once a ping succeeds."
              + " A ping waits up to the driver's server selection timeout, 5 seconds.")
  @ApiResponse(
      responseCode = "200",
      description = "Ready",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProbeResponse.class),
              examples = @ExampleObject(name = "ready", value = ApiExamples.READY)))
  @ApiResponse(
      responseCode = "503",
      description = "The database ping failed",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProbeResponse.class),
              examples = @ExampleObject(name = "not ready", value = ApiExamples.NOT_READY)))
  HttpResponse<ProbeResponse> readiness();
}
