package io.croupier.application.port.out;

import io.croupier.domain.OrganizationName;

/** Storage of each organization's own data, isolated from every other organization's. */
public interface TenantStorage {

  /** Returns where the organization's data lives, without touching the store. */
  TenantLocation locate(OrganizationName name);

  /**
   * Makes empty storage for the organization, with its indexes.
   *
   * @throws io.croupier.domain.OrganizationNameTaken if storage with the name already exists
   */
  void create(OrganizationName name);

  /**
   * Moves the organization's storage and data to the new name, never over existing storage.
   *
   * @throws io.croupier.domain.OrganizationNameTaken if storage with the new name exists
   */
  void rename(OrganizationName from, OrganizationName to);

  /** Removes the storage and all its data; does nothing if it is gone. */
  void drop(OrganizationName name);

  /** Returns whether storage for the name exists. */
  boolean exists(OrganizationName name);
}
