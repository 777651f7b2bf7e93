package io.croupier.application.port.out;

import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import java.util.List;
import java.util.Optional;

/** Organization metadata, with the name unique across every state. */
public interface OrganizationRepository {

  /**
   * Stores a new organization.
   *
   * @throws io.croupier.domain.OrganizationNameTaken if any organization has the name
   */
  void insert(Organization organization);

  /** Returns the organization with the id in any state, or empty. */
  Optional<Organization> findById(String id);

  /** Returns the organization with the name in any state, or empty. */
  Optional<Organization> findByName(OrganizationName name);

  /**
   * Replaces the stored organization that has the same id; does nothing if it is gone.
   *
   * @throws io.croupier.domain.OrganizationNameTaken if another organization has the new name
   */
  void update(Organization organization);

  /** Removes the organization with the id; does nothing if it is gone. */
  void deleteById(String id);

  /**
   * Returns at most {@code limit} active organizations, newest first: descending by creation time,
   * then descending by id. With a position, only the organizations that sort after it are returned,
   * so that paging by the last position of each page skips and repeats nothing.
   */
  List<Organization> findActivePage(Optional<OrganizationPosition> after, int limit);

  /** Returns the number of active organizations. */
  long countActive();
}
