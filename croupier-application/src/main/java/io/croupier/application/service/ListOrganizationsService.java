package io.croupier.application.service;

import io.croupier.application.port.in.ListOrganizationsQuery;
import io.croupier.application.port.in.ListOrganizationsUseCase;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.OrganizationPage;
import io.croupier.application.port.out.OrganizationPosition;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.domain.InvalidField;
import io.croupier.domain.Organization;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pages through active organizations by keyset: a cursor encodes the creation time and id of the
 * last organization of a page, and the next page starts right after that position. Pages never skip
 * or repeat an organization that exists for the whole listing, however many there are.
 */
public final class ListOrganizationsService implements ListOrganizationsUseCase {

  /** Longest cursor accepted; a cursor this service returns is under 100 characters. */
  static final int MAX_CURSOR_LENGTH = 512;

  private static final char SEPARATOR = ':';

  private final OrganizationRepository organizations;
  private final TenantStorage tenants;

  public ListOrganizationsService(OrganizationRepository organizations, TenantStorage tenants) {
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.tenants = Objects.requireNonNull(tenants, "tenants");
  }

  @Override
  public OrganizationPage list(ListOrganizationsQuery query) {
    Optional<OrganizationPosition> after = query.after().map(ListOrganizationsService::decode);

    // One more than the limit shows whether another page follows, without a second query.
    List<Organization> found = organizations.findActivePage(after, query.limit() + 1);
    long total = organizations.countActive();

    boolean more = found.size() > query.limit();
    List<Organization> page = more ? found.subList(0, query.limit()) : found;
    List<OrganizationDetails> details = new ArrayList<>(page.size());
    for (Organization organization : page) {
      details.add(
          new OrganizationDetails(
              organization, Optional.empty(), tenants.locate(TenantPlacement.of(organization))));
    }
    Optional<String> next =
        more ? Optional.of(encode(page.get(page.size() - 1))) : Optional.empty();
    return new OrganizationPage(details, total, next);
  }

  /** Returns the cursor that points right after the organization. */
  static String encode(Organization last) {
    String position = last.createdAt().toEpochMilli() + String.valueOf(SEPARATOR) + last.id();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(position.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the position a cursor encodes, rejecting any text that {@link #encode} cannot make. */
  static OrganizationPosition decode(String cursor) {
    if (cursor.isEmpty() || cursor.length() > MAX_CURSOR_LENGTH) {
      throw invalidCursor(cursor);
    }
    String position;
    try {
      position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      throw invalidCursor(cursor);
    }

    int separator = position.indexOf(SEPARATOR);
    if (separator < 1 || separator == position.length() - 1) {
      throw invalidCursor(cursor);
    }
    try {
      long epochMillis = Long.parseLong(position.substring(0, separator));
      Instant createdAt = Instant.ofEpochMilli(epochMillis);
      return new OrganizationPosition(createdAt, position.substring(separator + 1));
    } catch (RuntimeException notAPosition) {
      // NumberFormatException for the time, DateTimeException for a time out of range.
      throw invalidCursor(cursor);
    }
  }

  private static InvalidField invalidCursor(String cursor) {
    String shown = cursor.length() > 40 ? cursor.substring(0, 40) + "..." : cursor;
    return new InvalidField(
        ListOrganizationsQuery.AFTER_FIELD,
        "Cursor '"
            + shown
            + "' is invalid; pass a cursor returned with an earlier page, or none to start from"
            + " the newest organization");
  }
}
