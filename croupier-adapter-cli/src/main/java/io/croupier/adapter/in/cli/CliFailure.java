package io.croupier.adapter.in.cli;

/** A command failed for a reason of the command line itself, with the exit code to report. */
final class CliFailure extends RuntimeException {

  private final int exitCode;

  CliFailure(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
