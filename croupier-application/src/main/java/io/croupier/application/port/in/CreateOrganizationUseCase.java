package io.croupier.application.port.in;

/** Creates an organization, its admin and its tenant storage, all or nothing. */
public interface CreateOrganizationUseCase {

  /**
   * Creates the organization, records it in the audit log with the request's origin, and returns it
   * with the admin's email.
   *
   * @throws io.croupier.domain.OrganizationNameTaken if the name is in use
   * @throws io.croupier.domain.EmailTaken if another admin has the email
   */
  OrganizationDetails create(CreateOrganizationCommand command, RequestOrigin origin);

  /** Creates the organization for a request of unknown origin; see the two-argument method. */
  default OrganizationDetails create(CreateOrganizationCommand command) {
    return create(command, RequestOrigin.unknown());
  }
}
