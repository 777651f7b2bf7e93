package io.croupier.application.port.in;

/** Counts of what a recovery settled. */
public record RecoveryReport(
    int createsUndone,
    int deletesFinished,
    int renamesFinished,
    int movesRolledBack,
    int movesFinished) {

  /** Returns whether the recovery changed anything. */
  public boolean changedAnything() {
    return createsUndone + deletesFinished + renamesFinished + movesRolledBack + movesFinished > 0;
  }
}
