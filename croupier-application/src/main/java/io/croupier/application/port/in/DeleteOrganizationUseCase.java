package io.croupier.application.port.in;

import io.croupier.domain.OrganizationName;
import java.util.Optional;

/** Deletes the caller's organization with its admin and tenant storage. */
public interface DeleteOrganizationUseCase {

  /**
   * Deletes the caller's organization and records it in the audit log. A {@code confirmName}, when
   * present, must name it.
   *
   * @throws io.croupier.domain.OrganizationAccessDenied if {@code confirmName} names another one
   * @throws io.croupier.domain.OrganizationNotFound if the organization is already gone
   */
  void delete(
      AuthenticatedAdmin caller, Optional<OrganizationName> confirmName, RequestOrigin origin);

  /** Deletes the organization for a request of unknown origin; see the three-argument method. */
  default void delete(AuthenticatedAdmin caller, Optional<OrganizationName> confirmName) {
    delete(caller, confirmName, RequestOrigin.unknown());
  }
}
