package io.croupier.application.fakes;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.port.out.PasswordHasher;
import io.croupier.domain.Password;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cheap, deterministic password hasher: an unsalted SHA-256 with a prefix. It counts its calls so
 * that a test can check how many verifications a use case ran, and like bcrypt it never matches a
 * password over {@link Password#MAX_BYTES} bytes. Like bcrypt, it can be given a cost, which it
 * writes into new hashes ({@code fake-sha256$<cost>$<hex>}) without doing more work, and it reports
 * that a hash with another cost needs a re-hash. Hashes without a cost are those of {@link
 * #DEFAULT_COST}.
 */
public final class FakePasswordHasher implements PasswordHasher {

  /** Prefix of every hash this fake returns. */
  public static final String PREFIX = "fake-sha256$";

  /** Cost of a hasher whose cost was never changed; its hashes carry no cost. */
  public static final int DEFAULT_COST = 10;

  private final FailurePlan failures;
  private final AtomicInteger hashCalls = new AtomicInteger();
  private final AtomicInteger matchesCalls = new AtomicInteger();
  private final AtomicInteger cost = new AtomicInteger(DEFAULT_COST);

  public FakePasswordHasher(FailurePlan failures) {
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  @Override
  public String hash(Password password) {
    hashCalls.incrementAndGet();
    failures.check(Operation.PASSWORD_HASH);
    return format(cost.get(), hex(password));
  }

  @Override
  public boolean matches(Password candidate, String hash) {
    matchesCalls.incrementAndGet();
    failures.check(Operation.PASSWORD_MATCHES);
    if (candidate.byteLength() > Password.MAX_BYTES) {
      return false;
    }
    OptionalInt storedCost = costOf(hash);
    return storedCost.isPresent() && hash.equals(format(storedCost.getAsInt(), hex(candidate)));
  }

  /** Returns true for a hash whose cost differs from the cost this hasher writes. */
  @Override
  public boolean needsRehash(String hash) {
    OptionalInt storedCost = costOf(hash);
    return storedCost.isPresent() && storedCost.getAsInt() != cost.get();
  }

  /** Sets the cost that later hashes carry. */
  public void setCost(int newCost) {
    cost.set(newCost);
  }

  /** Returns the cost recorded in a hash of this fake, or empty for any other text. */
  public static OptionalInt costOf(String hash) {
    if (hash == null || !hash.startsWith(PREFIX)) {
      return OptionalInt.empty();
    }
    String rest = hash.substring(PREFIX.length());
    int dollar = rest.indexOf('$');
    if (dollar < 0) {
      return OptionalInt.of(DEFAULT_COST);
    }
    try {
      return OptionalInt.of(Integer.parseInt(rest.substring(0, dollar)));
    } catch (NumberFormatException malformed) {
      return OptionalInt.empty();
    }
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

  private static String format(int cost, String hex) {
    return cost == DEFAULT_COST ? PREFIX + hex : PREFIX + cost + "$" + hex;
  }

  private static String hex(Password password) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] bytes = sha256.digest(password.reveal().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(bytes);
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", missing);
    }
  }
}
