package io.croupier.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.adapter.in.cli.Cli.Result;
import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.port.out.StoreUnavailable;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.MovePhase;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantTier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrgImportCommandTest {

  private static final Instant CREATED = Instant.parse("2025-06-01T12:00:00Z");

  @TempDir Path folder;

  private FakeOperations store;
  private Cli cli;

  @BeforeEach
  void createOrganization() {
    store = new FakeOperations();
    cli = new Cli(folder.resolve("data"), store.factory());
    assertThat(cli.create("acme", "admin@acme.example").exitCode()).isZero();
  }

  private static TenantDocument document(String id, int value) {
    return new TenantDocument(
        id,
        CREATED.plusSeconds(value),
        CREATED.plusSeconds(value),
        DocumentBody.of(Map.of("v", value)));
  }

  private static List<String> lines(int count) {
    List<String> lines = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      lines.add(DocumentLines.format(document("imported-" + index, index)));
    }
    return lines;
  }

  private Path file(List<String> lines) throws IOException {
    Path file = folder.resolve("import.jsonl");
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private Result importFile(Path file) {
    return cli.run("org", "import", "acme", file.toString());
  }

  private static long temporaryCopies() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().startsWith("croupier-import-")).count();
    }
  }

  @Test
  void importsEveryLine() throws IOException {
    // given
    Path file = file(lines(3));

    // when
    Result result = importFile(file);

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .isEqualTo("Imported 3 documents into organization 'acme': 3 created, 0 replaced.\n");
    assertThat(store.documents("acme"))
        .containsExactly(
            document("imported-0", 0), document("imported-1", 1), document("imported-2", 2));
  }

  @Test
  void importingAgainReplacesSameIds() throws IOException {
    // given
    store.addDocuments("acme", 1);
    Path file = file(lines(2));
    importFile(file);

    // when
    Result result = importFile(file);

    // then
    assertThat(result.out())
        .isEqualTo("Imported 2 documents into organization 'acme': 0 created, 2 replaced.\n");
    assertThat(store.documents("acme")).hasSize(3);
  }

  @Test
  void importsExportedFileUnchanged() throws IOException {
    // given
    List<TenantDocument> exported = store.addDocuments("acme", 4);
    Path file = folder.resolve("export.jsonl");
    cli.run("org", "export", "acme", "--output-file", file.toString());
    cli.create("other", "admin@other.example");

    // when
    Result result = cli.run("org", "import", "other", file.toString());

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(store.documents("other")).isEqualTo(exported);
  }

  @Test
  void printsCountsAsJson() throws IOException {
    // when
    Result result = cli.run("org", "import", "acme", file(lines(1)).toString(), "--output", "json");

    // then
    assertThat(result.out())
        .isEqualTo(
            "{\n  \"organization_name\": \"acme\",\n  \"created\": 1,\n  \"replaced\": 0,\n"
                + "  \"total\": 1\n}\n");
  }

  @Test
  void readsStandardInputAndDeletesItsCopy() throws IOException {
    // given
    long copiesBefore = temporaryCopies();
    String input = String.join("\n", lines(2)) + "\n";

    // when
    Result result =
        cli.run(ScriptedTerminal.detached().withStandardInput(input), "org", "import", "acme", "-");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .isEqualTo("Imported 2 documents into organization 'acme': 2 created, 0 replaced.\n");
    assertThat(temporaryCopies()).isEqualTo(copiesBefore);
  }

  @Test
  void invalidStandardInputChangesNothing() throws IOException {
    // given
    long copiesBefore = temporaryCopies();
    String input = lines(1).get(0) + "\n{not json}\n";

    // when
    Result result =
        cli.run(ScriptedTerminal.detached().withStandardInput(input), "org", "import", "acme", "-");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .startsWith("Line 2 of standard input is invalid: it is not valid JSON");
    assertThat(store.documents("acme")).isEmpty();
    assertThat(temporaryCopies()).isEqualTo(copiesBefore);
  }

  @Test
  void invalidLastLineChangesNothing() throws IOException {
    // given
    List<TenantDocument> before = store.addDocuments("acme", 2);
    List<String> lines = new ArrayList<>(lines(1200));
    lines.add("{\"id\":\"late\"}");
    Path file = file(lines);

    // when
    Result result = importFile(file);

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo(
            "Line 1201 of file '"
                + file
                + "' is invalid: field 'created_at' is missing; each line needs id, created_at,"
                + " updated_at and document. Nothing was imported.\n");
    assertThat(store.documents("acme")).isEqualTo(before);
    assertThat(store.opened()).as("stores opened, by org create only").isEqualTo(1);
  }

  @Test
  void invalidFirstLineChangesNothing() throws IOException {
    // given
    List<String> lines = new ArrayList<>(lines(3));
    lines.set(0, "[]");

    // when
    Result result = importFile(file(lines));

    // then
    assertThat(result.err()).startsWith("Line 1 of file '");
    assertThat(store.documents("acme")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"id\":\"a\",|it is not valid JSON: ",
        "{\"id\":\"a b\",\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\",\"document\":{}}|id 'a b' is invalid.",
        "{\"id\":\"a\",\"created_at\":\"2026-01-01\",\"updated_at\":\"2026-01-01T00:00:00Z\",\"document\":{}}|created_at '2026-01-01' is not an ISO-8601 time",
        "{\"id\":\"a\",\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\",\"document\":{\"$where\":1}}|field 'document': Field name at '$where' starts with '$'",
        "{\"id\":\"a\",\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}|field 'document' is missing"
      })
  void reportsLineNumberOfEachKindOfError(String badLine, String reason) throws IOException {
    // given
    List<String> lines = new ArrayList<>(lines(4));
    lines.set(2, badLine);
    Path file = file(lines);

    // when
    Result result = importFile(file);

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("Line 3 of file '" + file + "' is invalid: " + reason);
    assertThat(store.documents("acme")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"n\":123456789012345678901234567890123456789}|2026-01-01T00:00:00Z|field 'document': Number at 'n' cannot be stored exactly",
        "{\"n\":\"x\\ud800\"}|2026-01-01T00:00:00Z|field 'document': Text at 'n' contains an unpaired UTF-16 surrogate",
        "{}|+10000-01-01T00:00:00Z|field 'updated_at': Time +10000-01-01T00:00:00Z is outside the range"
      })
  void lineThatStoreWouldRejectChangesNothing(String document, String updated, String reason)
      throws IOException {
    // given: valid lines before and after the one that the store would reject
    List<TenantDocument> before = store.addDocuments("acme", 2);
    List<String> lines = new ArrayList<>(lines(4));
    lines.set(
        2,
        "{\"id\":\"bad\",\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\""
            + updated
            + "\",\"document\":"
            + document
            + "}");
    Path file = file(lines);

    // when
    Result result = importFile(file);

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("Line 3 of file '" + file + "' is invalid: " + reason);
    assertThat(result.err()).endsWith(". Nothing was imported.\n");
    assertThat(store.documents("acme")).isEqualTo(before);
  }

  @Test
  void reportsLineOfDocumentOverSizeLimit() throws IOException {
    // given
    String text = "x".repeat(DocumentBody.MAX_BYTES);
    List<String> lines = new ArrayList<>(lines(2));
    lines.add(
        "{\"id\":\"big\",\"created_at\":\"2026-01-01T00:00:00Z\","
            + "\"updated_at\":\"2026-01-01T00:00:00Z\",\"document\":{\"t\":\""
            + text
            + "\"}}");

    // when
    Result result = importFile(file(lines));

    // then
    assertThat(result.err())
        .containsPattern(
            "^Line 3 of file '.*' is invalid: field 'document': Document takes 65544 bytes");
    assertThat(store.documents("acme")).isEmpty();
  }

  @Test
  void reportsLineOfDocumentTooDeep() throws IOException {
    // given
    String document =
        "{\"a\":".repeat(DocumentBody.MAX_DEPTH) + "{}" + "}".repeat(DocumentBody.MAX_DEPTH);
    List<String> lines = new ArrayList<>(lines(1));
    lines.add(
        "{\"id\":\"deep\",\"created_at\":\"2026-01-01T00:00:00Z\","
            + "\"updated_at\":\"2026-01-01T00:00:00Z\",\"document\":"
            + document
            + "}");

    // when
    Result result = importFile(file(lines));

    // then
    assertThat(result.err())
        .containsPattern("^Line 2 of file '.*' is invalid: document nests deeper");
  }

  @Test
  void rejectsRepeatedIdWithBothLines() throws IOException {
    // given
    List<String> lines = new ArrayList<>(lines(3));
    lines.add(lines.get(1));

    // when
    Result result = importFile(file(lines));

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .contains("Line 4 of file '")
        .contains("id 'imported-1' is also on line 2; ids must be unique");
    assertThat(store.documents("acme")).isEmpty();
  }

  @Test
  void blankLinesCountInLineNumbers() throws IOException {
    // given
    Path file = folder.resolve("blank.jsonl");
    Files.writeString(file, lines(1).get(0) + "\n\n   \n" + "{}\n");

    // when
    Result result = importFile(file);

    // then
    assertThat(result.err()).startsWith("Line 4 of file '");
  }

  @Test
  void acceptsWindowsLineBreaksAndBlankLines() throws IOException {
    // given
    Path file = folder.resolve("windows.jsonl");
    Files.writeString(file, String.join("\r\n", lines(2)) + "\r\n\r\n");

    // when
    Result result = importFile(file);

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(store.documents("acme")).hasSize(2);
  }

  @Test
  void reportsInvalidUtf8WithLineNumber() throws IOException {
    // given
    Path file = folder.resolve("latin1.jsonl");
    Files.write(
        file,
        (lines(1).get(0) + "\n" + "{\"id\":\"caf\u00e9\"}\n")
            .getBytes(StandardCharsets.ISO_8859_1));

    // when
    Result result = importFile(file);

    // then
    assertThat(result.err())
        .isEqualTo(
            "Line 2 of file '"
                + file
                + "' is invalid: it is not valid UTF-8; save the file as UTF-8. Nothing was"
                + " imported.\n");
  }

  @Test
  void emptyFileImportsNothing() throws IOException {
    // given
    Path file = folder.resolve("empty.jsonl");
    Files.writeString(file, "");

    // when
    Result result = importFile(file);

    // then
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo("Imported 0 documents into organization 'acme': 0 created, 0 replaced.\n");
  }

  @Test
  void emptyFileForMissingOrganizationIsNotFound() throws IOException {
    // given
    Path file = folder.resolve("empty.jsonl");
    Files.writeString(file, "");

    // when
    Result result = cli.run("org", "import", "ghost", file.toString());

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(result.err()).isEqualTo("Organization 'ghost' not found.\n");
  }

  @Test
  void rejectsMissingFile() {
    // given
    Path file = folder.resolve("missing.jsonl");

    // when
    Result result = importFile(file);

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).isEqualTo("The file '" + file + "' does not exist.\n");
  }

  @Test
  void rejectsFolderAsFile() {
    // when
    Result result = importFile(folder);

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).isEqualTo("The file '" + folder + "' is not a regular file.\n");
  }

  @Test
  void unavailableStoreIsReportedAsSuch() throws IOException {
    // given
    Path file = file(lines(2));
    store
        .ports
        .failures()
        .failOn(
            Operation.ORGANIZATION_FIND_BY_NAME,
            () -> new StoreUnavailable("The store did not answer within 5 seconds", null));

    // when
    Result result = importFile(file);

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
    assertThat(result.err()).isEqualTo("The store did not answer within 5 seconds.\n");
  }

  @Test
  void failureDuringImportSaysHowFarItGot() throws IOException {
    // given
    Path file = file(lines(5));
    // The first lookup checks that the organization exists; each document looks it up again.
    store.ports.failures().failOnCall(Operation.ORGANIZATION_FIND_BY_NAME, 4);

    // when
    Result result = importFile(file);

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
    assertThat(result.err())
        .isEqualTo(
            "The import stopped after writing at most 3 of 5 documents. Run it again to finish:"
                + " documents with the same id are replaced.\n"
                + "Simulated failure of ORGANIZATION_FIND_BY_NAME.\n");
    assertThat(store.documents("acme")).hasSize(2);
  }

  @Test
  void importDuringFinalSwitchOfMoveIsRefused() throws IOException {
    // given
    Path file = file(lines(2));
    store.startMove("acme", TenantTier.DATABASE, MovePhase.SWITCHING);

    // when
    Result result = importFile(file);

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.ORGANIZATION_MOVING);
    assertThat(result.err()).contains("is switching to another storage tier");
  }
}
