package io.croupier.domain;

/**
 * Writes to the organization's documents are rejected for a few seconds, during the final switch of
 * a move between tiers or while a rename moves its collection to the new name. The client retries
 * after {@link #RETRY_AFTER_SECONDS} seconds.
 */
public final class TenantSwitching extends DomainException {

  public static final long RETRY_AFTER_SECONDS = 2;

  /** Creates the failure of a write during the final switch of a move between tiers. */
  public TenantSwitching(OrganizationName name) {
    this("Organization '" + name + "' is switching to another storage tier");
  }

  private TenantSwitching(String reason) {
    super(reason + "; retry the write in " + RETRY_AFTER_SECONDS + " seconds");
  }

  /** Creates the failure of a write while a rename moves the organization's collection. */
  public static TenantSwitching renaming(OrganizationName name) {
    return new TenantSwitching("Organization '" + name + "' is being renamed");
  }
}
