package io.croupier.benchmarks;

import io.croupier.adapter.out.security.BcryptPasswordHasher;
import io.croupier.domain.Password;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of {@link BcryptPasswordHasher}: a successful verification, as a login with the right
 * password runs it, and the hashing of a new password. Pass {@code -p cost=N} to change the cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BcryptBenchmark {

  private static final String PASSWORD = "Bench9Password";

  /** bcrypt cost, the server's default unless overridden. */
  @Param({"" + BcryptPasswordHasher.DEFAULT_COST})
  public int cost;

  private BcryptPasswordHasher hasher;
  private Password password;
  private Password candidate;
  private String storedHash;

  /** Hashes the password once, so that {@link #verify()} checks it against a real hash. */
  @Setup
  public void hashPassword() {
    hasher = new BcryptPasswordHasher(cost);
    password = Password.of(PASSWORD);
    candidate = Password.candidate(PASSWORD);
    storedHash = hasher.hash(password);
    if (!hasher.matches(candidate, storedHash)) {
      throw new IllegalStateException("The password does not match its own hash");
    }
  }

  /** Verifies the right password against its stored hash. */
  @Benchmark
  public boolean verify() {
    return hasher.matches(candidate, storedHash);
  }

  /** Hashes the password with a new random salt. */
  @Benchmark
  public String hash() {
    return hasher.hash(password);
  }
}
