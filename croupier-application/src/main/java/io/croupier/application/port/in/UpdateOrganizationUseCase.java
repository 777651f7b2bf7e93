package io.croupier.application.port.in;

/** Renames an organization, changes its admin email or password, or any combination. */
public interface UpdateOrganizationUseCase {

  /**
   * Applies every change or none, records the names of the changed fields in the audit log, and
   * returns the organization as it is afterwards.
   *
   * @throws io.croupier.domain.OrganizationNameTaken if the new name is in use
   * @throws io.croupier.domain.EmailTaken if another admin has the new email
   * @throws io.croupier.domain.InvalidToken if the caller's organization is gone
   * @throws io.croupier.domain.OrganizationChanged if another request changed the organization
   *     after this one read it, or a rename of it is still under way; nothing was changed
   */
  OrganizationDetails update(UpdateOrganizationCommand command, RequestOrigin origin);

  /** Applies the changes for a request of unknown origin; see the two-argument method. */
  default OrganizationDetails update(UpdateOrganizationCommand command) {
    return update(command, RequestOrigin.unknown());
  }
}
