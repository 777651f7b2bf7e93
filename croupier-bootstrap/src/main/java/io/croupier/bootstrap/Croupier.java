package io.croupier.bootstrap;

import io.croupier.adapter.in.cli.CliContext;
import io.croupier.adapter.in.cli.CroupierCommandLine;
import io.croupier.adapter.in.cli.SystemTerminal;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code croupier} executable: {@code croupier serve} starts the HTTP server, and the other
 * commands administer organizations on the store directly.
 */
public final class Croupier {

  /** System property that sets the root log level in logback.xml. */
  static final String LOG_LEVEL_PROPERTY = "croupier.log.level";

  /** System property that sets the log target in logback.xml, System.out or System.err. */
  static final String LOG_TARGET_PROPERTY = "croupier.log.target";

  private Croupier() {}

  /** Runs the command line and exits with its code, except while the server runs. */
  public static void main(String[] args) {
    configureLogging(args);
    int exitCode = commandLine(System.getenv()).execute(args);
    System.exit(exitCode);
  }

  /** Returns the command line with every command, reading settings from the environment. */
  static CommandLine commandLine(Map<String, String> environment) {
    CliContext context =
        new CliContext(
            selection ->
                CommandLineOperations.open(
                    selection, CroupierSettings.fromEnvironment(environment)),
            environment,
            new SystemTerminal(),
            version());
    return CroupierCommandLine.create(context, new ServeCommand());
  }

  /**
   * Keeps the server's INFO log on standard output, and sends the log of every other command to
   * standard error at WARN, or INFO with {@code --verbose}, so that it never mixes with the
   * command's output. Runs before the first logger is created.
   */
  private static void configureLogging(String[] args) {
    boolean serve =
        Arrays.stream(args)
            .filter(arg -> !arg.startsWith("-"))
            .findFirst()
            .map("serve"::equals)
            .orElse(false);
    if (serve) {
      return;
    }
    boolean verbose = Arrays.asList(args).contains("--verbose");
    System.setProperty(LOG_TARGET_PROPERTY, "System.err");
    System.setProperty(LOG_LEVEL_PROPERTY, verbose ? "INFO" : "WARN");
  }

  /** Returns the version recorded in the jar's manifest, or "development" outside a jar. */
  public static String version() {
    String version = Croupier.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
