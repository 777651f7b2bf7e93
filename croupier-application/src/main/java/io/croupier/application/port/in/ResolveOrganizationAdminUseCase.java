package io.croupier.application.port.in;

import io.croupier.domain.OrganizationName;

/**
 * Finds the admin of an organization by the organization's name, so that an operator can run the
 * admin's use cases on it. Only entry points whose users are trusted because they can reach the
 * store directly, such as the command line, may use it; the HTTP API never does.
 */
public interface ResolveOrganizationAdminUseCase {

  /**
   * Returns the admin of the active organization with the name.
   *
   * @throws io.croupier.domain.OrganizationNotFound if no active organization has the name
   */
  AuthenticatedAdmin resolveAdmin(OrganizationName name);
}
