package io.croupier.application.port.in;

/** Ends the session of an access token. */
public interface LogOutUseCase {

  /**
   * Revokes the access token until it would have expired, and revokes its session, so that its
   * refresh tokens and every other access token of the session stop working too.
   *
   * @throws io.croupier.domain.InvalidToken if the token is invalid, expired or already revoked
   */
  void logOut(String accessToken, RequestOrigin origin);
}
