package io.croupier.application.port.in;

/** Exchanges a refresh token for a new access token and a new refresh token of the same session. */
public interface RefreshSessionUseCase {

  /**
   * Rotates the refresh token: the presented token stops working and the result carries its
   * successor. A token that was already rotated or revoked is treated as stolen: the whole session
   * is revoked, with every refresh token and access token it issued.
   *
   * @throws io.croupier.domain.InvalidToken if the token is unknown, expired, rotated or revoked,
   *     if the admin's password changed since the session started, or if the organization is gone
   */
  LoginResult refresh(String refreshToken, RequestOrigin origin);
}
