package io.croupier.application.port.in;

import io.croupier.domain.OrganizationName;
import java.util.Optional;

/** Reads one organization by name. */
public interface GetOrganizationUseCase {

  /**
   * Returns the active organization with the name. The admin email is included only when {@code
   * caller} is that organization's admin; {@code caller} may be empty.
   *
   * @throws io.croupier.domain.OrganizationNotFound if no active organization has the name
   */
  OrganizationDetails get(OrganizationName name, Optional<AuthenticatedAdmin> caller);
}
