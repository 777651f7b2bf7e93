package io.croupier.application.service;

import io.croupier.application.port.in.AuditEventPage;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.ListAuditEventsUseCase;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.application.port.out.AuditLog;
import io.croupier.application.port.out.AuditPosition;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.domain.InvalidField;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNotFound;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pages through an organization's audit events by keyset. Each page requests one event more than it
 * returns, to learn whether another page follows, and its cursor encodes the position of its last
 * event.
 */
public final class ListAuditEventsService implements ListAuditEventsUseCase {

  private final AuditLog auditLog;
  private final OrganizationRepository organizations;

  public ListAuditEventsService(AuditLog auditLog, OrganizationRepository organizations) {
    this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
    this.organizations = Objects.requireNonNull(organizations, "organizations");
  }

  @Override
  public AuditEventPage listOwn(AuthenticatedAdmin caller, Optional<String> cursor, int limit) {
    Objects.requireNonNull(caller, "caller");
    return page(caller.organizationId(), cursor, limit);
  }

  @Override
  public AuditEventPage listByOrganizationName(
      OrganizationName name, Optional<String> cursor, int limit) {
    Objects.requireNonNull(name, "name");
    checkLimit(limit);
    String organizationId =
        organizations
            .findByName(name)
            .map(Organization::id)
            .or(() -> auditLog.findOrganizationIdByName(name))
            .orElseThrow(() -> new OrganizationNotFound(name.value()));
    return page(organizationId, cursor, limit);
  }

  private AuditEventPage page(String organizationId, Optional<String> cursor, int limit) {
    checkLimit(limit);
    Optional<AuditPosition> after = cursor.map(AuditCursor::decode);

    List<AuditEvent> events = auditLog.findPage(organizationId, after, limit + 1);
    if (events.size() <= limit) {
      return new AuditEventPage(events, Optional.empty());
    }
    List<AuditEvent> page = events.subList(0, limit);
    String next = AuditCursor.encode(page.get(limit - 1).position());
    return new AuditEventPage(page, Optional.of(next));
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidField("limit", "Limit " + limit + " is out of range; use 1 to " + MAX_LIMIT);
    }
  }
}
