package io.croupier.application.port.in;

/** Turns a bearer token into the admin it was issued to. */
public interface AuthenticateTokenUseCase {

  /**
   * Verifies the token's signature and lifetime, and that its admin and organization still exist
   * with the credentials the token was issued for.
   *
   * @throws io.croupier.domain.InvalidToken for every kind of rejection
   */
  AuthenticatedAdmin authenticate(String token);
}
