package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** RFC 9457 problem details, with the request id and, on a 422, the invalid fields. */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "request_id", "errors"})
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    description = "RFC 9457 problem details, sent as application/problem+json",
    requiredProperties = {"type", "title", "status", "detail", "instance", "request_id"})
public record Problem(
    @Schema(
            description = "URN of the kind of problem, stable for clients to match on",
            example = "urn:croupier:problem:organization-not-found")
        @JsonProperty("type")
        String type,
    @Schema(description = "Reason phrase of the status", example = "Not Found")
        @JsonProperty("title")
        String title,
    @Schema(description = "HTTP status code", example = "404") @JsonProperty("status") int status,
    @Schema(
            description = "What failed, on which value, and what to do next",
            example = "Organization 'acme' not found")
        @JsonProperty("detail")
        String detail,
    @Schema(description = "Path of the request", example = "/org/get") @JsonProperty("instance")
        String instance,
    @Schema(
            description = "Id of the request, also in the X-Request-ID header and the server log",
            example = "7d0f3c1e-2b4a-4e8f-9c6d-1a2b3c4d5e6f")
        @JsonProperty("request_id")
        String requestId,
    @Schema(
            description = "Every invalid field; present on a 422 only",
            requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonProperty("errors")
        List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
}
