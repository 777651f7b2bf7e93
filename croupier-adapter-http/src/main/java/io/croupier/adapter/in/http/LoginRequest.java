package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /admin/login}. */
public record LoginRequest(
    @JsonProperty("email")
        @NotBlank(message = "Email is missing; send the admin's email address")
        @Size(max = 1024, message = "Email is too long; use at most 254 characters")
        String email,
    @JsonProperty("password")
        @NotBlank(message = "Password is missing; send the admin's password")
        @Size(max = 1024, message = "Password is too long; use at most 72 bytes")
        String password) {

  @Override
  public String toString() {
    return "LoginRequest[email=" + email + "]";
  }
}
