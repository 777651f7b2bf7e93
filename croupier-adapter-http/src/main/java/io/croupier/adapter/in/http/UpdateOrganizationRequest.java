package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /org/update}; a missing or null field is left unchanged. */
public record UpdateOrganizationRequest(
    @JsonProperty("organization_name")
        @Size(max = 1024, message = "Organization name is too long; use at most 50 characters")
        String organizationName,
    @JsonProperty("email")
        @Size(max = 1024, message = "Email is too long; use at most 254 characters")
        String email,
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
