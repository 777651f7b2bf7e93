package io.croupier.adapter.in.cli;

import java.io.InputStream;
import java.util.Optional;

/** The user's terminal, if one is attached, and the standard input. */
public interface Terminal {

  /** Returns whether a terminal is attached, so that the user can answer prompts. */
  boolean isAttached();

  /**
   * Shows the prompt and reads a line without echoing it, or returns empty if no terminal is
   * attached or the input ended.
   */
  Optional<char[]> readSecret(String prompt);

  /** Shows the prompt and reads a line, or returns empty if no terminal is attached. */
  Optional<String> readLine(String prompt);

  /** Returns the standard input of the process, for {@code --password-stdin}. */
  InputStream standardInput();
}
