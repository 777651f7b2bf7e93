package io.croupier.application.port.out;

import io.croupier.domain.OrganizationName;

/**
 * Storage of each organization's own data, isolated from every other organization's, in the tier
 * its placement names. Every tier behaves the same through this port.
 */
public interface TenantStorage {

  /** Returns where the organization's data lives, without touching the store. */
  TenantLocation locate(TenantPlacement placement);

  /**
   * Makes empty storage for the organization, with its indexes.
   *
   * @throws io.croupier.domain.OrganizationNameTaken if storage at the placement already exists
   */
  void create(TenantPlacement placement);

  /**
   * Keeps the organization's storage under a new name from now on, never over existing storage.
   * Tiers that find data by id move nothing.
   *
   * @throws io.croupier.domain.OrganizationNameTaken if storage with the new name exists
   */
  void rename(TenantPlacement placement, OrganizationName to);

  /** Removes the storage and all its data; does nothing if it is gone. */
  void drop(TenantPlacement placement);

  /**
   * Returns whether storage exists at the placement. In the shared tier, storage exists while the
   * organization has at least one document.
   */
  boolean exists(TenantPlacement placement);

  /** Returns the documents at the placement; it does not check that the storage exists. */
  TenantDocuments documents(TenantPlacement placement);
}
