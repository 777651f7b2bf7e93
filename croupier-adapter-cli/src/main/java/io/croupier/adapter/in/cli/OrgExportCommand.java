package io.croupier.adapter.in.cli;

import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantDocument;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code croupier org export}: writes an organization's documents as JSON Lines. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export an organization's documents as JSON Lines, oldest first: one JSON object per line"
          + " with id, created_at and updated_at (ISO-8601 times in UTC) and document. Characters"
          + " outside ASCII are written as \\u escapes. 'org import' reads the same format.",
      "The lines go to standard output, and the count to standard error. With --output-file they"
          + " go to a temporary file in the same folder, readable by its owner only, which"
          + " replaces FILE only once the export is complete, so a failed export leaves FILE as it"
          + " was. A FILE that is a device or named pipe, such as /dev/stdout, is written in place"
          + " without --force. On standard output or a device, a failed export leaves the lines"
          + " written so far; a failed write ends with exit code 9."
    })
final class OrgExportCommand extends OperatorCommand {

  @Parameters(paramLabel = "NAME", description = "Organization name, in any letter case.")
  private String name;

  @Option(
      names = "--output-file",
      paramLabel = "FILE",
      description = "Write the documents to FILE instead of standard output.")
  private Path outputFile;

  @Option(
      names = "--force",
      description = "Replace FILE if it exists; without it, an existing FILE is an error.")
  private boolean force;

  private OrganizationName organizationName;

  OrgExportCommand(CliContext context) {
    super(context);
  }

  @Override
  void prepare() {
    organizationName = OrganizationName.of(name);
    if (outputFile == null && force) {
      throw new CliFailure(
          ExitCodes.INVALID_INPUT,
          "--force replaces an existing output file, so it needs --output-file FILE");
    }
    if (outputFile != null) {
      ExportFile.check(outputFile, force);
    }
  }

  @Override
  void run(Operations operations) {
    long count = outputFile == null ? exportToOutput(operations) : exportToFile(operations);
    PrintWriter err = err();
    err.println(
        "Exported "
            + count
            + (count == 1 ? " document" : " documents")
            + " of organization '"
            + organizationName
            + "'"
            + (outputFile == null ? "" : " to " + outputFile)
            + ".");
    err.flush();
  }

  private long exportToFile(Operations operations) {
    try (ExportFile file = ExportFile.create(outputFile, force)) {
      long count;
      try {
        count = export(operations, file.writer());
      } catch (UncheckedIOException failure) {
        throw file.writeFailure(failure.getCause());
      }
      file.commit();
      return count;
    }
  }

  private long exportToOutput(Operations operations) {
    PrintWriter out = out();
    // The buffer spares the flush that the output's println would do after every line.
    BufferedWriter buffered = new BufferedWriter(out, 64 * 1024);
    long count = export(operations, buffered);
    try {
      buffered.flush();
    } catch (IOException impossible) {
      // A PrintWriter reports its errors through checkError, never by throwing.
      throw new UncheckedIOException(impossible);
    }
    // The executable's output writes to the file descriptor itself, not through System.out, which
    // catches write errors, so checkError reports a full disk or a closed pipe.
    if (out.checkError()) {
      throw new CliFailure(
          ExitCodes.FILE_FAILED,
          "Writing the export to standard output failed, so what it received is incomplete; free"
              + " space on the disk it goes to or check the program that reads it, then export"
              + " again");
    }
    return count;
  }

  private long export(Operations operations, Writer writer) {
    return operations
        .transferDocuments()
        .export(organizationName, document -> writeLine(writer, document));
  }

  private static void writeLine(Writer writer, TenantDocument document) {
    try {
      writer.write(DocumentLines.format(document));
      writer.write('\n');
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }
}
