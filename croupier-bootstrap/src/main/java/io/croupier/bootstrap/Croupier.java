package io.croupier.bootstrap;

import io.croupier.adapter.in.cli.CliContext;
import io.croupier.adapter.in.cli.CroupierCommandLine;
import io.croupier.adapter.in.cli.SystemTerminal;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;
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

  /** System property that names the log format file that logback.xml includes, text or json. */
  static final String LOG_FORMAT_PROPERTY = "croupier.log.format";

  /** Environment variable that selects the log format, text (the default) or json. */
  static final String LOG_FORMAT_VARIABLE = "CROUPIER_LOG_FORMAT";

  private Croupier() {}

  /** Runs the command line and exits with its code, except while the server runs. */
  public static void main(String[] args) {
    configureLogging(args);
    Optional<String> invalidFormat = configureLogFormat(System.getenv());
    invalidFormat.ifPresent(
        format ->
            LoggerFactory.getLogger(Croupier.class)
                .warn(
                    "{} '{}' is invalid, so the log is text; set it to text or json",
                    LOG_FORMAT_VARIABLE,
                    format));
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
    CommandLine commandLine = CroupierCommandLine.create(context, new ServeCommand());
    commandLine.setOut(standardOutput());
    return commandLine;
  }

  /**
   * Returns a writer to the process's standard output whose {@link PrintWriter#checkError} reports
   * a failed write, such as on a full disk. Picocli's default writer wraps {@link System#out},
   * which catches the IOException and only sets its own error flag, so the writer never learns of
   * the failure.
   */
  private static PrintWriter standardOutput() {
    Charset charset =
        Charset.forName(
            System.getProperty(
                "stdout.encoding",
                System.getProperty("sun.stdout.encoding", Charset.defaultCharset().name())));
    Writer encoder = new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), charset);
    return new PrintWriter(new BufferedWriter(encoder), true);
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

  /**
   * Selects the log format from {@code CROUPIER_LOG_FORMAT}, in any letter case, before the first
   * logger is created. Returns the value if it is neither text nor json, which leaves text logs.
   */
  static Optional<String> configureLogFormat(Map<String, String> environment) {
    String raw = environment.get(LOG_FORMAT_VARIABLE);
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String format = raw.strip().toLowerCase(Locale.ROOT);
    if (!format.equals("text") && !format.equals("json")) {
      return Optional.of(raw);
    }
    System.setProperty(LOG_FORMAT_PROPERTY, format);
    return Optional.empty();
  }

  /** Returns the version recorded in the jar's manifest, or "development" outside a jar. */
  public static String version() {
    String version = Croupier.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
