package io.croupier.application.port.in;

import java.util.List;
import java.util.Objects;

/**
 * Counts of what a recovery settled, and the failures of the organizations it could not settle,
 * which the next recovery tries again.
 */
public record RecoveryReport(
    int createsUndone,
    int deletesFinished,
    int renamesFinished,
    int movesRolledBack,
    int movesFinished,
    List<RuntimeException> failures) {

  public RecoveryReport {
    failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
  }

  /** Creates the report of a recovery in which nothing failed. */
  public RecoveryReport(
      int createsUndone,
      int deletesFinished,
      int renamesFinished,
      int movesRolledBack,
      int movesFinished) {
    this(
        createsUndone, deletesFinished, renamesFinished, movesRolledBack, movesFinished, List.of());
  }

  /** Returns whether the recovery changed anything. */
  public boolean changedAnything() {
    return createsUndone + deletesFinished + renamesFinished + movesRolledBack + movesFinished > 0;
  }
}
