package io.croupier.application.port.in;

/**
 * Finishes or undoes the work that a process left half-done when it died: organizations still
 * pending or deleting, renames whose storage did not move, and moves between tiers.
 */
public interface RecoverOrganizationsUseCase {

  /** Settles every organization whose unfinished work is older than the configured delay. */
  RecoveryReport recover();
}
