package io.croupier.application.port.in;

import io.croupier.domain.TenantTier;
import java.time.Duration;
import java.util.Objects;

/** Outcome of a move: the tiers, the documents verified, and how long writes were refused. */
public record MoveReport(
    TenantTier source, TenantTier target, long documents, Duration total, Duration switching) {

  public MoveReport {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(switching, "switching");
  }
}
