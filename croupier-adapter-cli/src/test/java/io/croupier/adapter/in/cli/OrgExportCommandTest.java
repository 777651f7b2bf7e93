package io.croupier.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.croupier.adapter.in.cli.Cli.Result;
import io.croupier.application.port.out.StoreUnavailable;
import io.croupier.domain.TenantDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class OrgExportCommandTest {

  private static final Path FULL_DEVICE = Path.of("/dev/full");

  private static final String STANDARD_OUTPUT_FAILED =
      "Writing the export to standard output failed, so what it received is incomplete; free"
          + " space on the disk it goes to or check the program that reads it, then export"
          + " again.\n";

  @TempDir Path folder;

  private FakeOperations store;
  private Cli cli;

  @BeforeEach
  void createOrganization() {
    store = new FakeOperations();
    cli = new Cli(folder.resolve("data"), store.factory());
    assertThat(cli.create("acme", "admin@acme.example").exitCode()).isZero();
  }

  private static String linesOf(List<TenantDocument> documents) {
    StringBuilder lines = new StringBuilder();
    documents.forEach(document -> lines.append(DocumentLines.format(document)).append('\n'));
    return lines.toString();
  }

  private List<Path> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void printsOneLinePerDocumentOnStandardOutput() {
    // given
    List<TenantDocument> documents = store.addDocuments("acme", 3);

    // when
    Result result = cli.run("org", "export", "ACME");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo(linesOf(documents));
    assertThat(result.out())
        .startsWith(
            "{\"id\":\"doc-0\",\"created_at\":\"2026-01-01T00:00:00Z\","
                + "\"updated_at\":\"2026-01-01T00:00:00.250Z\",\"document\":{");
    assertThat(result.err()).isEqualTo("Exported 3 documents of organization 'acme'.\n");
  }

  @Test
  void exportsMoreThanOneBatchInCreationOrder() {
    // given
    List<TenantDocument> documents = store.addDocuments("acme", 1201);

    // when
    Result result = cli.run("org", "export", "acme");

    // then
    assertThat(result.out()).isEqualTo(linesOf(documents));
    assertThat(result.err()).isEqualTo("Exported 1201 documents of organization 'acme'.\n");
  }

  @Test
  void exportsEmptyOrganizationAsNoLines() {
    // when
    Result result = cli.run("org", "export", "acme");

    // then
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("Exported 0 documents of organization 'acme'.\n");
  }

  @Test
  void countsSingleDocumentInSingular() {
    // given
    store.addDocuments("acme", 1);

    // when
    Result result = cli.run("org", "export", "acme");

    // then
    assertThat(result.err()).isEqualTo("Exported 1 document of organization 'acme'.\n");
  }

  @Test
  void writesOutputFile() throws IOException {
    // given
    List<TenantDocument> documents = store.addDocuments("acme", 2);
    Path file = folder.resolve("acme.jsonl");

    // when
    Result result = cli.run("org", "export", "acme", "--output-file", file.toString());

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(linesOf(documents));
    assertThat(result.err())
        .isEqualTo("Exported 2 documents of organization 'acme' to " + file + ".\n");
    assertThat(filesIn(folder)).containsExactly(file);
  }

  @Test
  void rejectsExistingOutputFileWithoutForce() throws IOException {
    // given
    store.addDocuments("acme", 2);
    Path file = folder.resolve("acme.jsonl");
    Files.writeString(file, "keep me\n");

    // when
    Result result = cli.run("org", "export", "acme", "--output-file", file.toString());

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo("The output file '" + file + "' already exists; pass --force to replace it.\n");
    assertThat(Files.readString(file)).isEqualTo("keep me\n");
    assertThat(store.opened()).as("stores opened, by org create only").isEqualTo(1);
  }

  @Test
  void replacesExistingOutputFileWithForce() throws IOException {
    // given
    List<TenantDocument> documents = store.addDocuments("acme", 2);
    Path file = folder.resolve("acme.jsonl");
    Files.writeString(file, "old export\n");

    // when
    Result result = cli.run("org", "export", "acme", "--output-file", file.toString(), "--force");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(Files.readString(file)).isEqualTo(linesOf(documents));
  }

  @Test
  void rejectsForceWithoutOutputFile() {
    // when
    Result result = cli.run("org", "export", "acme", "--force");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo("--force replaces an existing output file, so it needs --output-file FILE.\n");
  }

  @Test
  void rejectsOutputFileInMissingFolder() {
    // given
    Path file = folder.resolve("missing").resolve("acme.jsonl");

    // when
    Result result = cli.run("org", "export", "acme", "--output-file", file.toString());

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo(
            "The folder '"
                + folder.resolve("missing")
                + "' of the output file does not exist; create it first.\n");
  }

  @Test
  void rejectsOutputFileThatIsFolder() {
    // when
    Result result = cli.run("org", "export", "acme", "--output-file", folder.toString(), "--force");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo("The output file '" + folder + "' is a folder; name a file.\n");
  }

  @Test
  void failedExportLeavesNoFile() throws IOException {
    // given
    store.addDocuments("acme", 5);
    store.failExportAfter(3, new StoreUnavailable("The store did not answer in time", null));
    Path file = folder.resolve("acme.jsonl");

    // when
    Result result = cli.run("org", "export", "acme", "--output-file", file.toString());

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
    assertThat(filesIn(folder)).isEmpty();
  }

  @Test
  void failedExportWithForceKeepsPreviousFile() throws IOException {
    // given
    store.addDocuments("acme", 5);
    store.failExportAfter(3, new StoreUnavailable("The store did not answer in time", null));
    Path file = folder.resolve("acme.jsonl");
    Files.writeString(file, "previous export\n");

    // when
    Result result = cli.run("org", "export", "acme", "--output-file", file.toString(), "--force");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
    assertThat(Files.readString(file)).isEqualTo("previous export\n");
    assertThat(filesIn(folder)).containsExactly(file);
  }

  @Test
  void exportOfMissingOrganizationCreatesNoFile() throws IOException {
    // given
    Path file = folder.resolve("ghost.jsonl");

    // when
    Result result = cli.run("org", "export", "ghost", "--output-file", file.toString());

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(result.err()).isEqualTo("Organization 'ghost' not found.\n");
    assertThat(filesIn(folder)).isEmpty();
  }

  @Test
  void rejectsInvalidOrganizationNameBeforeOpeningStore() {
    // when
    Result result = cli.run("org", "export", "a");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(store.opened()).isEqualTo(1);
  }

  @Test
  void reportsFailedWriteToStandardOutput() {
    // given
    store.addDocuments("acme", 2);
    CommandLine commandLine =
        CroupierCommandLine.create(
            new CliContext(store.factory(), Map.of(), ScriptedTerminal.detached(), "test"));
    commandLine.setOut(new PrintWriter(new BrokenWriter()));
    StringWriter err = new StringWriter();
    commandLine.setErr(new PrintWriter(err, true));

    // when
    int exitCode = commandLine.execute("org", "export", "acme", "--data-dir", folder.toString());

    // then
    assertThat(exitCode).isEqualTo(ExitCodes.FILE_FAILED);
    assertThat(err.toString()).isEqualTo(STANDARD_OUTPUT_FAILED);
  }

  @Test
  void exportToFullDeviceFails() {
    // given
    assumeTrue(Files.exists(FULL_DEVICE), "needs " + FULL_DEVICE);
    store.addDocuments("acme", 2);

    // when
    Result result = cli.run("org", "export", "acme", "--output-file", FULL_DEVICE.toString());

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.FILE_FAILED);
    assertThat(result.err())
        .isEqualTo(
            "Writing the export to '/dev/full' failed (No space left on device), so what it"
                + " received is incomplete; free space on its disk or name another file, then"
                + " export again.\n");
  }

  @Test
  void exportKeepsLinkToDevice() throws IOException {
    // given: a link to a device, which a move of a temporary file would replace
    assumeTrue(Files.exists(FULL_DEVICE), "needs " + FULL_DEVICE);
    store.addDocuments("acme", 2);
    Path link = Files.createSymbolicLink(folder.resolve("full"), FULL_DEVICE);

    // when
    Result result = cli.run("org", "export", "acme", "--output-file", link.toString(), "--force");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.FILE_FAILED);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(filesIn(folder)).isEmpty();
  }

  @Test
  void exportWritesDeviceWithoutForce() throws IOException {
    // given: /dev/null exists, but is a device that takes any output, not a file to replace
    Path sink = Path.of("/dev/null");
    assumeTrue(Files.exists(sink), "needs " + sink);
    store.addDocuments("acme", 2);

    // when
    Result result = cli.run("org", "export", "acme", "--output-file", sink.toString());

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.err())
        .isEqualTo("Exported 2 documents of organization 'acme' to /dev/null.\n");
  }

  /** A writer whose every write fails, like a pipe whose reader has exited. */
  private static final class BrokenWriter extends Writer {

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
      throw new IOException("Broken pipe");
    }

    @Override
    public void flush() throws IOException {
      throw new IOException("Broken pipe");
    }

    @Override
    public void close() {}
  }
}
