package io.croupier.adapter.in.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Source of a command's password: standard input, a file, or else a prompt on the terminal with
 * echo off. A password is never an argument, because arguments show in the process list and the
 * shell history.
 */
final class PasswordSource {

  /** Longest input read for a password; the policy allows far less. */
  private static final int MAX_BYTES = 4096;

  @Option(
      names = "--password-stdin",
      description = "Read the password from the first line of standard input instead of prompting.")
  private boolean fromStandardInput;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "Read the password from the first line of FILE instead of prompting.")
  private Path file;

  /**
   * Reads the password from the chosen source, or prompts for it. A new password is prompted for
   * twice, and both entries must match.
   */
  static String read(
      Optional<PasswordSource> source, Terminal terminal, String prompt, boolean newPassword) {
    if (source.isPresent() && source.get().file != null) {
      return readFile(source.get().file);
    }
    if (source.isPresent() && source.get().fromStandardInput) {
      return readStandardInput(terminal.standardInput());
    }
    return prompt(terminal, prompt, newPassword);
  }

  private static String prompt(Terminal terminal, String prompt, boolean newPassword) {
    if (!terminal.isAttached()) {
      throw new CliFailure(
          ExitCodes.INVALID_INPUT,
          "No terminal is attached to prompt for the password; pass --password-stdin or"
              + " --password-file FILE");
    }
    String password = secret(terminal, prompt);
    if (newPassword && !password.equals(secret(terminal, "Repeat the password: "))) {
      throw new CliFailure(
          ExitCodes.INVALID_INPUT, "The two passwords differ; nothing was changed, run it again");
    }
    return password;
  }

  private static String secret(Terminal terminal, String prompt) {
    char[] typed = terminal.readSecret(prompt).orElse(new char[0]);
    String password = new String(typed);
    Arrays.fill(typed, ' ');
    return password;
  }

  private static String readFile(Path file) {
    try {
      return firstLine(
          Files.readAllBytes(file),
          "The first line of the password file "
              + file
              + " is not valid UTF-8; save the password in UTF-8");
    } catch (NoSuchFileException missing) {
      throw new CliFailure(
          ExitCodes.INVALID_INPUT,
          "The password file " + file + " does not exist; create it or correct the path");
    } catch (IOException unreadable) {
      throw new CliFailure(
          ExitCodes.INVALID_INPUT,
          "Reading the password file "
              + file
              + " failed ("
              + unreadable.getClass().getSimpleName()
              + "); make it a regular file that this user can read");
    }
  }

  private static String readStandardInput(InputStream input) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      int next = input.read();
      while (next != -1 && next != '\n' && line.size() < MAX_BYTES) {
        line.write(next);
        next = input.read();
      }
    } catch (IOException unreadable) {
      throw new CliFailure(
          ExitCodes.INVALID_INPUT,
          "Reading the password from standard input failed ("
              + unreadable.getClass().getSimpleName()
              + ")");
    }
    return firstLine(
        line.toByteArray(),
        "The password on standard input is not valid UTF-8; send the password in UTF-8");
  }

  /**
   * Returns the text up to the first line break, without a carriage return before it.
   *
   * @throws CliFailure with {@code invalidMessage} if that line is not valid UTF-8
   */
  private static String firstLine(byte[] content, String invalidMessage) {
    int end = 0;
    while (end < content.length && content[end] != '\n') {
      end++;
    }
    if (end > 0 && content[end - 1] == '\r') {
      end--;
    }
    // A decoder that reports invalid input, where new String(...) would put U+FFFD in its place
    // and so change the password.
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return strict.decode(ByteBuffer.wrap(content, 0, end)).toString();
    } catch (CharacterCodingException notUtf8) {
      throw new CliFailure(ExitCodes.INVALID_INPUT, invalidMessage);
    }
  }
}
