package io.croupier.domain;

/**
 * The organization's data is in the final switch of a move between tiers, so writes are refused for
 * a few seconds; the client retries after {@link #RETRY_AFTER_SECONDS} seconds.
 */
public final class TenantSwitching extends DomainException {

  public static final long RETRY_AFTER_SECONDS = 2;

  public TenantSwitching(OrganizationName name) {
    super(
        "Organization '"
            + name
            + "' is switching to another storage tier; retry the write in "
            + RETRY_AFTER_SECONDS
            + " seconds");
  }
}
