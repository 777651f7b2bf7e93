package io.croupier.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code org export} in a process of its own whose standard output is {@code /dev/full}, the Linux
 * device on which every write fails with "No space left on device", as on a full disk.
 */
class ExportToFullDiskTest {

  private static final Path FULL_DEVICE = Path.of("/dev/full");
  private static final long EXIT_TIMEOUT_SECONDS = 60;

  @TempDir Path folder;

  private Map<String, String> environment;

  @BeforeEach
  void createOrganizationWithDocuments() throws IOException {
    assumeTrue(Files.exists(FULL_DEVICE), "needs " + FULL_DEVICE);
    environment =
        Map.of(
            "CROUPIER_DATA_DIR", folder.resolve("store").toString(), "CROUPIER_BCRYPT_COST", "4");
    Path password = folder.resolve("password");
    Files.writeString(password, "Sup3rSecret\n", StandardCharsets.UTF_8);
    run(
        "org",
        "create",
        "--name",
        "full",
        "--email",
        "admin@full.example",
        "--password-file",
        password.toString());
    Path lines = folder.resolve("import.jsonl");
    Files.writeString(
        lines,
        "{\"id\":\"a\",\"created_at\":\"2026-01-01T00:00:00Z\","
            + "\"updated_at\":\"2026-01-01T00:00:00Z\",\"document\":{\"n\":1}}\n",
        StandardCharsets.UTF_8);
    run("org", "import", "full", lines.toString());
  }

  private void run(String... args) {
    CommandLine commandLine = Croupier.commandLine(environment);
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(err, true));
    assertThat(commandLine.execute(args)).as("exit code; error output:%n%s", err).isZero();
  }

  /** Runs {@code croupier org export full} in a new process and returns its exit code. */
  private int exportInProcess(Path standardOutput, Path standardError)
      throws IOException, InterruptedException, URISyntaxException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    // The production logging settings, which keep the log of a command off standard output.
    Path logback = Path.of(Croupier.class.getResource("/logback.xml").toURI());
    ProcessBuilder builder =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + logback,
                Croupier.class.getName(),
                "org",
                "export",
                "full")
            .redirectOutput(standardOutput.toFile())
            .redirectError(standardError.toFile());
    builder.environment().keySet().removeIf(variable -> variable.startsWith("CROUPIER_"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    assertThat(process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("exited").isTrue();
    return process.exitValue();
  }

  @Test
  void exportToFullStandardOutputFails()
      throws IOException, InterruptedException, URISyntaxException {
    // given
    Path errors = folder.resolve("errors.txt");

    // when
    int exitCode = exportInProcess(FULL_DEVICE, errors);

    // then
    assertThat(exitCode).isEqualTo(9);
    assertThat(Files.readString(errors, StandardCharsets.UTF_8))
        .isEqualTo(
            "Writing the export to standard output failed, so what it received is incomplete;"
                + " free space on the disk it goes to or check the program that reads it, then"
                + " export again.\n");
  }

  @Test
  void exportToRegularStandardOutputSucceeds()
      throws IOException, InterruptedException, URISyntaxException {
    // given
    Path output = folder.resolve("output.jsonl");
    Path errors = folder.resolve("errors.txt");

    // when
    int exitCode = exportInProcess(output, errors);

    // then
    assertThat(exitCode).as("exit code; errors: %s", Files.readString(errors)).isZero();
    assertThat(Files.readString(output, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"id\":\"a\",\"created_at\":\"2026-01-01T00:00:00Z\","
                + "\"updated_at\":\"2026-01-01T00:00:00Z\",\"document\":{\"n\":1}}\n");
  }
}
