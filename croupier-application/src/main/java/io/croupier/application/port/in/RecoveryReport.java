package io.croupier.application.port.in;

import io.croupier.domain.OrganizationName;
import java.util.List;
import java.util.Objects;

/**
 * The organizations that a recovery settled, and those it failed to settle, which the next recovery
 * tries again. Each entry names the organization and what the recovery did or tried.
 */
public record RecoveryReport(List<Settled> settled, List<Failure> failures) {

  public RecoveryReport {
    settled = List.copyOf(Objects.requireNonNull(settled, "settled"));
    failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
  }

  /** Returns the number of organizations whose create was rolled back. */
  public int createsUndone() {
    return count(RecoveryAction.CREATE_ROLLED_BACK);
  }

  /** Returns the number of organizations whose delete was finished. */
  public int deletesFinished() {
    return count(RecoveryAction.DELETE_FINISHED);
  }

  /** Returns the number of organizations whose rename was finished. */
  public int renamesFinished() {
    return count(RecoveryAction.RENAME_FINISHED);
  }

  /** Returns the number of organizations whose move was rolled back. */
  public int movesRolledBack() {
    return count(RecoveryAction.MOVE_ROLLED_BACK);
  }

  /** Returns the number of organizations whose move was finished. */
  public int movesFinished() {
    return count(RecoveryAction.MOVE_FINISHED);
  }

  /** Returns whether the recovery changed anything. */
  public boolean changedAnything() {
    return !settled.isEmpty();
  }

  private int count(RecoveryAction action) {
    return (int) settled.stream().filter(entry -> entry.action() == action).count();
  }

  /** An organization that the recovery settled, and how. */
  public record Settled(String organizationId, OrganizationName name, RecoveryAction action) {

    public Settled {
      Objects.requireNonNull(organizationId, "organizationId");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(action, "action");
    }
  }

  /** An organization whose settling failed: what the recovery tried, and why it failed. */
  public record Failure(
      String organizationId, OrganizationName name, RecoveryAction action, RuntimeException cause) {

    public Failure {
      Objects.requireNonNull(organizationId, "organizationId");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(cause, "cause");
    }
  }
}
