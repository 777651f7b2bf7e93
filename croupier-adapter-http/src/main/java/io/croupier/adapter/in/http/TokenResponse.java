package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.croupier.application.port.in.LoginResult;

/** Token body of a successful login; {@code expires_in} is in seconds. */
@JsonPropertyOrder({
  "access_token",
  "token_type",
  "expires_in",
  "admin_id",
  "organization_id",
  "organization_name"
})
public record TokenResponse(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn,
    @JsonProperty("admin_id") String adminId,
    @JsonProperty("organization_id") String organizationId,
    @JsonProperty("organization_name") String organizationName) {

  static TokenResponse from(LoginResult result) {
    return new TokenResponse(
        result.accessToken(),
        "bearer",
        result.expiresIn().toSeconds(),
        result.adminId(),
        result.organizationId(),
        result.organizationName().value());
  }

  @Override
  public String toString() {
    return "TokenResponse[adminId=" + adminId + ", organizationId=" + organizationId + "]";
  }
}
