package io.croupier.application.port.out;

import java.time.Instant;
import java.util.Objects;

/** Verified claims of an access token. */
public record TokenClaims(
    String tokenId,
    String adminId,
    String organizationId,
    String organizationName,
    long credentialsVersion,
    Instant issuedAt,
    Instant expiresAt) {

  public TokenClaims {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(adminId, "adminId");
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
