package io.croupier.adapter.in.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --output} option and printing in the chosen format. */
final class OutputOptions {

  /** Formats of what a command prints on standard output. */
  enum Format {
    TEXT,
    JSON
  }

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "Output format: text (readable) or json (one JSON document with snake_case fields, for"
              + " scripts). Default: ${DEFAULT-VALUE}.")
  private Format format = Format.TEXT;

  boolean isJson() {
    return format == Format.JSON;
  }

  /** Prints the fields as one JSON document, or one field per line. */
  void printFields(PrintWriter out, Map<String, Object> fields) {
    if (isJson()) {
      out.println(Json.write(fields));
    } else {
      TextTable.printFields(out, fields);
    }
    out.flush();
  }
}
