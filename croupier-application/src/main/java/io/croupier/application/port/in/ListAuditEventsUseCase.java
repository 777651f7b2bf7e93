package io.croupier.application.port.in;

import io.croupier.domain.OrganizationName;
import java.util.Optional;

/** Pages through the audit events of one organization, newest first. */
public interface ListAuditEventsUseCase {

  /** Page size when the caller asks for none. */
  int DEFAULT_LIMIT = 50;

  /** Largest page size a caller may ask for. */
  int MAX_LIMIT = 200;

  /**
   * Returns a page of the events of the caller's own organization. Pass the {@code nextCursor} of a
   * page to get the page after it, or an empty cursor for the first page.
   *
   * @throws io.croupier.domain.InvalidField if the cursor is malformed or the limit is not 1 to
   *     {@value #MAX_LIMIT}
   */
  AuditEventPage listOwn(AuthenticatedAdmin caller, Optional<String> cursor, int limit);

  /**
   * Returns a page of the events of the organization with the name, for an operator. The name is
   * resolved to the organization that has it now, or, once no organization has it, to the last
   * organization whose events recorded it, so that the events of a deleted organization stay
   * readable until their retention ends.
   *
   * @throws io.croupier.domain.OrganizationNotFound if no organization and no event has the name
   * @throws io.croupier.domain.InvalidField if the cursor is malformed or the limit is not 1 to
   *     {@value #MAX_LIMIT}
   */
  AuditEventPage listByOrganizationName(OrganizationName name, Optional<String> cursor, int limit);
}
