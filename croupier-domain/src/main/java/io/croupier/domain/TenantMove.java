package io.croupier.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A move of an organization's data between tiers that has begun and not finished. The process that
 * runs the move renews {@code heartbeatAt}; a move whose heartbeat is old was abandoned by a
 * process that died, and is finished or rolled back by the next one that starts.
 */
public record TenantMove(
    TenantTier source, TenantTier target, MovePhase phase, Instant startedAt, Instant heartbeatAt) {

  public TenantMove {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(heartbeatAt, "heartbeatAt");
    if (source == target) {
      throw new IllegalArgumentException("A move needs two different tiers, got " + source);
    }
  }

  /** Returns a new move in the copying phase. */
  public static TenantMove begin(TenantTier source, TenantTier target, Instant now) {
    return new TenantMove(source, target, MovePhase.COPYING, now, now);
  }

  public TenantMove inPhase(MovePhase newPhase, Instant now) {
    return new TenantMove(source, target, newPhase, startedAt, now);
  }

  public TenantMove heartbeat(Instant now) {
    return new TenantMove(source, target, phase, startedAt, now);
  }

  /** Returns whether writes to the organization's documents must be refused for now. */
  public boolean blocksWrites() {
    return phase == MovePhase.SWITCHING;
  }
}
