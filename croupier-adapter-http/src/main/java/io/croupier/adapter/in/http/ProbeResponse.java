package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of the liveness and readiness probes; {@code database} is left out of liveness. */
@JsonPropertyOrder({"status", "database"})
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = "status")
public record ProbeResponse(
    @Schema(
            description = "UP or DOWN",
            allowableValues = {"UP", "DOWN"})
        @JsonProperty("status")
        String status,
    @Schema(
            description = "Whether the database responded to a ping; readiness only",
            allowableValues = {"connected", "disconnected"},
            requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonProperty("database")
        String database) {

  static final String UP = "UP";
  static final String DOWN = "DOWN";

  /** Returns the liveness body. */
  static ProbeResponse alive() {
    return new ProbeResponse(UP, null);
  }

  /** Returns the readiness body for the database's state. */
  static ProbeResponse readiness(boolean storeReachable) {
    return storeReachable
        ? new ProbeResponse(UP, "connected")
        : new ProbeResponse(DOWN, "disconnected");
  }
}
