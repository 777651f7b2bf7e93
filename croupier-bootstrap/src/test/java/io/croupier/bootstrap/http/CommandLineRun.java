package io.croupier.bootstrap.http;

import io.croupier.bootstrap.CommandLines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Exit code and output of one {@code croupier} command run in this JVM. */
record CommandLineRun(int exitCode, String out, String err) {

  /**
   * Runs the executable's command line with the environment, as {@code java -jar croupier.jar}
   * would, capturing standard output and standard error.
   */
  static CommandLineRun run(Map<String, String> environment, String... args) {
    CommandLine commandLine = CommandLines.of(environment);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CommandLineRun(exitCode, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
  }
}
