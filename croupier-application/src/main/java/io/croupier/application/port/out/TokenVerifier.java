package io.croupier.application.port.out;

/** Checks the signature and lifetime of access tokens. */
public interface TokenVerifier {

  /**
   * Returns the claims of a token whose signature, algorithm, issuer and lifetime are valid.
   *
   * @throws io.croupier.domain.InvalidToken for any other token
   */
  TokenClaims verify(String token);
}
