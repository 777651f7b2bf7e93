package io.croupier.bootstrap.http;

import io.croupier.application.port.out.PasswordHasher;
import io.croupier.domain.Password;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A password hasher that counts its calls and, while closed, blocks each call until it opens. A
 * test server runs it on its bounded hashing pool, so a test can fill the pool without timing.
 */
public final class GatedPasswordHasher implements PasswordHasher {

  /** Maximum time a call waits at a closed gate, so that a failed test cannot hang the run. */
  static final Duration WAIT_LIMIT = Duration.ofSeconds(20);

  private final PasswordHasher delegate;
  private final AtomicInteger calls = new AtomicInteger();
  private final Semaphore started = new Semaphore(0);
  private volatile CountDownLatch gate = new CountDownLatch(0);

  /** Creates an open gate in front of the hasher. */
  public GatedPasswordHasher(PasswordHasher delegate) {
    this.delegate = delegate;
  }

  @Override
  public String hash(Password password) {
    passGate();
    return delegate.hash(password);
  }

  @Override
  public boolean matches(Password candidate, String hash) {
    passGate();
    return delegate.matches(candidate, hash);
  }

  @Override
  public boolean needsRehash(String hash) {
    return delegate.needsRehash(hash);
  }

  /** Makes later calls wait until {@link #open()}. */
  void close() {
    started.drainPermits();
    gate = new CountDownLatch(1);
  }

  /** Lets every waiting and later call through. */
  void open() {
    gate.countDown();
  }

  /** Returns the number of calls that reached the hasher. */
  int calls() {
    return calls.get();
  }

  /** Waits until one more call reached the hasher since the last wait or close. */
  boolean awaitStarted() throws InterruptedException {
    return started.tryAcquire(WAIT_LIMIT.toSeconds(), TimeUnit.SECONDS);
  }

  private void passGate() {
    calls.incrementAndGet();
    started.release();
    try {
      gate.await(WAIT_LIMIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException interruption) {
      Thread.currentThread().interrupt();
    }
  }
}
