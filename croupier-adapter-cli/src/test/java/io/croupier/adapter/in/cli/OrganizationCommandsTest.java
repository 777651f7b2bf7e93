package io.croupier.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.adapter.in.cli.Cli.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationCommandsTest {

  @TempDir Path dataDir;

  private Cli cli;

  @BeforeEach
  void createCli() {
    cli = new Cli(dataDir);
  }

  private Result createWithPassword(String name, String password) {
    return cli.run(
        ScriptedTerminal.detached().withStandardInput(password + "\n"),
        "org",
        "create",
        "--name",
        name,
        "--email",
        "admin@" + name + ".example",
        "--password-stdin");
  }

  @Test
  void createPrintsOrganizationAsText() {
    // when
    Result result = cli.create(" Acme ", "Admin@Acme.Example");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).containsPattern("(?m)^organization_name +acme$");
    assertThat(result.out()).containsPattern("(?m)^email +admin@acme.example$");
    assertThat(result.out()).containsPattern("(?m)^tier +collection$");
    assertThat(result.out()).containsPattern("(?m)^collection_name +org_acme$");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void createPrintsOrganizationAsJson() {
    // when
    Result result =
        cli.run(
            ScriptedTerminal.detached().withStandardInput(Cli.PASSWORD + "\n"),
            "org",
            "create",
            "--name",
            "acme",
            "--email",
            "admin@acme.example",
            "--password-stdin",
            "--output",
            "json");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).startsWith("{\n  \"id\": \"");
    assertThat(result.out()).contains("\"organization_name\": \"acme\",");
    assertThat(result.out()).contains("\"email\": \"admin@acme.example\",");
    assertThat(result.out()).contains("\"tier\": \"collection\",");
    assertThat(result.out()).contains("\"connection_details\": \"Collection: org_acme\",");
    assertThat(result.out()).containsPattern("\"created_at\": \"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\"");
    assertThat(result.out()).endsWith("}\n");
  }

  @Test
  void createRejectsTakenName() {
    // given
    cli.create("acme", "admin@acme.example");

    // when
    Result result = cli.create("ACME", "other@acme.example");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(result.err())
        .isEqualTo("Organization 'acme' already exists; choose another name.\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void createRejectsTakenEmail() {
    // given
    cli.create("acme", "admin@acme.example");

    // when
    Result result = cli.create("beta", "ADMIN@acme.example");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(result.err()).startsWith("Email 'admin@acme.example' already exists");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ab", "-acme", "acme corp", "a23456789012345678901234567890123456789012345678901"})
  void createRejectsInvalidName(String name) {
    // when
    Result result = cli.create(name, "admin@acme.example");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("Organization name '");
    assertThat(result.err().lines()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "a2345678901234567890123456789012345678901234567890"})
  void createAcceptsNameLengthEdges(String name) {
    assertThat(cli.create(name, "admin@acme.example").exitCode()).isZero();
  }

  @Test
  void createRejectsInvalidEmail() {
    // when
    Result result = cli.create("acme", "not-an-email");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo("Email 'not-an-email' is invalid; send an address such as admin@example.com.\n");
  }

  @Test
  void createRejectsPasswordOfSevenCharacters() {
    // when
    Result result = createWithPassword("acme", "Abcde12");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).isEqualTo("Password has 7 characters; use at least 8.\n");
  }

  @Test
  void createAcceptsPasswordOfEightCharacters() {
    assertThat(createWithPassword("acme", "Abcdef12").exitCode()).isZero();
  }

  @Test
  void createAcceptsPasswordOfSeventyTwoBytes() {
    assertThat(createWithPassword("acme", "Aa1" + "x".repeat(69)).exitCode()).isZero();
  }

  @Test
  void createRejectsPasswordOfSeventyThreeBytes() {
    // when
    Result result = createWithPassword("acme", "Aa1" + "x".repeat(70));

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("Password is 73 bytes in UTF-8; use at most 72");
  }

  @Test
  void createRejectsPasswordWithoutDigit() {
    // when
    Result result = createWithPassword("acme", "Abcdefgh");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("Password needs an upper-case letter");
  }

  @Test
  void createNeedsName() {
    // when
    Result result = cli.run("org", "create", "--email", "admin@acme.example", "--password-stdin");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo(
            "Missing required option: '--name=NAME'. Run 'croupier org create --help' for"
                + " usage.\n");
  }

  @Test
  void getShowsAdminEmail() {
    // given
    cli.create("acme", "admin@acme.example");

    // when
    Result result = cli.run("org", "get", "ACME");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).containsPattern("(?m)^email +admin@acme.example$");
  }

  @Test
  void getPrintsJson() {
    // given
    cli.create("acme", "admin@acme.example");

    // when
    Result result = cli.run("org", "get", "acme", "--output", "JSON");

    // then
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("\"email\": \"admin@acme.example\"");
  }

  @Test
  void getReportsUnknownOrganization() {
    // when
    Result result = cli.run("org", "get", "missing");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(result.err()).isEqualTo("Organization 'missing' not found.\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void getRejectsUnknownOutputFormat() {
    // when
    Result result = cli.run("org", "get", "acme", "--output", "yaml");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("--output").contains("yaml");
  }

  @Test
  void renameMovesCollection() {
    // given
    cli.create("acme", "admin@acme.example");

    // when
    Result result = cli.run("org", "rename", "acme", "Acme_Corp", "--output", "json");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("\"organization_name\": \"acme_corp\"");
    assertThat(result.out()).contains("\"collection_name\": \"org_acme_corp\"");
    assertThat(cli.run("org", "get", "acme").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void renameRejectsTakenName() {
    // given
    cli.create("acme", "admin@acme.example");
    cli.create("beta", "admin@beta.example");

    // when
    Result result = cli.run("org", "rename", "acme", "beta");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(result.err())
        .isEqualTo("Organization 'beta' already exists; choose another name.\n");
  }

  @Test
  void renameReportsUnknownOrganization() {
    // when
    Result result = cli.run("org", "rename", "missing", "found");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void renameRejectsInvalidNewName() {
    // given
    cli.create("acme", "admin@acme.example");

    // when
    Result result = cli.run("org", "rename", "acme", "x");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).isEqualTo("Organization name 'x' has 1 characters; use 3 to 50.\n");
  }

  @Test
  void setEmailChangesLoginEmail() {
    // given
    cli.create("acme", "admin@acme.example");

    // when
    Result result = cli.run("org", "set-email", "acme", "Boss@Acme.Example");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).containsPattern("(?m)^email +boss@acme.example$");
  }

  @Test
  void setEmailRejectsTakenEmail() {
    // given
    cli.create("acme", "admin@acme.example");
    cli.create("beta", "admin@beta.example");

    // when
    Result result = cli.run("org", "set-email", "acme", "admin@beta.example");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFLICT);
  }

  @Test
  void setEmailRejectsInvalidEmail() {
    // given
    cli.create("acme", "admin@acme.example");

    // when
    Result result = cli.run("org", "set-email", "acme", "admin@");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
  }

  @Test
  void setEmailReportsUnknownOrganization() {
    assertThat(cli.run("org", "set-email", "missing", "a@b.example").exitCode())
        .isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void setPasswordReplacesPassword() {
    // given
    cli.create("acme", "admin@acme.example");

    // when
    Result result =
        cli.run(
            ScriptedTerminal.detached().withStandardInput("N3wSecretPass\n"),
            "org",
            "set-password",
            "acme",
            "--password-stdin");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "Changed the admin password of organization 'acme'; tokens issued before no longer"
                + " work.\n");
    assertThat(login("admin@acme.example", Cli.PASSWORD).exitCode())
        .isEqualTo(ExitCodes.AUTHENTICATION_FAILED);
    assertThat(login("admin@acme.example", "N3wSecretPass").exitCode()).isZero();
  }

  @Test
  void setPasswordRejectsWeakPassword() {
    // given
    cli.create("acme", "admin@acme.example");

    // when
    Result result =
        cli.run(
            ScriptedTerminal.detached().withStandardInput("weak\n"),
            "org",
            "set-password",
            "acme",
            "--password-stdin");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(login("admin@acme.example", Cli.PASSWORD).exitCode()).isZero();
  }

  @Test
  void setPasswordReportsUnknownOrganization() {
    // when
    Result result =
        cli.run(
            ScriptedTerminal.detached().withStandardInput("N3wSecretPass\n"),
            "org",
            "set-password",
            "missing",
            "--password-stdin");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void passwordIsNeverPrinted() {
    // given
    cli.create("acme", "admin@acme.example");

    // when
    Result json = cli.run("org", "get", "acme", "--output", "json");

    // then
    assertThat(json.out()).doesNotContain(Cli.PASSWORD).doesNotContain("password");
  }

  private Result login(String email, String password) {
    return cli.run(
        ScriptedTerminal.detached().withStandardInput(password + "\n"),
        "admin",
        "login",
        "--email",
        email,
        "--password-stdin");
  }
}
