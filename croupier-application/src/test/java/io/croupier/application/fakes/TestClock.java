package io.croupier.application.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** Clock that is fixed until a test sets or advances it; copies in other zones follow it. */
public final class TestClock extends Clock {

  /** Instant a clock created without one starts at. */
  public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  public TestClock() {
    this(DEFAULT_START);
  }

  public TestClock(Instant start) {
    this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** Returns a clock in the zone that shares this clock's instant, including later changes. */
  @Override
  public Clock withZone(ZoneId newZone) {
    return new TestClock(now, Objects.requireNonNull(newZone, "newZone"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /** Moves the clock to the instant. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  /** Moves the clock forward, or back for a negative duration, and returns the new instant. */
  public Instant advance(Duration duration) {
    return now.updateAndGet(current -> current.plus(duration));
  }
}
