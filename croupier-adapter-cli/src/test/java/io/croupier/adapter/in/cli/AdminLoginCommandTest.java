package io.croupier.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.adapter.in.cli.Cli.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminLoginCommandTest {

  @TempDir Path dataDir;

  private Cli cli;

  @BeforeEach
  void createAcme() {
    cli = new Cli(dataDir);
    cli.create("acme", "admin@acme.example");
  }

  private Result login(String email, String password, String... extra) {
    String[] args = {"admin", "login", "--email", email, "--password-stdin"};
    String[] all = new String[args.length + extra.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    return cli.run(ScriptedTerminal.detached().withStandardInput(password + "\n"), all);
  }

  @Test
  void printsOnlyTokenAsText() {
    // when
    Result result = login("admin@acme.example", Cli.PASSWORD);

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\n");
  }

  @Test
  void printsTokenFieldsAsJson() {
    // when
    Result result = login("ADMIN@acme.example", Cli.PASSWORD, "--output", "json");

    // then
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("\"token_type\": \"bearer\",");
    assertThat(result.out()).contains("\"expires_in\": 3600,");
    assertThat(result.out()).contains("\"organization_name\": \"acme\"");
  }

  @Test
  void rejectsWrongPassword() {
    // when
    Result result = login("admin@acme.example", "Wr0ngPassword");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION_FAILED);
    assertThat(result.err()).isEqualTo("Incorrect email or password.\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void rejectsUnknownEmail() {
    // when
    Result result = login("nobody@acme.example", Cli.PASSWORD);

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION_FAILED);
    assertThat(result.err()).isEqualTo("Incorrect email or password.\n");
  }

  @Test
  void needsEmail() {
    // when
    Result result = cli.run("admin", "login", "--password-stdin");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("Missing required option: '--email=EMAIL'");
  }
}
