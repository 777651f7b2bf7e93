package io.croupier.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.croupier.application.port.in.LoginResult;
import io.swagger.v3.oas.annotations.media.Schema;

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
@Schema(
    requiredProperties = {
      "access_token",
      "token_type",
      "expires_in",
      "admin_id",
      "organization_id",
      "organization_name"
    })
public record TokenResponse(
    @Schema(description = "HS256 JWT for the Authorization: Bearer header")
        @JsonProperty("access_token")
        String accessToken,
    @Schema(description = "Always bearer", example = "bearer") @JsonProperty("token_type")
        String tokenType,
    @Schema(description = "Seconds until the access token expires", example = "3600")
        @JsonProperty("expires_in")
        long expiresIn,
    @Schema(description = "Opaque refresh token for POST /admin/refresh; shown once")
        @JsonProperty("refresh_token")
        String refreshToken,
    @Schema(
            description = "Seconds until the session and its refresh tokens expire",
            example = "1209600")
        @JsonProperty("refresh_expires_in")
        long refreshExpiresIn,
    @Schema(description = "Id of the admin", example = "5e0d2b8c-7a43-4c1f-b6e2-91f3a8d4c250")
        @JsonProperty("admin_id")
        String adminId,
    @Schema(
            description = "Id of the admin's organization",
            example = "0b7c6a52-3f1e-4b8e-9a61-5d2f0c9e4a17")
        @JsonProperty("organization_id")
        String organizationId,
    @Schema(description = "Name of the admin's organization", example = "acme")
        @JsonProperty("organization_name")
        String organizationName) {

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
