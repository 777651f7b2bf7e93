package io.croupier.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

  private static final Duration TTL = Duration.ofSeconds(2);

  private final AtomicLong nanoTime = new AtomicLong(1_000);
  private final AtomicInteger loads = new AtomicInteger();
  private final ExpiringCache<String, String> cache = new ExpiringCache<>(TTL, 100, nanoTime::get);

  private Optional<String> load(String key) {
    loads.incrementAndGet();
    return key.startsWith("missing") ? Optional.empty() : Optional.of("value-" + loads.get());
  }

  private Optional<String> get(String key) {
    return cache.get(key, this::load);
  }

  private void advance(Duration duration) {
    nanoTime.addAndGet(duration.toNanos());
  }

  @Test
  void secondReadWithinTtlSkipsLoader() {
    // given
    get("a");

    // when
    Optional<String> second = get("a");

    // then
    assertThat(second).hasValue("value-1");
    assertThat(loads.get()).isEqualTo(1);
  }

  @Test
  void entryJustBeforeTtlIsServed() {
    // given
    get("a");
    advance(TTL.minusNanos(1));

    // when
    get("a");

    // then
    assertThat(loads.get()).isEqualTo(1);
  }

  @Test
  void entryAtTtlIsLoadedAgain() {
    // given
    get("a");
    advance(TTL);

    // when
    Optional<String> reloaded = get("a");

    // then
    assertThat(reloaded).hasValue("value-2");
    assertThat(loads.get()).isEqualTo(2);
  }

  @Test
  void emptyResultIsNotCached() {
    // given
    get("missing");

    // when
    get("missing");

    // then
    assertThat(loads.get()).isEqualTo(2);
    assertThat(cache.size()).isZero();
  }

  @Test
  void invalidatedKeyIsLoadedAgain() {
    // given
    get("a");

    // when
    cache.invalidate("a");

    // then
    assertThat(get("a")).hasValue("value-2");
  }

  @Test
  void invalidateIfRemovesOnlyMatchingValues() {
    // given
    get("a");
    get("b");

    // when
    cache.invalidateIf(value -> value.equals("value-1"));

    // then
    assertThat(get("b")).hasValue("value-2");
    assertThat(get("a")).hasValue("value-3");
  }

  @Test
  void invalidationDuringLoadDiscardsItsResult() {
    // given
    Function<String, Optional<String>> loadRacingWithWrite =
        key -> {
          Optional<String> stale = load(key);
          cache.invalidate("other");
          return stale;
        };

    // when
    cache.get("a", loadRacingWithWrite);

    // then
    assertThat(get("a")).hasValue("value-2");
  }

  @Test
  void fullCacheServesWithoutStoring() {
    // given
    ExpiringCache<String, String> small = new ExpiringCache<>(TTL, 2, nanoTime::get);
    small.get("a", this::load);
    small.get("b", this::load);

    // when
    small.get("c", this::load);
    small.get("c", this::load);

    // then
    assertThat(loads.get()).isEqualTo(4);
    assertThat(small.size()).isEqualTo(2);
  }

  @Test
  void fullCacheSweepsExpiredEntriesAfterTtl() {
    // given
    ExpiringCache<String, String> small = new ExpiringCache<>(TTL, 2, nanoTime::get);
    small.get("a", this::load);
    small.get("b", this::load);
    advance(TTL);

    // when
    small.get("c", this::load);
    small.get("c", this::load);

    // then
    assertThat(loads.get()).isEqualTo(3);
    assertThat(small.size()).isEqualTo(1);
  }

  @Test
  void rejectsZeroTtl() {
    assertThatThrownBy(() -> new ExpiringCache<String, String>(Duration.ZERO, 1, nanoTime::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cache TTL must be positive, was PT0S");
  }

  @Test
  void acceptsOneNanosecondTtl() {
    // when
    ExpiringCache<String, String> shortest =
        new ExpiringCache<>(Duration.ofNanos(1), 1, nanoTime::get);

    // then
    assertThat(shortest.get("a", this::load)).hasValue("value-1");
  }

  @Test
  void rejectsZeroEntries() {
    assertThatThrownBy(() -> new ExpiringCache<String, String>(TTL, 0, nanoTime::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cache size must be at least 1, was 0");
  }
}
