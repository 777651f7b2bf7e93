package io.croupier.adapter.out.mongo;

import java.nio.file.Path;

/** The embedded store's data file is locked, because another Croupier process uses the folder. */
public final class EmbeddedStoreLocked extends RuntimeException {

  private final transient Path dataFolder;

  public EmbeddedStoreLocked(Path dataFolder) {
    super(
        "The data folder "
            + dataFolder
            + " is in use by another Croupier process. Stop that process or choose another"
            + " data folder.");
    this.dataFolder = dataFolder;
  }

  /** Returns the folder whose data file is locked. */
  public Path dataFolder() {
    return dataFolder;
  }
}
