package io.croupier.application.service;

import io.croupier.application.port.in.LoginResult;
import io.croupier.application.port.out.IssuedToken;
import io.croupier.application.port.out.RefreshTokenState;
import io.croupier.application.port.out.RefreshTokenStore;
import io.croupier.application.port.out.StoredRefreshToken;
import io.croupier.application.port.out.TokenIssuer;
import io.croupier.application.port.out.TokenSubject;
import io.croupier.domain.AdminUser;
import io.croupier.domain.Organization;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Issues the token pair of a session: a stored refresh token and an access token with its id. */
final class SessionTokens {

  private final TokenIssuer accessTokens;
  private final RefreshTokenStore refreshTokens;

  SessionTokens(TokenIssuer accessTokens, RefreshTokenStore refreshTokens) {
    this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
    this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
  }

  /** Stores a new active refresh token of the session and returns the token itself. */
  String storeRefreshToken(AdminUser admin, String sessionId, Instant issuedAt, Instant expiresAt) {
    String token = RefreshTokenCodec.newToken();
    refreshTokens.insert(
        new StoredRefreshToken(
            RefreshTokenCodec.hash(token),
            sessionId,
            admin.id(),
            admin.organizationId(),
            admin.credentialsVersion(),
            issuedAt,
            expiresAt,
            RefreshTokenState.ACTIVE));
    return token;
  }

  /** Issues an access token of the session and returns it with the refresh token. */
  LoginResult result(
      AdminUser admin,
      Organization organization,
      String sessionId,
      String refreshToken,
      Duration refreshExpiresIn) {
    IssuedToken access =
        accessTokens.issue(
            new TokenSubject(
                admin.id(),
                organization.id(),
                organization.name(),
                admin.credentialsVersion(),
                sessionId));
    return new LoginResult(
        access.token(),
        Duration.between(access.issuedAt(), access.expiresAt()),
        admin.id(),
        organization.id(),
        organization.name(),
        refreshToken,
        refreshExpiresIn);
  }
}
