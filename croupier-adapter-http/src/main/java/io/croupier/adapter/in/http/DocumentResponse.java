package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.croupier.domain.TenantDocument;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One document of an organization as the document routes return it. The document itself is sent as
 * the compact JSON that the core keeps, so that nulls, empty values and exact numbers come back as
 * they were stored.
 */
@JsonPropertyOrder({"id", "created_at", "updated_at", "document"})
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(requiredProperties = {"id", "created_at", "updated_at", "document"})
public record DocumentResponse(
    @Schema(description = "Document id", example = "3f2a9c4e-8b1d-4e7a-9c02-6d5b1e8f7a30")
        @JsonProperty("id")
        String id,
    @Schema(
            description = "Creation time, ISO 8601 in UTC",
            format = "date-time",
            example = "2026-01-15T09:30:00.123Z")
        @JsonProperty("created_at")
        String createdAt,
    @Schema(
            description = "Time of the last replacement, ISO 8601 in UTC",
            format = "date-time",
            example = "2026-01-15T09:30:00.123Z")
        @JsonProperty("updated_at")
        String updatedAt,
    @Schema(
            implementation = Document.class,
            description = "The document as it was sent, without insignificant whitespace")
        @JsonProperty("document")
        @JsonRawValue
        String document) {

  static DocumentResponse from(TenantDocument document) {
    return new DocumentResponse(
        document.id(),
        OrganizationResponse.utc(document.createdAt()),
        OrganizationResponse.utc(document.updatedAt()),
        document.body().toJson());
  }
}
