package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Body of {@code GET /health}. */
@JsonPropertyOrder({"status", "service", "version", "database"})
public record HealthResponse(
    @JsonProperty("status") String status,
    @JsonProperty("service") String service,
    @JsonProperty("version") String version,
    @JsonProperty("database") String database) {}
