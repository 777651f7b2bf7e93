package io.croupier.application.port.in;

/** Exchanges an admin's email and password for an access token and a refresh token. */
public interface LogInUseCase {

  /**
   * Verifies the credentials with exactly one password-hash check, whether the email is known or
   * not, and issues an access token and a refresh token that starts a new session. Before any
   * check, rejects the attempt if the account or the client address has too many recent failures.
   *
   * @throws io.croupier.domain.AuthenticationFailed if the email or password is wrong
   * @throws io.croupier.domain.LoginLockedOut if a login limit is reached; no hash check runs
   */
  LoginResult logIn(String email, String password, RequestOrigin origin);

  /** Logs in for a request of unknown origin; see the three-argument method. */
  default LoginResult logIn(String email, String password) {
    return logIn(email, password, RequestOrigin.unknown());
  }
}
