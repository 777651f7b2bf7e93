package io.croupier.application.port.in;

/** Exchanges an admin's email and password for an access token. */
public interface LogInUseCase {

  /**
   * Verifies the credentials with exactly one password-hash check, whether the email is known or
   * not, and issues a token.
   *
   * @throws io.croupier.domain.AuthenticationFailed if the email or password is wrong
   */
  LoginResult logIn(String email, String password);
}
