package io.croupier.application.port.out;

import java.time.Instant;
import java.util.Objects;

/** Signed access token and its expiry time; {@link #toString()} leaves out the token. */
public record IssuedToken(String token, Instant issuedAt, Instant expiresAt) {

  public IssuedToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "IssuedToken[issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
  }
}
