package io.croupier.application.port.out;

import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantTier;
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
   * Replaces the name, storage name, state and update time of the stored organization that has the
   * same id; does nothing if it is gone. The tier and the move stay as stored: only {@link
   * #updatePlacement} changes them.
   *
   * @throws io.croupier.domain.OrganizationNameTaken if another organization has the new name
   */
  void update(Organization organization);

  /**
   * Sets the name, storage name, state and update time of {@code next} if the stored organization
   * still has the name, storage name and state of {@code expected}. Returns whether it was set, so
   * that of several requests that start from the same metadata exactly one changes it. The tier and
   * the move stay as stored.
   *
   * @throws io.croupier.domain.OrganizationNameTaken if another organization has the new name
   */
  boolean updateIfUnchanged(Organization expected, Organization next);

  /**
   * Sets the tier, the move and the update time of {@code next} if the stored organization still
   * has the tier and the move of {@code expected}. Moves compare by source, target, phase and start
   * time, not by heartbeat. Returns whether it was set.
   */
  boolean updatePlacement(Organization expected, Organization next);

  /**
   * Returns at most {@code limit} organizations that a process may have left unfinished: those not
   * active, those with a move, and those whose storage is not under their name.
   */
  List<Organization> findUnsettled(int limit);

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

  /** Returns the number of active organizations in the tier. */
  long countActive(TenantTier tier);
}
