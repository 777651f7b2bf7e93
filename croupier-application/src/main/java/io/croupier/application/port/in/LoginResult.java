package io.croupier.application.port.in;

import io.croupier.domain.OrganizationName;
import java.time.Duration;

/** Issued access token with the ids of its admin and organization. */
public record LoginResult(
    String accessToken,
    Duration expiresIn,
    String adminId,
    String organizationId,
    OrganizationName organizationName) {

  @Override
  public String toString() {
    return "LoginResult[adminId=" + adminId + ", organizationId=" + organizationId + "]";
  }
}
