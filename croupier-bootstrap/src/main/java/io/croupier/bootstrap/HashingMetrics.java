package io.croupier.bootstrap;

import io.croupier.adapter.out.security.HashingPool;
import io.croupier.library.CroupierLibrary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/**
 * Meters of the bounded pool that runs bcrypt: {@code croupier.bcrypt.queued}, the tasks waiting
 * for a thread, {@code croupier.bcrypt.active}, the tasks running, and {@code
 * croupier.bcrypt.rejected}, the tasks rejected because the queue was full. Each is read from the
 * pool when metrics are scraped.
 */
@Singleton
final class HashingMetrics implements MeterBinder {

  static final String QUEUED = "croupier.bcrypt.queued";
  static final String ACTIVE = "croupier.bcrypt.active";
  static final String REJECTED = "croupier.bcrypt.rejected";

  private final HashingPool pool;

  HashingMetrics(CroupierLibrary library) {
    this.pool = library.hashingPool();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(QUEUED, pool, HashingPool::queued)
        .description("bcrypt tasks waiting for a thread")
        .register(registry);
    Gauge.builder(ACTIVE, pool, HashingPool::active)
        .description("bcrypt tasks running")
        .register(registry);
    FunctionCounter.builder(REJECTED, pool, HashingPool::rejected)
        .description("bcrypt tasks rejected with 503 because the queue was full")
        .register(registry);
  }
}
