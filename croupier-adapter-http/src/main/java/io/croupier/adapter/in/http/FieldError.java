package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One invalid field of a request, in its wire spelling, with what to do about it. */
public record FieldError(
    @JsonProperty("field") String field, @JsonProperty("message") String message) {}
