package io.croupier.application.fakes;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.port.out.PasswordHasher;
import io.croupier.domain.Password;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cheap, deterministic password hasher: an unsalted SHA-256 with a prefix. It counts its calls so
 * that a test can check how many verifications a use case ran, and like bcrypt it never matches a
 * password over {@link Password#MAX_BYTES} bytes.
 */
public final class FakePasswordHasher implements PasswordHasher {

  /** Prefix of every hash this fake returns. */
  public static final String PREFIX = "fake-sha256$";

  private final FailurePlan failures;
  private final AtomicInteger hashCalls = new AtomicInteger();
  private final AtomicInteger matchesCalls = new AtomicInteger();

  public FakePasswordHasher(FailurePlan failures) {
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  @Override
  public String hash(Password password) {
    hashCalls.incrementAndGet();
    failures.check(Operation.PASSWORD_HASH);
    return digest(password);
  }

  @Override
  public boolean matches(Password candidate, String hash) {
    matchesCalls.incrementAndGet();
    failures.check(Operation.PASSWORD_MATCHES);
    if (candidate.byteLength() > Password.MAX_BYTES) {
      return false;
    }
    return digest(candidate).equals(hash);
  }

  /** Returns how many times {@link #hash} has been called since creation or the last reset. */
  public int hashCalls() {
    return hashCalls.get();
  }

  /** Returns how many times {@link #matches} has been called since creation or the last reset. */
  public int matchesCalls() {
    return matchesCalls.get();
  }

  /** Sets both call counts back to zero. */
  public void resetCounts() {
    hashCalls.set(0);
    matchesCalls.set(0);
  }

  private static String digest(Password password) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] bytes = sha256.digest(password.reveal().getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(bytes);
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", missing);
    }
  }
}
