package io.croupier.adapter.in.cli;

/** A line of an import file that breaks the JSON Lines format of the documents. */
final class InvalidLine extends RuntimeException {

  private final long lineNumber;

  InvalidLine(long lineNumber, String reason) {
    super(reason, null, false, false);
    this.lineNumber = lineNumber;
  }

  /** Returns the number of the line, counting the first line as 1. */
  long lineNumber() {
    return lineNumber;
  }

  /** Returns what is wrong with the line, without its number. */
  String reason() {
    return getMessage();
  }
}
