package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.croupier.application.port.in.DocumentPage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Body of {@code GET /org/documents}: documents oldest first, and the next page's cursor or null.
 */
@JsonPropertyOrder({"documents", "next_cursor"})
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(requiredProperties = {"documents", "next_cursor"})
public record DocumentPageResponse(
    @Schema(description = "Documents of this page, in creation order") @JsonProperty("documents")
        List<DocumentResponse> documents,
    @Schema(
            description = "Value of `after` for the next page; null on the last page",
            nullable = true,
            example = "MTc2ODQ2OTQwMDEyMzozZjJhOWM0ZS04YjFkLTRlN2EtOWMwMi02ZDViMWU4ZjdhMzA")
        @JsonProperty("next_cursor")
        String nextCursor) {

  static DocumentPageResponse from(DocumentPage page) {
    return new DocumentPageResponse(
        page.documents().stream().map(DocumentResponse::from).toList(),
        page.nextCursor().orElse(null));
  }
}
