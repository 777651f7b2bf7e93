package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.croupier.application.port.in.AuditEventPage;
import java.util.List;

/** Body of {@code GET /org/audit}: events newest first, and the cursor of the next page or null. */
@JsonPropertyOrder({"events", "next_cursor"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditPageResponse(
    @JsonProperty("events") List<AuditEventResponse> events,
    @JsonProperty("next_cursor") String nextCursor) {

  static AuditPageResponse from(AuditEventPage page) {
    return new AuditPageResponse(
        page.events().stream().map(AuditEventResponse::from).toList(),
        page.nextCursor().orElse(null));
  }
}
