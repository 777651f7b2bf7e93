package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.Organization;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Organization body; {@code email} is left out when the caller may not see it. */
@JsonPropertyOrder({
  "id",
  "organization_name",
  "email",
  "collection_name",
  "connection_details",
  "tier",
  "created_at",
  "updated_at"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    requiredProperties = {
      "id",
      "organization_name",
      "collection_name",
      "connection_details",
      "tier",
      "created_at",
      "updated_at"
    })
public record OrganizationResponse(
    @Schema(description = "Organization id", example = "0b7c6a52-3f1e-4b8e-9a61-5d2f0c9e4a17")
        @JsonProperty("id")
        String id,
    @Schema(description = "Normalized organization name", example = "acme")
        @JsonProperty("organization_name")
        String organizationName,
    @Schema(
            description = "Admin email; present only for the organization's own admin",
            example = "admin@acme.example",
            requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonProperty("email")
        String email,
    @Schema(description = "Collection of the organization's data", example = "org_acme")
        @JsonProperty("collection_name")
        String collectionName,
    @Schema(
            description = "Where the organization's data lives, for people to read",
            example = "Collection: org_acme")
        @JsonProperty("connection_details")
        String connectionDetails,
    @Schema(
            description = "Isolation tier of the organization's data",
            allowableValues = {"shared", "collection", "database"},
            example = "collection")
        @JsonProperty("tier")
        String tier,
    @Schema(
            description = "Creation time, ISO 8601 in UTC",
            format = "date-time",
            example = "2025-01-15T09:30:00.123Z")
        @JsonProperty("created_at")
        String createdAt,
    @Schema(
            description = "Time of the last change, ISO 8601 in UTC",
            format = "date-time",
            example = "2025-01-15T09:30:00.123Z")
        @JsonProperty("updated_at")
        String updatedAt) {

  static OrganizationResponse from(OrganizationDetails details) {
    Organization organization = details.organization();
    return new OrganizationResponse(
        organization.id(),
        organization.name().value(),
        details.adminEmail().map(EmailAddress::value).orElse(null),
        details.location().collectionName(),
        details.location().connectionDetails(),
        organization.tier().value(),
        utc(organization.createdAt()),
        utc(organization.updatedAt()));
  }

  static String utc(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
