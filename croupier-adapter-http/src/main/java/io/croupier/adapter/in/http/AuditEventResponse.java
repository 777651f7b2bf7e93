package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.croupier.application.port.out.AuditEvent;
import java.util.List;

/**
 * One audit event in a {@code GET /org/audit} page. Every field is present; the organization,
 * client address and request id are null when unknown.
 */
@JsonPropertyOrder({
  "id",
  "time",
  "organization_id",
  "organization_name",
  "actor",
  "action",
  "outcome",
  "client_address",
  "request_id",
  "changed_fields"
})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditEventResponse(
    @JsonProperty("id") String id,
    @JsonProperty("time") String time,
    @JsonProperty("organization_id") String organizationId,
    @JsonProperty("organization_name") String organizationName,
    @JsonProperty("actor") String actor,
    @JsonProperty("action") String action,
    @JsonProperty("outcome") String outcome,
    @JsonProperty("client_address") String clientAddress,
    @JsonProperty("request_id") String requestId,
    @JsonProperty("changed_fields") List<String> changedFields) {

  static AuditEventResponse from(AuditEvent event) {
    return new AuditEventResponse(
        event.id(),
        OrganizationResponse.utc(event.time()),
        event.organizationId(),
        event.organizationName(),
        event.actor(),
        event.action().code(),
        event.outcome().code(),
        event.clientAddress(),
        event.requestId(),
        event.changedFields());
  }
}
