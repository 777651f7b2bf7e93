package io.croupier.adapter.in.cli;

import io.croupier.application.port.in.ImportResult;
import io.croupier.domain.OrganizationName;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code croupier org import}: stores the documents of a JSON Lines file in an organization. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import documents into an organization from a JSON Lines file in the format that 'org"
          + " export' writes. Each document keeps its id and times, and replaces a document"
          + " with the same id, so an import can be run again.",
      "Every line is checked before the first document is written, so a file with an invalid"
          + " line changes nothing; the error names the line. Blank lines are skipped, and each"
          + " id may appear once. Standard input is first copied to a temporary file."
    })
final class OrgImportCommand extends OperatorCommand {

  static final String STANDARD_INPUT = "-";

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "Organization name, in any letter case.")
  private String name;

  @Parameters(
      index = "1",
      paramLabel = "FILE",
      description = "JSON Lines file in UTF-8, or - for standard input.")
  private String file;

  @Mixin private OutputOptions output;

  private OrganizationName organizationName;
  private ImportFile source;
  private long documents;

  OrgImportCommand(CliContext context) {
    super(context);
  }

  @Override
  void prepare() {
    organizationName = OrganizationName.of(name);
    source =
        STANDARD_INPUT.equals(file)
            ? ImportFile.copyOf(context.terminal().standardInput(), "standard input")
            : ImportFile.of(Path.of(file));
    try {
      documents = source.validate();
    } catch (InvalidLine invalid) {
      throw new CliFailure(
          ExitCodes.INVALID_INPUT,
          "Line "
              + invalid.lineNumber()
              + " of "
              + source.description()
              + " is invalid: "
              + invalid.reason()
              + ". Nothing was imported");
    }
  }

  @Override
  void run(Operations operations) {
    ImportResult result;
    try (ImportFile.Lines lines = source.documents()) {
      try {
        result = operations.transferDocuments().importDocuments(organizationName, lines);
      } catch (RuntimeException failure) {
        reportStop(lines.handedOut());
        throw changedFile(failure);
      }
    }
    print(result);
  }

  @Override
  void release() {
    if (source != null) {
      source.close();
    }
  }

  private void reportStop(long handedOut) {
    if (handedOut == 0) {
      return;
    }
    PrintWriter err = err();
    err.println(
        "The import stopped after writing at most "
            + handedOut
            + " of "
            + documents
            + " documents. Run it again to finish: documents with the same id are replaced.");
    err.flush();
  }

  /**
   * Returns the failure, explained if it is a line that passed validation and fails now.
   *
   * <p>NOTE: a file named by the user is read twice; one changed between the reads fails here after
   * the documents before the changed line were imported.
   */
  private RuntimeException changedFile(RuntimeException failure) {
    if (!(failure instanceof InvalidLine invalid)) {
      return failure;
    }
    return new CliFailure(
        ExitCodes.INVALID_INPUT,
        "Line "
            + invalid.lineNumber()
            + " of "
            + source.description()
            + " changed during the import and is now invalid: "
            + invalid.reason());
  }

  private void print(ImportResult result) {
    if (output.isJson()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("organization_name", organizationName.value());
      fields.put("created", result.created());
      fields.put("replaced", result.replaced());
      fields.put("total", result.total());
      output.printFields(out(), fields);
      return;
    }
    PrintWriter out = out();
    out.println(
        "Imported "
            + result.total()
            + (result.total() == 1 ? " document" : " documents")
            + " into organization '"
            + organizationName
            + "': "
            + result.created()
            + " created, "
            + result.replaced()
            + " replaced.");
    out.flush();
  }
}
