package io.croupier.application.port.in;

/** Receives the progress of a move; called from the thread that runs it. */
public interface MoveProgress {

  /** Does nothing with the progress. */
  MoveProgress NONE = (phase, copied, total) -> {};

  /**
   * Reports that {@code copied} documents of about {@code total} are in the target tier. {@code
   * phase} is a short lower-case word such as {@code copying} or {@code verifying}.
   */
  void report(String phase, long copied, long total);
}
