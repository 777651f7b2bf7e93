package io.croupier.application.port.in;

import io.croupier.domain.OrganizationName;
import java.util.Optional;

/** Deletes the caller's organization with its admin and tenant storage. */
public interface DeleteOrganizationUseCase {

  /**
   * Deletes the caller's organization. A {@code confirmName}, when present, must name it.
   *
   * @throws io.croupier.domain.OrganizationAccessDenied if {@code confirmName} names another one
   * @throws io.croupier.domain.OrganizationNotFound if the organization is already gone
   */
  void delete(AuthenticatedAdmin caller, Optional<OrganizationName> confirmName);
}
