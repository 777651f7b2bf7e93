package io.croupier.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * Verified claims of an access token. The session id ({@code sid}) is null for a token that carries
 * none.
 */
public record TokenClaims(
    String tokenId,
    String adminId,
    String organizationId,
    String organizationName,
    long credentialsVersion,
    Instant issuedAt,
    Instant expiresAt,
    String sessionId) {

  public TokenClaims {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(adminId, "adminId");
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Creates the claims of a token without a session id. */
  public TokenClaims(
      String tokenId,
      String adminId,
      String organizationId,
      String organizationName,
      long credentialsVersion,
      Instant issuedAt,
      Instant expiresAt) {
    this(
        tokenId,
        adminId,
        organizationId,
        organizationName,
        credentialsVersion,
        issuedAt,
        expiresAt,
        null);
  }
}
