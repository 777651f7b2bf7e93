package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.Organization;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Organization body; {@code email} is left out when the caller may not see it. */
@JsonPropertyOrder({
  "id",
  "organization_name",
  "email",
  "collection_name",
  "connection_details",
  "created_at",
  "updated_at"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganizationResponse(
    @JsonProperty("id") String id,
    @JsonProperty("organization_name") String organizationName,
    @JsonProperty("email") String email,
    @JsonProperty("collection_name") String collectionName,
    @JsonProperty("connection_details") String connectionDetails,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt) {

  static OrganizationResponse from(OrganizationDetails details) {
    Organization organization = details.organization();
    return new OrganizationResponse(
        organization.id(),
        organization.name().value(),
        details.adminEmail().map(EmailAddress::value).orElse(null),
        details.location().collectionName(),
        details.location().connectionDetails(),
        utc(organization.createdAt()),
        utc(organization.updatedAt()));
  }

  static String utc(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
