package io.croupier.adapter.in.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands, such as {@code org}; run alone, it is a usage error. */
abstract class CommandGroup implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing command: choose one of " + String.join(", ", spec.subcommands().keySet()));
  }

  /** {@code croupier org}: the organization commands. */
  @Command(
      name = "org",
      mixinStandardHelpOptions = true,
      synopsisSubcommandLabel = "COMMAND",
      description =
          "Create, show, list, change and delete organizations; export, import and move their"
              + " documents.")
  static final class Organizations extends CommandGroup {}

  /** {@code croupier admin}: the admin commands. */
  @Command(
      name = "admin",
      mixinStandardHelpOptions = true,
      synopsisSubcommandLabel = "COMMAND",
      description = "Log an admin in, or clear an account's failed logins.")
  static final class Admins extends CommandGroup {}
}
