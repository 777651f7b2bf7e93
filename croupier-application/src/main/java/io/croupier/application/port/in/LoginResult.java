package io.croupier.application.port.in;

import io.croupier.domain.OrganizationName;
import java.time.Duration;
import java.util.Objects;

/**
 * Issued access token and refresh token with the ids of their admin and organization. {@link
 * #toString()} leaves out both tokens.
 */
public record LoginResult(
    String accessToken,
    Duration expiresIn,
    String adminId,
    String organizationId,
    OrganizationName organizationName,
    String refreshToken,
    Duration refreshExpiresIn) {

  public LoginResult {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(expiresIn, "expiresIn");
    Objects.requireNonNull(adminId, "adminId");
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(organizationName, "organizationName");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(refreshExpiresIn, "refreshExpiresIn");
  }

  @Override
  public String toString() {
    return "LoginResult[adminId="
        + adminId
        + ", organizationId="
        + organizationId
        + ", expiresIn="
        + expiresIn
        + ", refreshExpiresIn="
        + refreshExpiresIn
        + "]";
  }
}
