package io.croupier.adapter.in.cli;

/** Opens the store that a command selected and wires the use cases on it. */
@FunctionalInterface
public interface OperationsFactory {

  /**
   * Opens the store.
   *
   * @throws io.croupier.application.port.out.StoreUnavailable if the store cannot be reached or its
   *     data folder is in use in a way that leaves no route to it
   * @throws IllegalArgumentException if a setting, such as the connection string, is invalid
   */
  Operations open(StoreSelection selection);
}
