package io.croupier.adapter.in.cli;

import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;

/** Builds the {@code croupier} command line with every command, handler and help footer. */
public final class CroupierCommandLine {

  private CroupierCommandLine() {}

  /**
   * Returns the command line. The extra commands, such as {@code serve}, come first in the help;
   * they get the same exit codes, failure handling and {@code --verbose} option as the others.
   */
  public static CommandLine create(CliContext context, Object... extraCommands) {
    CommandLine root = new CommandLine(new RootCommand());
    for (Object extra : extraCommands) {
      root.addSubcommand(extra);
    }
    root.addSubcommand(organizationCommands(context));
    root.addSubcommand(adminCommands(context));
    root.addSubcommand(new AuditCommand(context));
    CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
    completion
        .getCommandSpec()
        .usageMessage()
        .hidden(false)
        .description(
            "Print a bash and zsh completion script for croupier.",
            "Load it with: source <(croupier generate-completion)");
    root.addSubcommand("generate-completion", completion);
    root.addSubcommand(new CommandLine.HelpCommand());

    FailureHandler failures = new FailureHandler();
    root.setCaseInsensitiveEnumValuesAllowed(true);
    root.setExitCodeExceptionMapper(new ExitCodes());
    root.setExecutionExceptionHandler(failures);
    root.setParameterExceptionHandler(failures);
    describeEverywhere(root, "croupier " + context.version(), ExitCodes.descriptions());
    return root;
  }

  private static CommandLine organizationCommands(CliContext context) {
    CommandLine organizations = new CommandLine(new CommandGroup.Organizations());
    organizations.addSubcommand(new OrgCreateCommand(context));
    organizations.addSubcommand(new OrgGetCommand(context));
    organizations.addSubcommand(new OrgListCommand(context));
    organizations.addSubcommand(new OrgRenameCommand(context));
    organizations.addSubcommand(new OrgSetEmailCommand(context));
    organizations.addSubcommand(new OrgSetPasswordCommand(context));
    organizations.addSubcommand(new OrgDeleteCommand(context));
    organizations.addSubcommand(new OrgExportCommand(context));
    organizations.addSubcommand(new OrgImportCommand(context));
    organizations.addSubcommand(new OrgMoveCommand(context));
    return organizations;
  }

  private static CommandLine adminCommands(CliContext context) {
    CommandLine admins = new CommandLine(new CommandGroup.Admins());
    admins.addSubcommand(new AdminLoginCommand(context));
    admins.addSubcommand(new AdminUnlockCommand(context));
    return admins;
  }

  /** Sets the version and the exit-code footer on the command and all its subcommands. */
  private static void describeEverywhere(
      CommandLine command, String version, Map<String, String> exitCodes) {
    command.getCommandSpec().version(version);
    command
        .getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(exitCodes);
    for (CommandLine subcommand : command.getSubcommands().values()) {
      describeEverywhere(subcommand, version, exitCodes);
    }
  }
}
