package io.croupier.adapter.in.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Terminal whose user gives scripted answers, and whose standard input is fixed text. */
final class ScriptedTerminal implements Terminal {

  private final boolean attached;
  private final Deque<String> answers = new ArrayDeque<>();
  private final List<String> prompts = new ArrayList<>();
  private byte[] standardInput = new byte[0];

  private ScriptedTerminal(boolean attached) {
    this.attached = attached;
  }

  /** Returns a terminal that answers prompts in the order given. */
  static ScriptedTerminal attached(String... answers) {
    ScriptedTerminal terminal = new ScriptedTerminal(true);
    terminal.answers.addAll(List.of(answers));
    return terminal;
  }

  /** Returns the state of a process without a terminal, such as one run by a script. */
  static ScriptedTerminal detached() {
    return new ScriptedTerminal(false);
  }

  ScriptedTerminal withStandardInput(String text) {
    standardInput = text.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /** Sets the bytes of standard input, which need not be valid UTF-8. */
  ScriptedTerminal withStandardInput(byte[] bytes) {
    standardInput = bytes.clone();
    return this;
  }

  /** Returns every prompt shown so far. */
  List<String> prompts() {
    return List.copyOf(prompts);
  }

  @Override
  public boolean isAttached() {
    return attached;
  }

  @Override
  public Optional<char[]> readSecret(String prompt) {
    return readLine(prompt).map(String::toCharArray);
  }

  @Override
  public Optional<String> readLine(String prompt) {
    if (!attached) {
      return Optional.empty();
    }
    prompts.add(prompt);
    return Optional.ofNullable(answers.poll());
  }

  @Override
  public InputStream standardInput() {
    return new ByteArrayInputStream(standardInput);
  }
}
