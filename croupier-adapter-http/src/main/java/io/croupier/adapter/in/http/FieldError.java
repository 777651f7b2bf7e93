package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** One invalid field of a request, in its wire spelling, with what to do about it. */
@Schema(
    description = "One invalid field of a request",
    requiredProperties = {"field", "message"})
public record FieldError(
    @Schema(description = "Field name as sent on the wire", example = "password")
        @JsonProperty("field")
        String field,
    @Schema(
            description = "What is wrong with the value and how to fix it",
            example = "Password has 5 characters; use at least 8")
        @JsonProperty("message")
        String message) {}
