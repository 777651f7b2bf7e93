package io.croupier.application.service;

/**
 * Runs compensating steps after a failure. A step that fails in turn is attached to the original
 * failure as suppressed, and the remaining steps still run.
 */
final class Undo {

  private final RuntimeException failure;

  Undo(RuntimeException failure) {
    this.failure = failure;
  }

  void run(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException undoFailure) {
      failure.addSuppressed(undoFailure);
    }
  }
}
