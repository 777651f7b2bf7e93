package io.croupier.application.port.out;

import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantTier;
import java.util.Objects;

/**
 * Address of one organization's data: its id, the name its storage is kept under and its tier. The
 * shared tier finds the data by id, the collection tier by name, the database tier by id.
 */
public record TenantPlacement(
    String organizationId, OrganizationName storageName, TenantTier tier) {

  public TenantPlacement {
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(storageName, "storageName");
    Objects.requireNonNull(tier, "tier");
  }

  /** Returns where the organization's data lives now, as its metadata records. */
  public static TenantPlacement of(Organization organization) {
    return new TenantPlacement(organization.id(), organization.storageName(), organization.tier());
  }

  /**
   * Returns whether the tier finds the data by the storage name, so that storage of another
   * organization, or a leftover, can sit at this address; tiers that find it by id cannot.
   */
  public boolean addressedByName() {
    return tier == TenantTier.COLLECTION;
  }

  /** Returns the same organization's address in another tier. */
  public TenantPlacement inTier(TenantTier otherTier) {
    return new TenantPlacement(organizationId, storageName, otherTier);
  }

  /** Returns the same organization's address with its storage kept under another name. */
  public TenantPlacement named(OrganizationName otherName) {
    return new TenantPlacement(organizationId, otherName, tier);
  }
}
