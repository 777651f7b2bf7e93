package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.croupier.application.port.in.LoginResult;

/**
 * Token body of a login or a refresh; {@code expires_in} and {@code refresh_expires_in} are in
 * seconds.
 */
@JsonPropertyOrder({
  "access_token",
  "token_type",
  "expires_in",
  "refresh_token",
  "refresh_expires_in",
  "admin_id",
  "organization_id",
  "organization_name"
})
public record TokenResponse(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn,
    @JsonProperty("refresh_token") String refreshToken,
    @JsonProperty("refresh_expires_in") long refreshExpiresIn,
    @JsonProperty("admin_id") String adminId,
    @JsonProperty("organization_id") String organizationId,
    @JsonProperty("organization_name") String organizationName) {

  static TokenResponse from(LoginResult result) {
    return new TokenResponse(
        result.accessToken(),
        "bearer",
        result.expiresIn().toSeconds(),
        result.refreshToken(),
        result.refreshExpiresIn().toSeconds(),
        result.adminId(),
        result.organizationId(),
        result.organizationName().value());
  }

  @Override
  public String toString() {
    return "TokenResponse[adminId=" + adminId + ", organizationId=" + organizationId + "]";
  }
}
