package io.croupier.adapter.in.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code croupier}: the root of every command. */
@Command(
    name = "croupier",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Multi-tenant organization management on MongoDB.",
      "Commands other than serve work on the store directly: the MongoDB named by --mongodb-uri"
          + " or CROUPIER_MONGODB_URI, else the embedded store in --data-dir or CROUPIER_DATA_DIR"
          + " (default ./croupier-data). While a Croupier server runs on that folder, they reach"
          + " its store through the address file it keeps there."
    })
final class RootCommand extends CommandGroup {

  @Option(
      names = FailureHandler.VERBOSE,
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of a failure after its message.")
  private boolean verbose;
}
