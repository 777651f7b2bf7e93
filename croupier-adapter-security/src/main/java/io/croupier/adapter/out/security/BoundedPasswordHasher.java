package io.croupier.adapter.out.security;

import io.croupier.application.port.out.PasswordHasher;
import io.croupier.application.port.out.PasswordHashingBusy;
import io.croupier.domain.Password;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link PasswordHasher} decorator that runs every hash and every verification of another hasher on
 * a fixed number of threads with a bounded queue. When every thread is busy and the queue is full,
 * a call throws {@link PasswordHashingBusy} at once and the other hasher does no work. So a flood
 * of logins blocks at most {@code threads + queueCapacity} callers at a time, and every caller
 * beyond them is rejected without waiting.
 *
 * <p>The threads are daemon threads and stop after a minute without work, so the pool needs no
 * shutdown and never keeps a process alive.
 *
 * <p>The threads run at {@link Thread#MIN_PRIORITY}. On Linux, HotSpot passes Java priorities to
 * the operating system only with {@code -XX:ThreadPriorityPolicy=1}, and {@code
 * -XX:JavaPriority1_To_OSPriority=19} then runs these threads at nice 19. So hashing uses the CPU
 * time that other threads leave, and a login flood cannot slow token-authenticated requests down.
 * Lowering a thread's priority needs no privilege.
 */
public final class BoundedPasswordHasher implements PasswordHasher, HashingPool {

  /** Tasks that may wait per thread when no queue capacity is configured. */
  public static final int DEFAULT_QUEUE_PER_THREAD = 4;

  // NOTE: the retry delay is an estimate, not a measurement. A full default queue contains four
  // tasks per thread, and one bcrypt run at the default cost 12 takes roughly a quarter second on a
  // current server core, so the queue drains in about a second. At a higher cost, a retry after one
  // second may be rejected again.
  static final long RETRY_AFTER_SECONDS = 1;

  private static final long IDLE_THREAD_SECONDS = 60;
  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  private final PasswordHasher delegate;
  private final int queueCapacity;
  private final ThreadPoolExecutor executor;

  /**
   * One permit per thread and per place in the queue. A call takes one before it is queued and its
   * task returns it when it ends, so a call is rejected exactly when every thread and every place
   * is taken. A thread that just finished a task but has not yet asked for the next one cannot make
   * a call fail, as it could with the executor's own queue.
   */
  private final Semaphore places;

  private final AtomicLong rejected = new AtomicLong();

  /**
   * Creates a pool of {@code threads} threads on which up to {@code queueCapacity} more tasks may
   * wait; with a capacity of 0 no task waits.
   *
   * @throws IllegalArgumentException if threads is below 1 or the queue capacity below 0
   */
  public BoundedPasswordHasher(PasswordHasher delegate, int threads, int queueCapacity) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    if (threads < 1) {
      throw new IllegalArgumentException("Hashing threads must be at least 1, was " + threads);
    }
    if (queueCapacity < 0) {
      throw new IllegalArgumentException(
          "Hashing queue capacity must be at least 0, was " + queueCapacity);
    }
    this.queueCapacity = queueCapacity;
    this.places = new Semaphore(threads + queueCapacity);
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            IDLE_THREAD_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemonThreads(),
            new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
  }

  /** Returns the number of processors available to the JVM, the default number of threads. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Returns the default queue capacity for a number of threads: four tasks per thread. */
  public static int defaultQueueCapacity(int threads) {
    return DEFAULT_QUEUE_PER_THREAD * threads;
  }

  /**
   * {@inheritDoc}
   *
   * @throws PasswordHashingBusy if every thread is busy and the queue is full
   */
  @Override
  public String hash(Password password) {
    return run(() -> delegate.hash(password));
  }

  /**
   * {@inheritDoc}
   *
   * @throws PasswordHashingBusy if every thread is busy and the queue is full
   */
  @Override
  public boolean matches(Password candidate, String hash) {
    return run(() -> delegate.matches(candidate, hash));
  }

  /**
   * Throws {@link PasswordHashingBusy} while every thread is busy and the queue is full, and counts
   * it as a rejection, so that a login flood is rejected before its store reads.
   */
  @Override
  public void checkCapacity() {
    if (places.availablePermits() == 0) {
      throw rejection();
    }
  }

  /** Asks the other hasher on the calling thread, because reading a hash's cost is cheap. */
  @Override
  public boolean needsRehash(String hash) {
    return delegate.needsRehash(hash);
  }

  @Override
  public int threads() {
    return executor.getMaximumPoolSize();
  }

  @Override
  public int queueCapacity() {
    return queueCapacity;
  }

  @Override
  public int queued() {
    return executor.getQueue().size();
  }

  @Override
  public int active() {
    return executor.getActiveCount();
  }

  @Override
  public long rejected() {
    return rejected.get();
  }

  private <T> T run(Callable<T> work) {
    if (!places.tryAcquire()) {
      throw rejection();
    }
    Future<T> result;
    try {
      result =
          executor.submit(
              () -> {
                try {
                  return work.call();
                } finally {
                  places.release();
                }
              });
    } catch (RejectedExecutionException shutDown) {
      places.release();
      throw rejection();
    }
    return await(result);
  }

  private PasswordHashingBusy rejection() {
    rejected.incrementAndGet();
    return new PasswordHashingBusy(RETRY_AFTER_SECONDS);
  }

  /**
   * Waits for the result even when the caller is interrupted, then restores the interrupt flag: the
   * work cannot be stopped once it runs, and it ends within one hash time.
   */
  private static <T> T await(Future<T> result) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return result.get();
        } catch (InterruptedException interruption) {
          interrupted = true;
        } catch (ExecutionException failure) {
          throw unwrap(failure);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static RuntimeException unwrap(ExecutionException failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof RuntimeException unchecked) {
      return unchecked;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    // PasswordHasher methods declare no checked exception, so this branch only guards the cast.
    return new IllegalStateException("Password hashing failed", cause);
  }

  private static ThreadFactory daemonThreads() {
    int pool = POOL_NUMBER.incrementAndGet();
    AtomicInteger thread = new AtomicInteger();
    return work -> {
      Thread created =
          new Thread(work, "croupier-hashing-" + pool + "-" + thread.incrementAndGet());
      created.setDaemon(true);
      created.setPriority(Thread.MIN_PRIORITY);
      return created;
    };
  }
}
