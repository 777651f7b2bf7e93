package io.croupier.adapter.in.cli;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Store a command works on: the MongoDB named by the connection string, or else the embedded store
 * in the data folder.
 */
public record StoreSelection(Optional<String> mongodbUri, Path dataDir) {

  public StoreSelection {
    Objects.requireNonNull(mongodbUri, "mongodbUri");
    Objects.requireNonNull(dataDir, "dataDir");
  }

  @Override
  public String toString() {
    // The connection string can carry a password, so only its presence is shown.
    return "StoreSelection[" + (mongodbUri.isPresent() ? "external MongoDB" : dataDir) + "]";
  }
}
