package io.croupier.adapter.in.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options that select the store, with the same environment variables as the server. */
final class StoreOptions {

  static final String MONGODB_URI_VARIABLE = "CROUPIER_MONGODB_URI";
  static final String DATA_DIR_VARIABLE = "CROUPIER_DATA_DIR";
  static final String DEFAULT_DATA_DIR = "./croupier-data";

  @Option(
      names = "--mongodb-uri",
      paramLabel = "URI",
      description =
          "MongoDB connection string, such as mongodb://host:27017/croupier; when set, the"
              + " embedded store is not used. Default: CROUPIER_MONGODB_URI.")
  private String mongodbUri;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Folder of the embedded store and of its generated JWT secret, used when no MongoDB"
              + " connection string is set. Default: CROUPIER_DATA_DIR, else ./croupier-data.")
  private String dataDir;

  /** Returns the store the options select, filling what they leave out from the environment. */
  StoreSelection resolve(Map<String, String> environment) {
    Optional<String> uri =
        firstPresent(mongodbUri, environment.get(MONGODB_URI_VARIABLE)).filter(v -> !v.isBlank());
    String folder =
        firstPresent(dataDir, environment.get(DATA_DIR_VARIABLE))
            .filter(value -> !value.isBlank())
            .orElse(DEFAULT_DATA_DIR);
    return new StoreSelection(uri, Path.of(folder).toAbsolutePath().normalize());
  }

  private static Optional<String> firstPresent(String option, String variable) {
    return option != null ? Optional.of(option) : Optional.ofNullable(variable);
  }
}
