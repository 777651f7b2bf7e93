package io.croupier.domain;

/**
 * Lifecycle of an organization's master records. Only {@link #ACTIVE} organizations are visible;
 * the other states mark a create or delete in progress, so that a failed step can be undone or
 * finished and never shows a half-made organization.
 */
public enum OrganizationState {
  /** Metadata stored, admin or tenant storage not yet made. */
  PENDING,
  /** Complete and visible. */
  ACTIVE,
  /** Being removed; invisible, and its tenant storage may already be gone. */
  DELETING
}
