package io.croupier.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.adapter.in.cli.Cli.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminUnlockCommandTest {

  private static final String EMAIL = "admin@acme.example";

  @TempDir Path dataDir;

  private Cli cli;

  @BeforeEach
  void createAcme() {
    cli = new Cli(dataDir);
    cli.create("acme", EMAIL);
  }

  private Result login(String password) {
    return cli.run(
        ScriptedTerminal.detached().withStandardInput(password + "\n"),
        "admin",
        "login",
        "--email",
        EMAIL,
        "--password-stdin");
  }

  private void failFiveTimes() {
    for (int i = 0; i < 5; i++) {
      assertThat(login("Wr0ngPassword").exitCode()).isEqualTo(ExitCodes.AUTHENTICATION_FAILED);
    }
  }

  @Test
  void lockedLoginExitsWithSeven() {
    // given
    failFiveTimes();

    // when
    Result result = login(Cli.PASSWORD);

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.LOCKED_OUT);
    assertThat(result.err()).matches("Too many failed logins; try again in \\d+ seconds\\.\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void unlockEndsLockout() {
    // given
    failFiveTimes();

    // when
    Result result = cli.run("admin", "unlock", "--email", " ADMIN@acme.example ");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo("Cleared the failed logins of " + EMAIL + ".\n");
    assertThat(login(Cli.PASSWORD).exitCode()).isZero();
  }

  @Test
  void unlockOfUnlockedAccountSucceeds() {
    // when
    Result result = cli.run("admin", "unlock", "--email", EMAIL);

    // then
    assertThat(result.exitCode()).isZero();
    assertThat(login(Cli.PASSWORD).exitCode()).isZero();
  }

  @Test
  void unlockIsAudited() {
    // given
    cli.run("admin", "unlock", "--email", EMAIL);

    // when
    Result audit = cli.run("audit", "acme", "--limit", "1");

    // then
    assertThat(audit.out().lines().toList().get(1))
        .contains(" lockout_cleared ")
        .contains(" operator ");
  }

  @Test
  void unlocksUnknownEmail() {
    // when
    Result result = cli.run("admin", "unlock", "--email", "nobody@acme.example");

    // then
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void rejectsInvalidEmail() {
    // when
    Result result = cli.run("admin", "unlock", "--email", "not-an-address");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("Email 'not-an-address' is invalid;");
  }

  @Test
  void needsEmail() {
    // when
    Result result = cli.run("admin", "unlock");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("Missing required option: '--email=EMAIL'");
  }
}
