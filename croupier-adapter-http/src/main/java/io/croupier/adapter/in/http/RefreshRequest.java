package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /admin/refresh}; {@link #toString()} leaves out the token. */
public record RefreshRequest(
    @JsonProperty("refresh_token")
        @NotBlank(message = "Refresh token is missing; send the refresh_token of the last login")
        @Size(max = 1024, message = "Refresh token is too long; send it as it was issued")
        String refreshToken) {

  @Override
  public String toString() {
    return "RefreshRequest[redacted]";
  }
}
