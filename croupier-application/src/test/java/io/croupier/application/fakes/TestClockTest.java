package io.croupier.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TestClockTest {

  private final TestClock clock = new TestClock();

  @Test
  void standsStillUntilAdvanced() {
    // when
    Instant advanced = clock.advance(Duration.ofMinutes(5));

    // then
    assertThat(advanced).isEqualTo(TestClock.DEFAULT_START.plusSeconds(300));
    assertThat(clock.instant()).isEqualTo(advanced);
  }

  @Test
  void copyInOtherZoneFollowsChanges() {
    // given
    Clock copy = clock.withZone(ZoneId.of("Europe/Istanbul"));

    // when
    clock.set(Instant.parse("2030-06-01T12:00:00Z"));

    // then
    assertThat(copy.instant()).isEqualTo(Instant.parse("2030-06-01T12:00:00Z"));
    assertThat(copy.getZone()).isEqualTo(ZoneId.of("Europe/Istanbul"));
  }
}
