package io.croupier.adapter.out.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * HMAC secret of at least 32 bytes that signs and verifies access tokens. Neither {@link
 * #toString()} nor any exception message shows the secret.
 */
public final class SigningKey {

  /** Minimum secret length in bytes, the output size of HMAC-SHA256. */
  public static final int MIN_BYTES = 32;

  /** Bytes of the secret's SHA-256 digest that make up the key id, 72 bits. */
  private static final int KEY_ID_BYTES = 9;

  private final byte[] secret;
  private final String keyId;

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
    this.keyId = keyIdOf(secret);
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

  /**
   * Returns the key id that tokens signed with this key carry in their {@code kid} header: the
   * first 9 bytes of the SHA-256 digest of the secret, in base64url (12 characters). It names the
   * key without revealing it, and equal secrets have equal ids.
   */
  public String keyId() {
    return keyId;
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
    return "SigningKey[" + secret.length + " bytes, id " + keyId + ", redacted]";
  }

  private static String keyIdOf(byte[] secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(Arrays.copyOf(digest, KEY_ID_BYTES));
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", missing);
    }
  }
}
