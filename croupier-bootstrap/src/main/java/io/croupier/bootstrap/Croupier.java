package io.croupier.bootstrap;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code croupier} executable: {@code croupier serve} starts the HTTP server. */
@Command(
    name = "croupier",
    mixinStandardHelpOptions = true,
    versionProvider = Croupier.Version.class,
    description = "Multi-tenant organization management on MongoDB.",
    subcommands = {ServeCommand.class, CommandLine.HelpCommand.class})
public final class Croupier {

  /** Runs the command line and exits with its code, except while the server runs. */
  public static void main(String[] args) {
    int exitCode = new CommandLine(new Croupier()).execute(args);
    System.exit(exitCode);
  }

  /** Returns the version recorded in the jar's manifest, or "development" outside a jar. */
  public static String version() {
    String version = Croupier.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"croupier " + version()};
    }
  }
}
