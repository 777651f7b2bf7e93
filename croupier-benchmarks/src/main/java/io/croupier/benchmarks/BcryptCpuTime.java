package io.croupier.benchmarks;

import io.croupier.adapter.out.security.BcryptPasswordHasher;
import io.croupier.domain.Password;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Command that prints the CPU time of one successful bcrypt verification, in milliseconds, as the
 * mean over several verifications on one thread. CPU time changes much less than a rate when other
 * processes compete for the cores, so it is a steadier reference on a shared machine.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.croupier.benchmarks.BcryptCpuTime [COST] [COUNT]}, by
 * default cost 12 and 10 verifications, after 3 verifications that warm up the JIT compiler.
 */
public final class BcryptCpuTime {

  private static final String PASSWORD = "Bench9Password";
  private static final int WARM_UP_VERIFICATIONS = 3;

  private BcryptCpuTime() {}

  /** Measures and prints the mean CPU time per verification. */
  public static void main(String[] args) {
    int cost = args.length > 0 ? Integer.parseInt(args[0]) : BcryptPasswordHasher.DEFAULT_COST;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    if (count < 1) {
      throw new IllegalArgumentException("COUNT is " + count + "; give 1 or more verifications");
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("This JVM cannot measure the CPU time of a thread");
    }

    BcryptPasswordHasher hasher = new BcryptPasswordHasher(cost);
    String storedHash = hasher.hash(Password.of(PASSWORD));
    Password candidate = Password.candidate(PASSWORD);
    verify(hasher, candidate, storedHash, WARM_UP_VERIFICATIONS);

    long start = threads.getCurrentThreadCpuTime();
    verify(hasher, candidate, storedHash, count);
    double millisPerVerification = (threads.getCurrentThreadCpuTime() - start) / 1e6 / count;

    System.out.printf(Locale.ROOT, "%.1f%n", millisPerVerification);
  }

  private static void verify(
      BcryptPasswordHasher hasher, Password candidate, String storedHash, int count) {
    for (int i = 0; i < count; i++) {
      if (!hasher.matches(candidate, storedHash)) {
        throw new IllegalStateException("The password does not match its own hash");
      }
    }
  }
}
