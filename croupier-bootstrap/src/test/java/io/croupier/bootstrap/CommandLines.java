package io.croupier.bootstrap;

import java.util.Map;
import picocli.CommandLine;

/** Gives tests in other packages the executable's command line. */
public final class CommandLines {

  private CommandLines() {}

  /** Returns the command line that {@code croupier} runs, reading settings from the map. */
  public static CommandLine of(Map<String, String> environment) {
    return Croupier.commandLine(environment);
  }
}
