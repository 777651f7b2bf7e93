package io.croupier.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of active organizations, newest first, without admin emails. {@code total} counts every
 * active organization at the time of the request, and {@code nextCursor} is empty on the last page.
 */
public record OrganizationPage(
    List<OrganizationDetails> organizations, long total, Optional<String> nextCursor) {

  public OrganizationPage {
    organizations = List.copyOf(organizations);
    Objects.requireNonNull(nextCursor, "nextCursor");
  }
}
