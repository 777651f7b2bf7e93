package io.croupier.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Tenant metadata: the organization's id, name, admin, lifecycle state and where its data lives.
 *
 * <p>{@code storageName} is the name the tenant storage is kept under. It equals {@code name}
 * except while a rename moves the storage, so a process that dies in a rename leaves a record of
 * where the data is. {@code move} is present while the data moves to another tier.
 */
public record Organization(
    String id,
    OrganizationName name,
    String adminId,
    OrganizationState state,
    Instant createdAt,
    Instant updatedAt,
    TenantTier tier,
    OrganizationName storageName,
    Optional<TenantMove> move) {

  public Organization {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(adminId, "adminId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(storageName, "storageName");
    Objects.requireNonNull(move, "move");
  }

  /** Creates an organization in the collection tier whose storage is kept under its name. */
  public Organization(
      String id,
      OrganizationName name,
      String adminId,
      OrganizationState state,
      Instant createdAt,
      Instant updatedAt) {
    this(
        id,
        name,
        adminId,
        state,
        createdAt,
        updatedAt,
        TenantTier.COLLECTION,
        name,
        Optional.empty());
  }

  public boolean isActive() {
    return state == OrganizationState.ACTIVE;
  }

  /** Returns whether a rename has claimed the new name but the storage is still under the old. */
  public boolean isRenaming() {
    return !storageName.equals(name);
  }

  /** Returns the organization renamed in its metadata; its storage stays where it is. */
  public Organization withName(OrganizationName newName, Instant now) {
    return new Organization(id, newName, adminId, state, createdAt, now, tier, storageName, move);
  }

  /** Returns the organization with its storage recorded under its current name. */
  public Organization withStorageUnderName(Instant now) {
    return new Organization(id, name, adminId, state, createdAt, now, tier, name, move);
  }

  public Organization withState(OrganizationState newState, Instant now) {
    return new Organization(id, name, adminId, newState, createdAt, now, tier, storageName, move);
  }

  public Organization withTier(TenantTier newTier, Instant now) {
    return new Organization(id, name, adminId, state, createdAt, now, newTier, storageName, move);
  }

  public Organization withMove(Optional<TenantMove> newMove, Instant now) {
    return new Organization(id, name, adminId, state, createdAt, now, tier, storageName, newMove);
  }

  public Organization touchedAt(Instant now) {
    return new Organization(id, name, adminId, state, createdAt, now, tier, storageName, move);
  }
}
