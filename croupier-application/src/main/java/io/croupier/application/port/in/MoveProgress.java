package io.croupier.application.port.in;

/** Receives the progress of a move; called from the thread that runs it. */
public interface MoveProgress {

  /** Does nothing with the progress. */
  MoveProgress NONE = (phase, copied, total) -> {};

  /**
   * Reports that {@code copied} documents of about {@code total} are in the target tier. {@code
   * phase} is one of {@code copying}, {@code comparing} (both copies are compared in full while
   * writes go on), {@code verifying} (writes are refused), {@code cleaning} (the new tier serves
   * the organization and the old copy is being dropped) and {@code done}.
   */
  void report(String phase, long copied, long total);
}
