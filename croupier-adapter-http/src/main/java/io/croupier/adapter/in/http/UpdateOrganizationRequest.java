package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /org/update}; a missing or null field is left unchanged. */
public record UpdateOrganizationRequest(
    @Schema(
            description = "New name, under the same rules as on create",
            example = "acme_corp",
            requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonProperty("organization_name")
        @Size(max = 1024, message = "Organization name is too long; use at most 50 characters")
        String organizationName,
    @Schema(
            description = "New admin email",
            example = "boss@acme.example",
            requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonProperty("email")
        @Size(max = 1024, message = "Email is too long; use at most 254 characters")
        String email,
    @Schema(
            description = "New password, under the same rules as on create; revokes older tokens",
            format = "password",
            example = "N3wSecretPass",
            requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonProperty("password")
        @Size(max = 1024, message = "Password is too long; use at most 72 bytes")
        String password) {

  @Override
  public String toString() {
    return "UpdateOrganizationRequest[organizationName="
        + organizationName
        + ", email="
        + email
        + "]";
  }
}
