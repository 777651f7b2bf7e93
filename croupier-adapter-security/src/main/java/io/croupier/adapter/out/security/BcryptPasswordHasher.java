package io.croupier.adapter.out.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.croupier.application.port.out.PasswordHasher;
import io.croupier.domain.Password;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bcrypt {@link PasswordHasher} that writes {@code $2b$} hashes at a configured cost and verifies
 * {@code $2a$}, {@code $2b$} and {@code $2y$} hashes. It never truncates: a password over 72 bytes
 * in UTF-8 is rejected by {@link #hash} and never matches in {@link #matches}.
 */
public final class BcryptPasswordHasher implements PasswordHasher {

  /** Cost used when none is configured. Each step up doubles the work. */
  public static final int DEFAULT_COST = 12;

  /** Lowest cost bcrypt accepts. */
  public static final int MIN_COST = BCrypt.MIN_COST;

  /** Highest cost bcrypt accepts; one hash at this cost takes days. */
  public static final int MAX_COST = BCrypt.MAX_COST;

  /** bcrypt reads at most this many bytes of a password. */
  public static final int MAX_PASSWORD_BYTES = BCrypt.Version.MAX_PW_LENGTH_BYTE;

  private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
  private static final Pattern HASH_SHAPE =
      Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");
  private static final byte[] DECOY_PASSWORD = "decoy".getBytes(StandardCharsets.US_ASCII);

  private final int cost;
  private final BCrypt.Hasher hasher;
  private final BiPredicate<byte[], byte[]> verification;
  private final byte[] decoyHash;

  /** Creates a hasher with the {@link #DEFAULT_COST}. */
  public BcryptPasswordHasher() {
    this(DEFAULT_COST);
  }

  /**
   * Creates a hasher that writes hashes of the given cost.
   *
   * @throws IllegalArgumentException if the cost is outside 4 to 31
   */
  public BcryptPasswordHasher(int cost) {
    this(cost, new BcryptVerification());
  }

  /** Creates a hasher whose verifications run through the given check; for tests. */
  BcryptPasswordHasher(int cost, BiPredicate<byte[], byte[]> verification) {
    if (cost < MIN_COST || cost > MAX_COST) {
      throw new IllegalArgumentException(
          "bcrypt cost " + cost + " is out of range; use " + MIN_COST + " to " + MAX_COST);
    }
    SecureRandom random = new SecureRandom();
    this.cost = cost;
    this.hasher = BCrypt.with(VERSION, random, LongPasswordStrategies.strict(VERSION));
    this.decoyHash = decoyHash(cost, random);
    this.verification = Objects.requireNonNull(verification, "verification");
  }

  /** Returns the cost that {@link #hash} writes into new hashes. */
  public int cost() {
    return cost;
  }

  /**
   * Returns the cost recorded in a stored hash, or an empty result if the text is not a bcrypt hash
   * this hasher can verify. A cost other than {@link #cost()} means the hash is due for re-hashing
   * after the next successful match.
   */
  public OptionalInt costOf(String storedHash) {
    if (storedHash == null) {
      return OptionalInt.empty();
    }
    Matcher matcher = HASH_SHAPE.matcher(storedHash);
    return matcher.matches()
        ? OptionalInt.of(Integer.parseInt(matcher.group(1)))
        : OptionalInt.empty();
  }

  /**
   * Returns true for a bcrypt hash whose cost differs from {@link #cost()}, higher or lower, so
   * that a changed cost setting reaches every stored hash at its admin's next login. Returns false
   * for text that is not a bcrypt hash this hasher verifies, because it can never have matched.
   */
  @Override
  public boolean needsRehash(String hash) {
    OptionalInt storedCost = costOf(hash);
    return storedCost.isPresent() && storedCost.getAsInt() != cost;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the password is empty or over 72 bytes in UTF-8, which
   *     {@link Password#of(String)} already rules out
   */
  @Override
  public String hash(Password password) {
    byte[] plain =
        Objects.requireNonNull(password, "password").reveal().getBytes(StandardCharsets.UTF_8);
    if (plain.length == 0) {
      throw new IllegalArgumentException("Password is empty; bcrypt needs at least one byte");
    }
    if (plain.length > MAX_PASSWORD_BYTES) {
      throw new IllegalArgumentException(
          "Password is "
              + plain.length
              + " bytes in UTF-8; bcrypt takes at most "
              + MAX_PASSWORD_BYTES);
    }
    return new String(hasher.hash(cost, plain), StandardCharsets.US_ASCII);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Runs exactly one bcrypt verification on every call, so the time taken does not reveal why a
   * candidate failed. An empty candidate or one over 72 bytes is replaced by a fixed decoy
   * password, and a malformed or null stored hash by a decoy hash of the configured cost. Both
   * cases return false.
   */
  @Override
  public boolean matches(Password candidate, String hash) {
    byte[] plain =
        Objects.requireNonNull(candidate, "candidate").reveal().getBytes(StandardCharsets.UTF_8);
    boolean usableCandidate = plain.length > 0 && plain.length <= MAX_PASSWORD_BYTES;
    boolean usableHash = costOf(hash).isPresent();

    byte[] verifiedPassword = usableCandidate ? plain : DECOY_PASSWORD;
    byte[] verifiedHash = usableHash ? hash.getBytes(StandardCharsets.US_ASCII) : decoyHash;
    boolean verified = verification.test(verifiedPassword, verifiedHash);

    return verified && usableCandidate && usableHash;
  }

  /**
   * Builds a well-formed hash from a random salt and random hash bytes. No password produces it,
   * and building it runs no bcrypt, so even a cost of 31 is cheap to set up.
   */
  private static byte[] decoyHash(int cost, SecureRandom random) {
    byte[] salt = new byte[BCrypt.SALT_LENGTH];
    byte[] rawHash = new byte[23];
    random.nextBytes(salt);
    random.nextBytes(rawHash);
    return VERSION.formatter.createHashMessage(new BCrypt.HashData(cost, VERSION, salt, rawHash));
  }

  /** One bcrypt verification of a password against a stored hash. */
  static class BcryptVerification implements BiPredicate<byte[], byte[]> {

    private final BCrypt.Verifyer verifier = BCrypt.verifyer();

    @Override
    public boolean test(byte[] password, byte[] hash) {
      return verifier.verify(password, hash).verified;
    }
  }
}
