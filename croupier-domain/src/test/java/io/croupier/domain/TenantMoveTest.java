package io.croupier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TenantMoveTest {

  private static final Instant STARTED = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant LATER = Instant.parse("2025-01-01T00:00:05Z");

  @ParameterizedTest
  @EnumSource(TenantTier.class)
  void rejectsSameSourceAndTarget(TenantTier tier) {
    // when
    IllegalArgumentException error =
        assertThatExceptionOfType(IllegalArgumentException.class)
            .isThrownBy(() -> TenantMove.begin(tier, tier, STARTED))
            .actual();

    // then
    assertThat(error.getMessage()).contains("two different tiers");
  }

  @Test
  void beginsInCopyingPhase() {
    // when
    TenantMove move = TenantMove.begin(TenantTier.SHARED, TenantTier.DATABASE, STARTED);

    // then
    assertThat(move.phase()).isEqualTo(MovePhase.COPYING);
    assertThat(move.startedAt()).isEqualTo(STARTED);
    assertThat(move.heartbeatAt()).isEqualTo(STARTED);
  }

  @Test
  void blocksWritesWhileSwitching() {
    // given
    TenantMove move = TenantMove.begin(TenantTier.SHARED, TenantTier.DATABASE, STARTED);

    // when
    TenantMove switching = move.inPhase(MovePhase.SWITCHING, LATER);

    // then
    assertThat(switching.blocksWrites()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = MovePhase.class,
      names = {"COPYING", "CLEANING"})
  void allowsWritesInOtherPhases(MovePhase phase) {
    // given
    TenantMove move = TenantMove.begin(TenantTier.COLLECTION, TenantTier.SHARED, STARTED);

    // when
    TenantMove inPhase = move.inPhase(phase, LATER);

    // then
    assertThat(inPhase.blocksWrites()).isFalse();
  }

  @Test
  void phaseChangeKeepsStartAndRenewsHeartbeat() {
    // given
    TenantMove move = TenantMove.begin(TenantTier.COLLECTION, TenantTier.SHARED, STARTED);

    // when
    TenantMove cleaning = move.inPhase(MovePhase.CLEANING, LATER);

    // then
    assertThat(cleaning.startedAt()).isEqualTo(STARTED);
    assertThat(cleaning.heartbeatAt()).isEqualTo(LATER);
    assertThat(cleaning.source()).isEqualTo(TenantTier.COLLECTION);
    assertThat(cleaning.target()).isEqualTo(TenantTier.SHARED);
  }

  @Test
  void heartbeatKeepsPhase() {
    // given
    TenantMove move =
        TenantMove.begin(TenantTier.COLLECTION, TenantTier.SHARED, STARTED)
            .inPhase(MovePhase.SWITCHING, STARTED);

    // when
    TenantMove renewed = move.heartbeat(LATER);

    // then
    assertThat(renewed.phase()).isEqualTo(MovePhase.SWITCHING);
    assertThat(renewed.heartbeatAt()).isEqualTo(LATER);
    assertThat(renewed.startedAt()).isEqualTo(STARTED);
  }
}
