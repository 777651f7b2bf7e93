package io.croupier.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.adapter.in.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line reads the security settings from the environment and wires them as the server
 * does: here an account locks after one failed login.
 */
class CommandLineWiringTest {

  private static final String EMAIL = "admin@wiring.example";

  @TempDir Path dataDir;

  private Map<String, String> environment;
  private Path rightPassword;
  private Path wrongPassword;

  @BeforeEach
  void createOrganization() throws IOException {
    environment =
        Map.of(
            "CROUPIER_DATA_DIR", dataDir.resolve("store").toString(),
            "CROUPIER_BCRYPT_COST", "4",
            "CROUPIER_LOGIN_ACCOUNT_FAILURES", "1",
            "CROUPIER_LOGIN_ACCOUNT_WINDOW", "10");
    rightPassword = dataDir.resolve("right");
    wrongPassword = dataDir.resolve("wrong");
    Files.writeString(rightPassword, "Sup3rSecret\n", StandardCharsets.UTF_8);
    Files.writeString(wrongPassword, "Wr0ngSecret\n", StandardCharsets.UTF_8);
    int created =
        run(
            "org",
            "create",
            "--name",
            "wiring",
            "--email",
            EMAIL,
            "--password-file",
            rightPassword.toString());
    assertThat(created).isZero();
  }

  private int run(String... args) {
    CommandLine commandLine = Croupier.commandLine(environment);
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(new StringWriter(), true));
    return commandLine.execute(args);
  }

  private int logIn(Path passwordFile) {
    return run("admin", "login", "--email", EMAIL, "--password-file", passwordFile.toString());
  }

  @Test
  void configuredLimitLocksAccount() {
    // given
    assertThat(logIn(wrongPassword)).isEqualTo(ExitCodes.AUTHENTICATION_FAILED);

    // when
    int exitCode = logIn(rightPassword);

    // then
    assertThat(exitCode).isEqualTo(ExitCodes.LOCKED_OUT);
  }

  @Test
  void unlockLetsAccountLogIn() {
    // given
    logIn(wrongPassword);

    // when
    int unlocked = run("admin", "unlock", "--email", EMAIL);

    // then
    assertThat(unlocked).isZero();
    assertThat(logIn(rightPassword)).isZero();
  }

  @Test
  void invalidSettingIsInvalidInput() {
    // given
    environment = Map.of("CROUPIER_DATA_DIR", dataDir.toString(), "CROUPIER_AUDIT_RETENTION", "0");

    // when
    int exitCode = run("audit", "wiring");

    // then
    assertThat(exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
  }

  @Test
  void invalidStoreTimeoutIsInvalidInput() {
    // given
    environment = Map.of("CROUPIER_DATA_DIR", dataDir.toString(), "CROUPIER_STORE_TIMEOUT", "0");

    // when
    int exitCode = run("org", "list");

    // then
    assertThat(exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
  }

  @Test
  void storeTimeoutOfOneSecondIsAccepted() {
    // given
    environment = Map.of("CROUPIER_DATA_DIR", dataDir.toString(), "CROUPIER_STORE_TIMEOUT", "1");

    // when
    int exitCode = run("org", "list");

    // then
    assertThat(exitCode).isZero();
  }
}
