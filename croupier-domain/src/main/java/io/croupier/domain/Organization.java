package io.croupier.domain;

import java.time.Instant;
import java.util.Objects;

/** Tenant metadata: the organization's id, name, admin and lifecycle state. */
public record Organization(
    String id,
    OrganizationName name,
    String adminId,
    OrganizationState state,
    Instant createdAt,
    Instant updatedAt) {

  public Organization {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(adminId, "adminId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public boolean isActive() {
    return state == OrganizationState.ACTIVE;
  }

  public Organization withName(OrganizationName newName, Instant now) {
    return new Organization(id, newName, adminId, state, createdAt, now);
  }

  public Organization withState(OrganizationState newState, Instant now) {
    return new Organization(id, name, adminId, newState, createdAt, now);
  }

  public Organization touchedAt(Instant now) {
    return new Organization(id, name, adminId, state, createdAt, now);
  }
}
