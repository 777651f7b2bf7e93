package io.croupier.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * Place of an audit event in the newest-first order: descending by time, then descending by id for
 * events of the same millisecond.
 */
public record AuditPosition(Instant time, String id) {

  public AuditPosition {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(id, "id");
  }
}
