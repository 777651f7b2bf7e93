package io.croupier.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.croupier.application.port.out.PasswordHasher;
import io.croupier.application.port.out.PasswordHashingBusy;
import io.croupier.domain.Password;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedPasswordHasherTest {

  private static final Duration WAIT_LIMIT = Duration.ofSeconds(10);
  private static final String PASSWORD = "Correct1Horse";

  private final GatedHasher gated = new GatedHasher();
  private final ExecutorService callers = Executors.newCachedThreadPool();

  @AfterEach
  void releaseCallers() {
    gated.open();
    callers.shutdownNow();
  }

  /** A hasher whose calls are counted and wait until the gate opens. */
  private static final class GatedHasher implements PasswordHasher {

    private final CountDownLatch gate = new CountDownLatch(1);
    private final Semaphore started = new Semaphore(0);
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public String hash(Password password) {
      passGate();
      return "hash-of-" + password.reveal().length();
    }

    @Override
    public boolean matches(Password candidate, String hash) {
      passGate();
      return hash.equals("hash-of-" + candidate.reveal().length());
    }

    @Override
    public boolean needsRehash(String hash) {
      return hash.startsWith("old");
    }

    private void passGate() {
      calls.incrementAndGet();
      started.release();
      try {
        if (!gate.await(WAIT_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
          throw new IllegalStateException("The test never opened the gate");
        }
      } catch (InterruptedException interruption) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted at the gate", interruption);
      }
    }

    void awaitStarted() throws InterruptedException {
      assertThat(started.tryAcquire(WAIT_LIMIT.toSeconds(), TimeUnit.SECONDS))
          .as("a call reached the hasher")
          .isTrue();
    }

    void open() {
      gate.countDown();
    }

    int calls() {
      return calls.get();
    }
  }

  private Future<Boolean> matchInBackground(BoundedPasswordHasher hasher) {
    return callers.submit(() -> hasher.matches(Password.candidate(PASSWORD), "hash-of-13"));
  }

  /** Waits until the condition is true, and fails the test if it is not within the wait limit. */
  private static void awaitCondition(String description, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
    }
    assertThat(condition.getAsBoolean()).as(description).isTrue();
  }

  /** Occupies the one thread of the pool and puts {@code waiting} more calls in its queue. */
  private void saturate(BoundedPasswordHasher hasher, int waiting) throws InterruptedException {
    matchInBackground(hasher);
    gated.awaitStarted();
    for (int i = 1; i <= waiting; i++) {
      matchInBackground(hasher);
      int expected = i;
      awaitCondition("calls queued: " + expected, () -> hasher.queued() == expected);
    }
  }

  @Test
  void fullQueueRejectsVerificationWithoutRunningIt() throws Exception {
    // given
    BoundedPasswordHasher hasher = new BoundedPasswordHasher(gated, 1, 1);
    saturate(hasher, 1);

    // when
    PasswordHashingBusy busy =
        catchThrowableOfType(
            PasswordHashingBusy.class,
            () -> hasher.matches(Password.candidate(PASSWORD), "hash-of-13"));

    // then
    assertThat(busy).isNotNull();
    assertThat(busy.retryAfterSeconds()).isEqualTo(1);
    assertThat(gated.calls()).isEqualTo(1);
  }

  @Test
  void fullQueueRejectsHashWithoutRunningIt() throws Exception {
    // given
    BoundedPasswordHasher hasher = new BoundedPasswordHasher(gated, 1, 1);
    saturate(hasher, 1);

    // when / then
    assertThatThrownBy(() -> hasher.hash(Password.of(PASSWORD)))
        .isInstanceOf(PasswordHashingBusy.class);
    assertThat(gated.calls()).isEqualTo(1);
  }

  @Test
  void rejectedCallNeverRunsLater() throws Exception {
    // given
    BoundedPasswordHasher hasher = new BoundedPasswordHasher(gated, 1, 1);
    saturate(hasher, 1);
    assertThatThrownBy(() -> hasher.hash(Password.of(PASSWORD)))
        .isInstanceOf(PasswordHashingBusy.class);

    // when
    gated.open();
    awaitCondition("queue drained", () -> hasher.queued() == 0 && hasher.active() == 0);

    // then
    assertThat(gated.calls()).isEqualTo(2);
  }

  @Test
  void queueWithOneFreePlaceAcceptsCall() throws Exception {
    // given
    BoundedPasswordHasher hasher = new BoundedPasswordHasher(gated, 1, 2);
    saturate(hasher, 1);

    // when
    Future<Boolean> accepted = matchInBackground(hasher);
    awaitCondition("second call queued", () -> hasher.queued() == 2);
    gated.open();

    // then
    assertThat(accepted.get(WAIT_LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(gated.calls()).isEqualTo(3);
    assertThat(hasher.rejected()).isZero();
  }

  @Test
  void capacityCheckRejectsWhileQueueIsFull() throws Exception {
    // given
    BoundedPasswordHasher hasher = new BoundedPasswordHasher(gated, 1, 1);
    saturate(hasher, 1);

    // when / then
    assertThatThrownBy(hasher::checkCapacity).isInstanceOf(PasswordHashingBusy.class);
    assertThat(hasher.rejected()).isEqualTo(1);
    assertThat(gated.calls()).isEqualTo(1);
  }

  @Test
  void capacityCheckPassesWithOneFreePlace() throws Exception {
    // given
    BoundedPasswordHasher hasher = new BoundedPasswordHasher(gated, 1, 2);
    saturate(hasher, 1);

    // when
    hasher.checkCapacity();

    // then
    assertThat(hasher.rejected()).isZero();
  }

  @Test
  void capacityCheckPassesWhileThreadIsFree() {
    // given
    BoundedPasswordHasher hasher = new BoundedPasswordHasher(gated, 1, 0);

    // when
    hasher.checkCapacity();

    // then
    assertThat(hasher.rejected()).isZero();
  }

  @Test
  void zeroCapacityRejectsWhileEveryThreadIsBusy() throws Exception {
    // given
    BoundedPasswordHasher hasher = new BoundedPasswordHasher(gated, 1, 0);
    saturate(hasher, 0);

    // when / then
    assertThatThrownBy(() -> hasher.matches(Password.candidate(PASSWORD), "hash-of-13"))
        .isInstanceOf(PasswordHashingBusy.class);
    assertThat(gated.calls()).isEqualTo(1);
  }

  @Test
  void zeroCapacityAcceptsCallWhileThreadIsFree() {
    // given
    BoundedPasswordHasher hasher = new BoundedPasswordHasher(gated, 1, 0);
    gated.open();

    // when
    boolean matches = hasher.matches(Password.candidate(PASSWORD), "hash-of-13");

    // then
    assertThat(matches).isTrue();
  }

  @Test
  void countsEachRejection() throws Exception {
    // given
    BoundedPasswordHasher hasher = new BoundedPasswordHasher(gated, 1, 0);
    saturate(hasher, 0);

    // when
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> hasher.hash(Password.of(PASSWORD)))
          .isInstanceOf(PasswordHashingBusy.class);
    }

    // then
    assertThat(hasher.rejected()).isEqualTo(3);
  }

  @Test
  void reportsRunningAndQueuedCalls() throws Exception {
    // given
    BoundedPasswordHasher hasher = new BoundedPasswordHasher(gated, 1, 3);

    // when
    saturate(hasher, 2);

    // then
    assertThat(hasher.active()).isEqualTo(1);
    assertThat(hasher.queued()).isEqualTo(2);
  }

  @Test
  void rethrowsFailureOfWrappedHasher() {
    // given
    BoundedPasswordHasher hasher = new BoundedPasswordHasher(new BcryptPasswordHasher(4), 1, 1);
    Password tooLong = Password.candidate("Aa1" + "x".repeat(80));

    // when / then
    assertThatThrownBy(() -> hasher.hash(tooLong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bytes in UTF-8");
  }

  @Test
  void hashesOnThreadsOfLowestPriority() {
    // given
    AtomicInteger priority = new AtomicInteger();
    PasswordHasher recording =
        new PasswordHasher() {
          @Override
          public String hash(Password password) {
            priority.set(Thread.currentThread().getPriority());
            return "hash";
          }

          @Override
          public boolean matches(Password candidate, String hash) {
            return false;
          }

          @Override
          public boolean needsRehash(String hash) {
            return false;
          }
        };
    BoundedPasswordHasher hasher = new BoundedPasswordHasher(recording, 1, 0);

    // when
    hasher.hash(Password.of(PASSWORD));

    // then
    assertThat(priority).hasValue(Thread.MIN_PRIORITY);
  }

  @Test
  void verifiesRealBcryptHash() {
    // given
    BoundedPasswordHasher hasher = new BoundedPasswordHasher(new BcryptPasswordHasher(4), 2, 8);
    String hash = hasher.hash(Password.of(PASSWORD));

    // when
    boolean matches = hasher.matches(Password.candidate(PASSWORD), hash);

    // then
    assertThat(matches).isTrue();
  }

  @Test
  void asksWrappedHasherAboutRehash() {
    // given
    BoundedPasswordHasher hasher = new BoundedPasswordHasher(gated, 1, 0);

    // when / then
    assertThat(hasher.needsRehash("old-hash")).isTrue();
    assertThat(hasher.needsRehash("new-hash")).isFalse();
    assertThat(gated.calls()).isZero();
  }

  @Test
  void interruptedCallerStillGetsResult() throws Exception {
    // given
    BoundedPasswordHasher hasher = new BoundedPasswordHasher(gated, 1, 0);
    AtomicInteger interruptedAfter = new AtomicInteger(-1);
    Thread caller =
        new Thread(
            () -> {
              boolean matches = hasher.matches(Password.candidate(PASSWORD), "hash-of-13");
              interruptedAfter.set(matches && Thread.currentThread().isInterrupted() ? 1 : 0);
            });
    caller.start();
    gated.awaitStarted();

    // when
    caller.interrupt();
    gated.open();
    caller.join(WAIT_LIMIT.toMillis());

    // then
    assertThat(interruptedAfter.get()).isEqualTo(1);
  }

  @Test
  void acceptsOneThreadAndEmptyQueue() {
    // when
    BoundedPasswordHasher hasher = new BoundedPasswordHasher(gated, 1, 0);

    // then
    assertThat(hasher.threads()).isEqualTo(1);
    assertThat(hasher.queueCapacity()).isZero();
  }

  @Test
  void rejectsZeroThreads() {
    assertThatThrownBy(() -> new BoundedPasswordHasher(gated, 0, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Hashing threads must be at least 1, was 0");
  }

  @Test
  void rejectsNegativeQueueCapacity() {
    assertThatThrownBy(() -> new BoundedPasswordHasher(gated, 1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Hashing queue capacity must be at least 0, was -1");
  }

  @Test
  void defaultQueueIsFourTasksPerThread() {
    assertThat(BoundedPasswordHasher.defaultQueueCapacity(3)).isEqualTo(12);
  }
}
