package io.croupier.adapter.out.security;

/** Live figures of the bounded pool that runs password hashing, for metrics and tests. */
public interface HashingPool {

  /** Returns the number of threads that run hashing work, at least 1. */
  int threads();

  /** Returns how many tasks may wait for a thread before new work is rejected, at least 0. */
  int queueCapacity();

  /** Returns the number of tasks waiting for a thread now. */
  int queued();

  /** Returns the approximate number of tasks running now. */
  int active();

  /** Returns how many tasks were rejected because the queue was full, since the pool started. */
  long rejected();
}
