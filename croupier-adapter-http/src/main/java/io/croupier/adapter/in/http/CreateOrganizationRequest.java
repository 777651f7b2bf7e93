package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /org/create}; the domain checks each value's rules after binding. */
public record CreateOrganizationRequest(
    @JsonProperty("organization_name")
        @NotNull(message = "Organization name is missing; send 3 to 50 characters")
        @Size(max = 1024, message = "Organization name is too long; use at most 50 characters")
        String organizationName,
    @JsonProperty("email")
        @NotNull(message = "Email is missing; send the admin's email address")
        @Size(max = 1024, message = "Email is too long; use at most 254 characters")
        String email,
    @JsonProperty("password")
        @NotNull(message = "Password is missing; send at least 8 characters")
        @Size(max = 1024, message = "Password is too long; use at most 72 bytes")
        String password) {

  @Override
  public String toString() {
    return "CreateOrganizationRequest[organizationName="
        + organizationName
        + ", email="
        + email
        + "]";
  }
}
