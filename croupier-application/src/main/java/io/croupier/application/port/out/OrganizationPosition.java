package io.croupier.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * Place of one organization in the newest-first order: its creation time, then its id as the
 * tie-break between organizations created in the same millisecond.
 */
public record OrganizationPosition(Instant createdAt, String id) {

  public OrganizationPosition {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(id, "id");
  }
}
