package io.croupier.library;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Read-through cache whose entries expire a fixed time after they were loaded. Only present values
 * are cached, so a lookup of a key that does not exist always reaches the store and cannot fill the
 * cache.
 *
 * <p>Every invalidation also discards the results of loads that were running when it happened,
 * because such a load may have read the store before the change that the invalidation follows.
 */
final class ExpiringCache<K, V> {

  /** Maximum number of entries. A full cache stores no new results until it sweeps expired ones. */
  static final int MAX_ENTRIES = 10_000;

  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicLong invalidations = new AtomicLong();
  private final AtomicLong lastSweep;
  private final long ttlNanos;
  private final int maxEntries;
  private final LongSupplier nanoTime;

  /**
   * Creates a cache of entries that live for the TTL, on a monotonic clock in nanoseconds such as
   * {@code System::nanoTime}.
   *
   * @throws IllegalArgumentException if the TTL is not positive or the maximum is below 1
   */
  ExpiringCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isZero() || ttl.isNegative()) {
      throw new IllegalArgumentException("Cache TTL must be positive, was " + ttl);
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("Cache size must be at least 1, was " + maxEntries);
    }
    this.ttlNanos = ttl.toNanos();
    this.maxEntries = maxEntries;
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.lastSweep = new AtomicLong(nanoTime.getAsLong());
  }

  /** Returns the cached value of the key while it is fresh, else the loader's result. */
  Optional<V> get(K key, Function<K, Optional<V>> loader) {
    long now = nanoTime.getAsLong();
    Entry<V> cached = entries.get(key);
    if (cached != null && cached.isFreshAt(now, ttlNanos)) {
      return Optional.of(cached.value());
    }

    long invalidationsBefore = invalidations.get();
    Optional<V> loaded = loader.apply(key);
    loaded.ifPresent(value -> store(key, new Entry<>(value, now), invalidationsBefore));
    return loaded;
  }

  /** Removes the key's entry and discards the loads running now. */
  void invalidate(K key) {
    invalidations.incrementAndGet();
    entries.remove(key);
  }

  /** Removes every entry whose value meets the condition and discards the loads running now. */
  void invalidateIf(Predicate<V> condition) {
    invalidations.incrementAndGet();
    entries.values().removeIf(entry -> condition.test(entry.value()));
  }

  /** Returns the number of entries, fresh or expired, for tests. */
  int size() {
    return entries.size();
  }

  /**
   * Stores the entry unless an invalidation happened since its load began. The check runs inside
   * {@code compute}, which excludes a concurrent removal of the same key, and an invalidation
   * counts before it removes, so a stale entry is either never stored or removed afterwards.
   */
  private void store(K key, Entry<V> entry, long invalidationsBefore) {
    if (entries.size() >= maxEntries && !sweepExpired(entry.loadedAt())) {
      return;
    }
    entries.compute(
        key, (k, current) -> invalidations.get() == invalidationsBefore ? entry : current);
  }

  /**
   * Removes expired entries, at most once per TTL so that a full cache of fresh entries costs no
   * repeated scans. Returns whether there is room afterwards.
   */
  private boolean sweepExpired(long now) {
    long previous = lastSweep.get();
    if (now - previous >= ttlNanos && lastSweep.compareAndSet(previous, now)) {
      entries.values().removeIf(cached -> !cached.isFreshAt(now, ttlNanos));
    }
    return entries.size() < maxEntries;
  }

  /** A cached value and the time, in nanoseconds, at which its load began. */
  private record Entry<V>(V value, long loadedAt) {

    boolean isFreshAt(long now, long ttlNanos) {
      long age = now - loadedAt;
      return age >= 0 && age < ttlNanos;
    }
  }
}
