package io.croupier.application.port.in;

import java.time.Duration;

/**
 * Finishes or undoes the work that a process left half-done when it died: organizations still
 * pending or deleting, renames whose storage did not move, and moves between tiers.
 */
public interface RecoverOrganizationsUseCase {

  /**
   * Settles every organization whose unfinished work is older than {@code staleAfter}. Work that is
   * younger may belong to a live process and is left alone; zero settles everything, which is right
   * only when no other process uses the store. An organization whose settling fails is reported in
   * {@link RecoveryReport#failures()} and does not keep the others from being settled.
   *
   * @throws io.croupier.application.port.out.StoreUnavailable if the unfinished work cannot be read
   */
  RecoveryReport recover(Duration staleAfter);
}
