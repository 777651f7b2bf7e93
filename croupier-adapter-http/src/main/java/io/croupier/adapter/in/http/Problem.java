package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** RFC 9457 problem details, with the request id and, on a 422, the invalid fields. */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "request_id", "errors"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    @JsonProperty("type") String type,
    @JsonProperty("title") String title,
    @JsonProperty("status") int status,
    @JsonProperty("detail") String detail,
    @JsonProperty("instance") String instance,
    @JsonProperty("request_id") String requestId,
    @JsonProperty("errors") List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
}
