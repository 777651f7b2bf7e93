package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /org/create}; the domain checks each value's rules after binding. A missing
 * or null {@code tier} selects the server's default tier.
 */
public record CreateOrganizationRequest(
    @Schema(
            description =
                "3 to 50 characters of a-z, 0-9, _ and - after trimming, NFKC normalization and"
                    + " lower-casing, starting with a letter or digit",
            example = "Acme")
        @JsonProperty("organization_name")
        @NotNull(message = "Organization name is missing; send 3 to 50 characters")
        @Size(max = 1024, message = "Organization name is too long; use at most 50 characters")
        String organizationName,
    @Schema(description = "Admin email; trimmed and lower-cased", example = "admin@acme.example")
        @JsonProperty("email")
        @NotNull(message = "Email is missing; send the admin's email address")
        @Size(max = 1024, message = "Email is too long; use at most 254 characters")
        String email,
    @Schema(
            description =
                "At least 8 characters with an upper-case letter, a lower-case letter and a digit,"
                    + " at most 72 bytes in UTF-8, no control characters",
            format = "password",
            example = "Sup3rSecret")
        @JsonProperty("password")
        @NotNull(message = "Password is missing; send at least 8 characters")
        @Size(max = 1024, message = "Password is too long; use at most 72 bytes")
        String password,
    @Schema(
            description =
                "Isolation tier of the organization's data: one collection shared by every"
                    + " organization of the tier, a collection of its own, or a database of its"
                    + " own. The server's default tier when missing or null.",
            allowableValues = {"shared", "collection", "database"},
            example = "collection",
            requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonProperty("tier")
        @Size(max = 1024, message = "Tier is too long; use shared, collection or database")
        String tier) {

  @Override
  public String toString() {
    return "CreateOrganizationRequest[organizationName="
        + organizationName
        + ", email="
        + email
        + ", tier="
        + tier
        + "]";
  }
}
