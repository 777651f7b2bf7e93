package io.croupier.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.adapter.in.cli.Cli.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrgDeleteCommandTest {

  @TempDir Path dataDir;

  private Cli cli;

  @BeforeEach
  void createAcme() {
    cli = new Cli(dataDir);
    cli.create("acme", "admin@acme.example");
  }

  @Test
  void needsYesWithoutTerminal() {
    // when
    Result result = cli.run("org", "delete", "acme");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo(
            "No terminal is attached to confirm the deletion of organization 'acme'; pass --yes"
                + " to delete it without confirmation.\n");
    assertThat(cli.run("org", "get", "acme").exitCode()).isZero();
  }

  @Test
  void deletesWithYes() {
    // when
    Result result = cli.run("org", "delete", "acme", "--yes");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "Deleted organization 'acme' with its admin and its documents (Collection:"
                + " org_acme).\n");
    assertThat(cli.run("org", "get", "acme").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void deletesAfterTypedName() {
    // given
    ScriptedTerminal terminal = ScriptedTerminal.attached(" ACME ");

    // when
    Result result = cli.run(terminal, "org", "delete", "acme");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(terminal.prompts())
        .containsExactly(
            "Type the organization name 'acme' to delete it with its admin admin@acme.example and"
                + " its documents (Collection: org_acme): ");
    assertThat(cli.run("org", "get", "acme").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void namesSharedCollectionWithoutClaimingToDropIt() {
    // given
    assertThat(cli.createInTier("beta", "shared").exitCode()).isZero();
    ScriptedTerminal terminal = ScriptedTerminal.attached("beta");

    // when
    Result result = cli.run(terminal, "org", "delete", "beta");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(terminal.prompts())
        .containsExactly(
            "Type the organization name 'beta' to delete it with its admin admin@beta.example and"
                + " its documents (Shared collection: tenant_documents): ");
    assertThat(result.out())
        .isEqualTo(
            "Deleted organization 'beta' with its admin and its documents (Shared collection:"
                + " tenant_documents).\n");
  }

  @Test
  void namesDatabaseOfDatabaseTier() {
    // given
    assertThat(cli.createInTier("gamma", "database").exitCode()).isZero();

    // when
    Result result = cli.run("org", "delete", "gamma", "--yes");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .startsWith("Deleted organization 'gamma' with its admin and its documents (Database: ");
    assertThat(result.out()).doesNotContain("collection");
  }

  @Test
  void keepsOrganizationWhenTypedNameDiffers() {
    // when
    Result result = cli.run(ScriptedTerminal.attached("acm"), "org", "delete", "acme");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo("The confirmation 'acm' does not match 'acme', so nothing was deleted.\n");
    assertThat(cli.run("org", "get", "acme").exitCode()).isZero();
  }

  @Test
  void keepsOrganizationWhenInputEnds() {
    // when
    Result result = cli.run(ScriptedTerminal.attached(), "org", "delete", "acme");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cli.run("org", "get", "acme").exitCode()).isZero();
  }

  @Test
  void yesSkipsPromptOnTerminal() {
    // given
    ScriptedTerminal terminal = ScriptedTerminal.attached();

    // when
    Result result = cli.run(terminal, "org", "delete", "acme", "--yes");

    // then
    assertThat(result.exitCode()).isZero();
    assertThat(terminal.prompts()).isEmpty();
  }

  @Test
  void reportsUnknownOrganizationBeforeAsking() {
    // given
    ScriptedTerminal terminal = ScriptedTerminal.attached("missing");

    // when
    Result result = cli.run(terminal, "org", "delete", "missing");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(terminal.prompts()).isEmpty();
  }

  @Test
  void printsDeletedOrganizationAsJson() {
    // when
    Result result = cli.run("org", "delete", "acme", "--yes", "--output", "json");

    // then
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("{\n  \"deleted\": true,\n  \"organization\": {\n");
    assertThat(result.out()).contains("\"organization_name\": \"acme\"");
  }

  @Test
  void revokesTokensOfDeletedOrganization() {
    // given
    Result login =
        cli.run(
            ScriptedTerminal.detached().withStandardInput(Cli.PASSWORD),
            "admin",
            "login",
            "--email",
            "admin@acme.example",
            "--password-stdin");

    // when
    cli.run("org", "delete", "acme", "--yes");

    // then
    assertThat(login.exitCode()).isZero();
    assertThat(
            cli.run(
                    ScriptedTerminal.detached().withStandardInput(Cli.PASSWORD),
                    "admin",
                    "login",
                    "--email",
                    "admin@acme.example",
                    "--password-stdin")
                .exitCode())
        .isEqualTo(ExitCodes.AUTHENTICATION_FAILED);
  }
}
