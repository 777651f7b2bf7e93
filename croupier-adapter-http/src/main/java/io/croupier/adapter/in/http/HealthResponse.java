package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code GET /health}. */
@JsonPropertyOrder({"status", "service", "version", "database"})
@Schema(requiredProperties = {"status", "service", "version", "database"})
public record HealthResponse(
    @Schema(allowableValues = {"healthy", "unhealthy"}) @JsonProperty("status") String status,
    @Schema(description = "Service name", example = "croupier") @JsonProperty("service")
        String service,
    @Schema(description = "Version of the running build", example = "0.1.0")
        @JsonProperty("version")
        String version,
    @Schema(allowableValues = {"connected", "disconnected"}) @JsonProperty("database")
        String database) {}
