package io.croupier.adapter.in.http;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Rate limit of the log lines for requests rejected because the server is at capacity. A flood of
 * such requests would otherwise write one line each, thousands per second. The first rejection
 * after a quiet interval is logged at once, and then at most one per interval, with the number of
 * rejections since the line before.
 */
final class LoadRejectionLog {

  /** Shortest time between two log lines. */
  static final Duration INTERVAL = Duration.ofSeconds(1);

  private final LongSupplier nanoTime;
  private final long intervalNanos;
  private final AtomicLong nextLineAt;
  private final AtomicLong unlogged = new AtomicLong();

  /** Creates the limit on a monotonic clock in nanoseconds, such as {@code System::nanoTime}. */
  LoadRejectionLog(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.intervalNanos = INTERVAL.toNanos();
    this.nextLineAt = new AtomicLong(nanoTime.getAsLong());
  }

  /**
   * Counts one rejection. Returns the number of rejections the log line should report, this one
   * included, or empty if no line is due yet.
   */
  OptionalLong count() {
    long now = nanoTime.getAsLong();
    long due = nextLineAt.get();
    if (now - due < 0 || !nextLineAt.compareAndSet(due, now + intervalNanos)) {
      unlogged.incrementAndGet();
      return OptionalLong.empty();
    }
    return OptionalLong.of(unlogged.getAndSet(0) + 1);
  }
}
