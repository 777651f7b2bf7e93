package io.croupier.application.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes opaque refresh tokens, 256 random bits in base64url without padding, and the SHA-256 hash
 * under which a store keeps them. A fast hash suffices, because the tokens are random and long, so
 * a leaked hash cannot be turned back into a token.
 */
final class RefreshTokenCodec {

  private static final int RANDOM_BYTES = 32;
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private RefreshTokenCodec() {}

  /** Returns a new random token. */
  static String newToken() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Returns the lower-case hex SHA-256 hash of a token, or empty for text of another shape. */
  static Optional<String> hashOf(String token) {
    if (token == null || !SHAPE.matcher(token).matches()) {
      return Optional.empty();
    }
    return Optional.of(hash(token));
  }

  /** Returns the lower-case hex SHA-256 hash of a token made by {@link #newToken()}. */
  static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", missing);
    }
  }
}
