package io.croupier.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.adapter.in.cli.Cli.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordInputTest {

  @TempDir Path dataDir;
  @TempDir Path secrets;

  private Cli cli;

  @BeforeEach
  void createCli() {
    cli = new Cli(dataDir);
  }

  private Result createOnTerminal(ScriptedTerminal terminal) {
    return cli.run(terminal, "org", "create", "--name", "acme", "--email", "admin@acme.example");
  }

  private Result login(ScriptedTerminal terminal, String... passwordOptions) {
    String[] args = {"admin", "login", "--email", "admin@acme.example"};
    String[] all = new String[args.length + passwordOptions.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(passwordOptions, 0, all, args.length, passwordOptions.length);
    return cli.run(terminal, all);
  }

  @Test
  void promptsTwiceForNewPassword() {
    // given
    ScriptedTerminal terminal = ScriptedTerminal.attached(Cli.PASSWORD, Cli.PASSWORD);

    // when
    Result result = createOnTerminal(terminal);

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(terminal.prompts())
        .containsExactly("Password for the admin of 'acme': ", "Repeat the password: ");
  }

  @Test
  void rejectsDifferingRepeatedPassword() {
    // when
    Result result = createOnTerminal(ScriptedTerminal.attached(Cli.PASSWORD, "Sup3rSecreT"));

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo("The two passwords differ; nothing was changed, run it again.\n");
    assertThat(cli.run("org", "get", "acme").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void needsPasswordSourceWithoutTerminal() {
    // when
    Result result = createOnTerminal(ScriptedTerminal.detached());

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo(
            "No terminal is attached to prompt for the password; pass --password-stdin or"
                + " --password-file FILE.\n");
  }

  @Test
  void rejectsEmptyPasswordOnStandardInput() {
    // when
    Result result =
        cli.run(
            ScriptedTerminal.detached(),
            "org",
            "create",
            "--name",
            "acme",
            "--email",
            "admin@acme.example",
            "--password-stdin");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).isEqualTo("Password is missing; send at least 8 characters.\n");
  }

  @Test
  void readsFirstLineOfPasswordFile() throws IOException {
    // given
    cli.create("acme", "admin@acme.example");
    Path file = Files.writeString(secrets.resolve("password"), Cli.PASSWORD + "\r\nignored\n");

    // when
    Result result = login(ScriptedTerminal.detached(), "--password-file", file.toString());

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
  }

  /** Returns the password's UTF-8 bytes with one more byte and a line break after them. */
  private static byte[] passwordLineWith(int lastByte) {
    byte[] password = Cli.PASSWORD.getBytes(StandardCharsets.UTF_8);
    byte[] line = Arrays.copyOf(password, password.length + 2);
    line[password.length] = (byte) lastByte;
    line[password.length + 1] = '\n';
    return line;
  }

  @ParameterizedTest
  @ValueSource(ints = {0xff, 0x80, 0xc3})
  void rejectsInvalidUtf8InPasswordFile(int invalidByte) throws IOException {
    // given: a byte that UTF-8 never uses, a continuation byte alone, and a sequence cut short
    Path file = Files.write(secrets.resolve("password"), passwordLineWith(invalidByte));

    // when
    Result result = login(ScriptedTerminal.detached(), "--password-file", file.toString());

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo(
            "The first line of the password file "
                + file
                + " is not valid UTF-8; save the password in UTF-8.\n");
  }

  @Test
  void rejectsInvalidUtf8OnStandardInput() {
    // given
    ScriptedTerminal terminal =
        ScriptedTerminal.detached().withStandardInput(passwordLineWith(0xff));

    // when
    Result result = login(terminal, "--password-stdin");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo(
            "The password on standard input is not valid UTF-8; send the password in UTF-8.\n");
  }

  @Test
  void acceptsMultibytePasswordBeforeIgnoredLine() throws IOException {
    // given: a valid two-byte character where the invalid tests put a byte, and an invalid byte on
    // the second line, which is not read as part of the password
    String password = Cli.PASSWORD + "\u00e9";
    cli.create("acme", "admin@acme.example");
    ScriptedTerminal newPassword = ScriptedTerminal.detached().withStandardInput(password + "\n");
    Result changed = cli.run(newPassword, "org", "set-password", "acme", "--password-stdin");
    assertThat(changed.exitCode()).as(changed.toString()).isZero();
    byte[] firstLine = (password + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] content = Arrays.copyOf(firstLine, firstLine.length + 1);
    content[firstLine.length] = (byte) 0xff;
    Path file = Files.write(secrets.resolve("password"), content);

    // when
    Result result = login(ScriptedTerminal.detached(), "--password-file", file.toString());

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
  }

  @Test
  void reportsMissingPasswordFile() {
    // given
    Path missing = secrets.resolve("missing");

    // when
    Result result = login(ScriptedTerminal.detached(), "--password-file", missing.toString());

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo(
            "The password file " + missing + " does not exist; create it or correct the path.\n");
  }

  @Test
  void rejectsBothPasswordSources() throws IOException {
    // given
    Path file = Files.writeString(secrets.resolve("password"), Cli.PASSWORD);

    // when
    Result result =
        login(ScriptedTerminal.detached(), "--password-stdin", "--password-file", file.toString());

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("mutually exclusive");
  }

  @Test
  void loginPromptsOnce() {
    // given
    cli.create("acme", "admin@acme.example");
    ScriptedTerminal terminal = ScriptedTerminal.attached(Cli.PASSWORD);

    // when
    Result result = login(terminal);

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(terminal.prompts()).containsExactly("Password: ");
  }

  @Test
  void passwordIsNotAnOption() {
    // when
    Result result = login(ScriptedTerminal.detached(), "--password", Cli.PASSWORD);

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo("Unknown option: '--password'. Run 'croupier admin login --help' for usage.\n");
  }

  @Test
  void unknownOptionWithValueIsNotEchoed() {
    // when
    Result result = login(ScriptedTerminal.detached(), "--password=" + Cli.PASSWORD);

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("Unknown option: '--password'.");
    assertThat(result.err()).doesNotContain(Cli.PASSWORD);
  }
}
