package io.croupier.adapter.in.cli;

import java.util.Map;
import java.util.Objects;

/**
 * Dependencies of the commands: the store factory, the environment variables that supply defaults
 * such as {@code CROUPIER_DATA_DIR}, the terminal and the version to print.
 */
public record CliContext(
    OperationsFactory operations,
    Map<String, String> environment,
    Terminal terminal,
    String version) {

  public CliContext {
    Objects.requireNonNull(operations, "operations");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(terminal, "terminal");
    Objects.requireNonNull(version, "version");
  }
}
