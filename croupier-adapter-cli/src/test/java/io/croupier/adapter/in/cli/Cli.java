package io.croupier.adapter.in.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs {@code croupier} commands through {@link CommandLine#execute} on the embedded store in a
 * data folder, or on another store the test supplies, capturing standard output and standard error.
 */
final class Cli {

  static final String PASSWORD = "Sup3rSecret";

  private final Path dataDir;
  private final OperationsFactory operations;
  private final Map<String, String> environment = new HashMap<>();

  Cli(Path dataDir) {
    this(dataDir, LibraryOperations::open);
  }

  /** Runs the commands on the store that the factory opens, such as a {@link FakeOperations}. */
  Cli(Path dataDir, OperationsFactory operations) {
    this.dataDir = dataDir;
    this.operations = operations;
  }

  /** Sets an environment variable that later commands see. */
  Cli withEnvironment(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** Runs the command without a terminal, with {@code --data-dir} appended unless present. */
  Result run(String... args) {
    return run(ScriptedTerminal.detached(), args);
  }

  /** Runs the command with the terminal, with {@code --data-dir} appended unless present. */
  Result run(Terminal terminal, String... args) {
    return runExactly(terminal, withDataDir(args));
  }

  /** Runs the command with exactly the arguments given. */
  Result runExactly(Terminal terminal, String... args) {
    CliContext context = new CliContext(operations, environment, terminal, "9.9.9-test");
    CommandLine commandLine = CroupierCommandLine.create(context);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));

    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  private String[] withDataDir(String[] args) {
    boolean storeGiven = false;
    for (String arg : args) {
      storeGiven |= arg.startsWith("--data-dir") || arg.startsWith("--mongodb-uri");
    }
    boolean reachesStore =
        args.length > 1
            && (args[0].equals("org") || args[0].equals("admin") || args[0].equals("audit"));
    if (storeGiven || !reachesStore || helpRequested(args)) {
      return args;
    }
    String[] extended = Arrays.copyOf(args, args.length + 2);
    extended[args.length] = "--data-dir";
    extended[args.length + 1] = dataDir.toString();
    return extended;
  }

  private static boolean helpRequested(String[] args) {
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        return true;
      }
    }
    return false;
  }

  /** Creates an organization through the command line, with the password on standard input. */
  Result create(String name, String email) {
    return createWithOptions(name, email);
  }

  /**
   * Creates an organization in the tier, with the admin email {@code admin@<name>.example} and the
   * password on standard input.
   */
  Result createInTier(String name, String tier) {
    return createWithOptions(name, "admin@" + name + ".example", "--tier", tier);
  }

  private Result createWithOptions(String name, String email, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of("org", "create", "--name", name, "--email", email, "--password-stdin"));
    args.addAll(List.of(options));
    return run(
        ScriptedTerminal.detached().withStandardInput(PASSWORD + "\n"),
        args.toArray(String[]::new));
  }

  /** Exit code and captured output of one command. */
  record Result(int exitCode, String out, String err) {

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
  }
}
