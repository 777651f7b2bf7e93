package io.croupier.application.port.in;

import io.croupier.application.port.out.AuditEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of audit events, newest first, and the opaque cursor of the next page, which is empty on
 * the last page.
 */
public record AuditEventPage(List<AuditEvent> events, Optional<String> nextCursor) {

  public AuditEventPage {
    events = List.copyOf(events);
    Objects.requireNonNull(nextCursor, "nextCursor");
  }
}
