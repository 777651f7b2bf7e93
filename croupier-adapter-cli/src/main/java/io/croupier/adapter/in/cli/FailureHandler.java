package io.croupier.adapter.in.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a failed command on standard error as one sentence and returns its exit code. The stack
 * trace follows only with {@code --verbose}.
 */
final class FailureHandler
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

  static final String VERBOSE = "--verbose";

  @Override
  public int handleExecutionException(
      Exception failure, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    int exitCode = commandLine.getExitCodeExceptionMapper().getExitCode(failure);
    err.println(sentence(failure, exitCode));
    if (isVerbose(parseResult)) {
      failure.printStackTrace(err);
    }
    err.flush();
    return exitCode;
  }

  @Override
  public int handleParseException(ParameterException failure, String[] args) {
    CommandLine commandLine = failure.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println(
        withPeriod(describe(failure))
            + " Run '"
            + commandLine.getCommandSpec().qualifiedName()
            + " --help' for usage.");
    err.flush();
    return ExitCodes.INVALID_INPUT;
  }

  /**
   * Returns the parse failure's message. For unknown options it names the options only, never the
   * values after them, because a user who types {@code --password Secret} must not see the secret
   * echoed into a log or a screen recording.
   */
  private static String describe(ParameterException failure) {
    if (!(failure instanceof UnmatchedArgumentException unmatched)) {
      return failure.getMessage();
    }
    List<String> options = new ArrayList<>();
    for (String argument : unmatched.getUnmatched()) {
      if (argument.startsWith("-")) {
        int equals = argument.indexOf('=');
        options.add("'" + (equals < 0 ? argument : argument.substring(0, equals)) + "'");
      }
    }
    if (options.isEmpty()) {
      return failure.getMessage();
    }
    return (options.size() == 1 ? "Unknown option: " : "Unknown options: ")
        + String.join(", ", options);
  }

  private static String sentence(Exception failure, int exitCode) {
    String message = failure.getMessage();
    if (exitCode == ExitCodes.SOFTWARE || message == null || message.isBlank()) {
      return "Croupier failed unexpectedly ("
          + failure.getClass().getSimpleName()
          + (message == null ? "" : ": " + message)
          + "); run the command again with --verbose for details.";
    }
    return withPeriod(message);
  }

  private static String withPeriod(String message) {
    String trimmed = message.strip();
    return trimmed.endsWith(".") ? trimmed : trimmed + ".";
  }

  private static boolean isVerbose(ParseResult parseResult) {
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption(VERBOSE)) {
        return true;
      }
    }
    return false;
  }
}
