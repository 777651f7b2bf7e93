package io.croupier.adapter.in.cli;

import java.io.Console;
import java.io.InputStream;
import java.util.Optional;

/** The process's console, as {@link System#console()} returns it, and {@link System#in}. */
public final class SystemTerminal implements Terminal {

  @Override
  public boolean isAttached() {
    return System.console() != null;
  }

  @Override
  public Optional<char[]> readSecret(String prompt) {
    Console console = System.console();
    return console == null
        ? Optional.empty()
        : Optional.ofNullable(console.readPassword("%s", prompt));
  }

  @Override
  public Optional<String> readLine(String prompt) {
    Console console = System.console();
    return console == null ? Optional.empty() : Optional.ofNullable(console.readLine("%s", prompt));
  }

  @Override
  public InputStream standardInput() {
    return System.in;
  }
}
