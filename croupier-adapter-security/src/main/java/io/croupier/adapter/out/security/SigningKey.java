package io.croupier.adapter.out.security;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * HMAC secret of at least 32 bytes that signs and verifies access tokens. Neither {@link
 * #toString()} nor any exception message shows the secret.
 */
public final class SigningKey {

  /** Minimum secret length in bytes, the output size of HMAC-SHA256. */
  public static final int MIN_BYTES = 32;

  private final byte[] secret;

  private SigningKey(byte[] secret) {
    if (secret.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "JWT secret is "
              + secret.length
              + " bytes long; at least "
              + MIN_BYTES
              + " bytes are needed");
    }
    this.secret = secret;
  }

  /**
   * Creates a key from the UTF-8 bytes of a secret text.
   *
   * @throws IllegalArgumentException if the text is shorter than 32 bytes in UTF-8
   */
  public static SigningKey fromText(String secret) {
    Objects.requireNonNull(secret, "secret");
    return new SigningKey(secret.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Creates a key from raw secret bytes; the array is copied.
   *
   * @throws IllegalArgumentException if there are fewer than 32 bytes
   */
  public static SigningKey fromBytes(byte[] secret) {
    Objects.requireNonNull(secret, "secret");
    return new SigningKey(secret.clone());
  }

  /** Returns the length of the secret in bytes. */
  public int length() {
    return secret.length;
  }

  /** Returns a copy of the secret bytes, for the token service in this package only. */
  byte[] bytes() {
    return secret.clone();
  }

  @Override
  public String toString() {
    return "SigningKey[" + secret.length + " bytes, redacted]";
  }
}
