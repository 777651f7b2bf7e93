package io.croupier.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.adapter.in.cli.Cli.Result;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {

  private static final List<String> EXIT_CODES =
      List.of(
          "Exit codes:",
          " 0   Success.",
          " 2   Invalid option, argument, password or setting.",
          " 3   Organization not found.",
          " 4   Name or email taken, or organization changed; retry.",
          " 5   Incorrect email or password.",
          " 6   Store unreachable, or its data folder in use.",
          " 7   Too many failed logins; wait, or run admin unlock.",
          " 8   Organization moving between tiers or being renamed; retry after that.",
          " 9   A file could not be read or written.");

  @TempDir Path dataDir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "org",
        "org create",
        "org get",
        "org list",
        "org rename",
        "org set-email",
        "org set-password",
        "org delete",
        "org export",
        "org import",
        "org move",
        "admin",
        "admin login",
        "admin unlock",
        "audit",
        "generate-completion"
      })
  void helpOfEveryCommandListsExitCodes(String command) {
    // given
    String[] args = (command.isEmpty() ? "--help" : command + " --help").split(" ");

    // when
    Result result = new Cli(dataDir).run(args);

    // then
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains(EXIT_CODES);
  }

  @Test
  void helpExplainsOptionUnits() {
    // when
    Result result = new Cli(dataDir).run("org", "list", "--help");

    // then
    String unwrapped = result.out().replaceAll("\\s+", " ");
    assertThat(unwrapped).contains("Organizations per page, 1 to 1000. Default: 20.");
    assertThat(unwrapped).contains("Default: CROUPIER_DATA_DIR, else");
  }

  @Test
  void renameHelpDescribesEveryTier() {
    // when
    String help = unwrappedHelp("org", "rename");

    // then
    assertThat(help)
        .contains(
            "Rename an organization. Its documents stay with it in every tier, and tokens issued"
                + " before keep working.");
    assertThat(help)
        .contains(
            "In the collection tier, its collection org_<old> is renamed org_<new>. The shared and"
                + " database tiers find documents by the organization's id, so nothing is moved.");
    assertThat(help).doesNotContain("Its collection org_<old> becomes org_<new>");
  }

  @Test
  void deleteHelpDescribesEveryTier() {
    // when
    String help = unwrappedHelp("org", "delete");

    // then
    assertThat(help)
        .contains("Delete an organization with its admin and all its documents, in every tier.");
    assertThat(help)
        .contains(
            "The collection tier drops the organization's collection org_<name>, and the database"
                + " tier drops its database. The shared tier deletes its documents from the shared"
                + " collection tenant_documents and keeps those of other organizations.");
    assertThat(help).doesNotContain("its collection with all its data");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "create",
        "get",
        "list",
        "rename",
        "set-email",
        "set-password",
        "delete",
        "export",
        "import",
        "move"
      })
  void orgHelpMentionsCollectionOnlyWithTier(String command) {
    // when
    String help = unwrappedHelp("org", command);

    // then
    for (String sentence : help.split("(?<=\\.) ")) {
      if (sentence.contains("collection")) {
        assertThat(sentence).as("sentence of org %s --help", command).containsIgnoringCase("tier");
      }
    }
  }

  /** Returns the help of a command with every run of whitespace as one space. */
  private String unwrappedHelp(String... command) {
    String[] args = Arrays.copyOf(command, command.length + 1);
    args[command.length] = "--help";
    Result result = new Cli(dataDir).run(args);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    return result.out().replaceAll("\\s+", " ");
  }

  @Test
  void printsVersion() {
    // when
    Result result = new Cli(dataDir).run("--version");

    // then
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("croupier 9.9.9-test\n");
  }

  @Test
  void printsCompletionScript() {
    // when
    Result result = new Cli(dataDir).run("generate-completion");

    // then
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("complete -F _complete_croupier");
    assertThat(result.out()).contains("set-password");
  }

  @Test
  void groupAloneIsUsageError() {
    // when
    Result result = new Cli(dataDir).run("org");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo(
            "Missing command: choose one of create, get, list, rename, set-email, set-password,"
                + " delete, export, import, move. Run 'croupier org --help' for usage.\n");
  }

  @Test
  void unknownCommandIsOneSentence() {
    // when
    Result result = new Cli(dataDir).run("org", "purge");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err().lines()).hasSize(1);
  }

  @Test
  void failureShowsNoStackTraceWithoutVerbose() {
    // when
    Result result = new Cli(dataDir).run("org", "get", "missing");

    // then
    assertThat(result.err()).doesNotContain("\tat ");
  }

  @Test
  void verboseBeforeCommandShowsStackTrace() {
    // when
    Result result =
        new Cli(dataDir)
            .run("--verbose", "org", "get", "missing", "--data-dir", dataDir.toString());

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(result.err()).startsWith("Organization 'missing' not found.\n");
    assertThat(result.err()).contains("OrganizationNotFound");
  }
}
