package io.croupier.application.port.out;

import io.croupier.domain.OrganizationName;
import java.util.List;
import java.util.Optional;

/**
 * Append-only log of security-relevant events, shared by every instance. Events expire after a
 * retention period that the implementation sets; expired events are never returned.
 */
public interface AuditLog {

  /**
   * Appends the event. Never throws: an implementation that cannot store the event reports the
   * failure itself, for example in its log, and returns, because the audited operation has already
   * completed and must not look failed.
   */
  void record(AuditEvent event);

  /**
   * Returns at most {@code limit} events of the organization, newest first by time and then by id.
   * With a position, only events that sort after it are returned, so that paging by the position of
   * the last event of each page skips and repeats nothing.
   */
  List<AuditEvent> findPage(String organizationId, Optional<AuditPosition> after, int limit);

  /** Returns the organization id of the newest event that recorded the name, or empty. */
  Optional<String> findOrganizationIdByName(OrganizationName name);
}
