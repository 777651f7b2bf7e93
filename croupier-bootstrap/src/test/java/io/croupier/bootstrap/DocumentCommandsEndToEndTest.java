package io.croupier.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The document commands of the executable on the embedded store: an import, an export that returns
 * the same lines, and moves through every tier that keep them.
 */
class DocumentCommandsEndToEndTest {

  private static final int DOCUMENTS = 1203;

  @TempDir Path folder;

  private Map<String, String> environment;

  /** Exit code and output of one command. */
  private record Run(int exitCode, String out, String err) {

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
  }

  @BeforeEach
  void createOrganization() throws IOException {
    environment =
        Map.of(
            "CROUPIER_DATA_DIR", folder.resolve("store").toString(), "CROUPIER_BCRYPT_COST", "4");
    Path password = folder.resolve("password");
    Files.writeString(password, "Sup3rSecret\n", StandardCharsets.UTF_8);
    Run created =
        run(
            "org",
            "create",
            "--name",
            "transfer",
            "--email",
            "admin@transfer.example",
            "--password-file",
            password.toString());
    assertThat(created.exitCode()).as("%s", created).isZero();
  }

  private Run run(String... args) {
    CommandLine commandLine = Croupier.commandLine(environment);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  /** Returns lines in the export format, in creation order, with varied JSON values. */
  private static String importLines() {
    Instant start = Instant.parse("2026-03-01T08:00:00Z");
    List<String> lines = new ArrayList<>();
    for (int index = 0; index < DOCUMENTS; index++) {
      Instant created = start.plusMillis(1500L * index);
      Instant updated = created.plusSeconds(index % 7);
      lines.add(
          "{\"id\":\"doc-"
              + index
              + "\",\"created_at\":\""
              + created
              + "\",\"updated_at\":\""
              + updated
              + "\",\"document\":{\"index\":"
              + index
              + ",\"name\":\"caf\\u00e9 \\u65e5\\u672c "
              + index
              + "\",\"ratio\":"
              + (index + 0.5)
              + ",\"tags\":[\"a\",true,null,{\"depth\":[1,2]}],\"nested\":{\"empty\":{}}}}");
    }
    return String.join("\n", lines) + "\n";
  }

  private String export() throws IOException {
    Path file = folder.resolve("export.jsonl");
    Run exported = run("org", "export", "transfer", "--output-file", file.toString(), "--force");
    assertThat(exported.exitCode()).as("%s", exported).isZero();
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private Run move(String tier) {
    return run("org", "move", "transfer", "--tier", tier);
  }

  @Test
  void exportReturnsImportedLines() throws IOException {
    // given
    String lines = importLines();
    Path file = folder.resolve("import.jsonl");
    Files.writeString(file, lines, StandardCharsets.UTF_8);

    // when
    Run imported = run("org", "import", "transfer", file.toString());
    String exported = export();

    // then
    assertThat(imported.exitCode()).as("%s", imported).isZero();
    assertThat(imported.out())
        .isEqualTo(
            "Imported 1203 documents into organization 'transfer': 1203 created, 0 replaced.\n");
    assertThat(exported).isEqualTo(lines);
  }

  @Test
  void importingExportAgainReplacesEveryDocument() throws IOException {
    // given
    Path file = folder.resolve("import.jsonl");
    Files.writeString(file, importLines(), StandardCharsets.UTF_8);
    run("org", "import", "transfer", file.toString());
    Path exported = folder.resolve("export.jsonl");
    Files.writeString(exported, export(), StandardCharsets.UTF_8);

    // when
    Run again = run("org", "import", "transfer", exported.toString());

    // then
    assertThat(again.out())
        .isEqualTo(
            "Imported 1203 documents into organization 'transfer': 0 created, 1203 replaced.\n");
  }

  @Test
  void movesThroughEveryTierKeepDocuments() throws IOException {
    // given
    String lines = importLines();
    Path file = folder.resolve("import.jsonl");
    Files.writeString(file, lines, StandardCharsets.UTF_8);
    run("org", "import", "transfer", file.toString());

    for (String tier : List.of("database", "shared", "collection")) {
      // when
      Run moved = move(tier);

      // then
      assertThat(moved.exitCode()).as("%s", moved).isZero();
      assertThat(moved.out()).containsPattern("(?m)^target_tier +" + tier + "$");
      assertThat(moved.out()).containsPattern("(?m)^documents +1203$");
      assertThat(run("org", "get", "transfer").out()).containsPattern("(?m)^tier +" + tier + "$");
      assertThat(export()).as("documents after the move to %s", tier).isEqualTo(lines);
    }
  }

  @Test
  void movePrintsLinePerPhaseWithoutTerminal() {
    // when
    Run moved = move("database");

    // then
    assertThat(moved.err()).startsWith("copying: 0 of 0 documents in ");
  }
}
