package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /admin/login}. */
public record LoginRequest(
    @Schema(description = "Admin email in any letter case", example = "admin@acme.example")
        @JsonProperty("email")
        @NotBlank(message = "Email is missing; send the admin's email address")
        @Size(max = 1024, message = "Email is too long; use at most 254 characters")
        String email,
    @Schema(description = "Admin password", format = "password", example = "Sup3rSecret")
        @JsonProperty("password")
        @NotBlank(message = "Password is missing; send the admin's password")
        @Size(max = 1024, message = "Password is too long; use at most 72 bytes")
        String password) {

  @Override
  public String toString() {
    return "LoginRequest[email=" + email + "]";
  }
}
