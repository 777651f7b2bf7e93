package io.croupier.adapter.out.mongo;

import de.bwaldvogel.mongo.MongoServer;
import io.croupier.application.port.out.StoreUnavailable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MongoDB-wire-compatible store in this process: mongo-java-server with its H2 backend, keeping its
 * data in one file inside a data folder and listening on 127.0.0.1 on a free port. Clients connect
 * with the ordinary MongoDB driver through {@link #connectionString()}.
 *
 * <p>The data survives {@link #close()} and a new start on the same folder. The store writes the
 * commands completed so far to the file every {@value #COMMIT_INTERVAL_MILLIS} ms and on close, and
 * never part of a command (see {@link ConsistentH2Backend}). A crash of the process can therefore
 * lose about the last second of writes, but leaves each command applied entirely or not at all, and
 * a command applied only if every command completed before it started is applied as well. The store
 * has no multi-document transactions, and it accepts non-unique indexes without building them.
 *
 * <p>Only one process at a time can hold the data file. A server therefore calls {@link
 * #publishAddress()}, which writes the connection string to {@value #ADDRESS_FILE_NAME} in the data
 * folder, so that command-line clients can connect to the running store instead; {@link #close()}
 * deletes that file again.
 */
public final class EmbeddedMongoStore implements AutoCloseable {

  /** Name of the data file inside the data folder. */
  public static final String DATA_FILE_NAME = "croupier.mv.db";

  /** Name of the file in the data folder that contains the connection string a server published. */
  public static final String ADDRESS_FILE_NAME = "embedded-store.address";

  /** Time between two writes of the completed commands to the data file. */
  static final long COMMIT_INTERVAL_MILLIS = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongoStore.class);
  private static final String LOOPBACK = "127.0.0.1";

  private final Path dataFile;
  private final MongoServer server;
  private final ScheduledExecutorService committer;
  private final String connectionString;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean published = new AtomicBoolean();

  private EmbeddedMongoStore(
      Path dataFile, MongoServer server, ScheduledExecutorService committer, int port) {
    this.dataFile = dataFile;
    this.server = server;
    this.committer = committer;
    this.connectionString = "mongodb://" + LOOPBACK + ":" + port;
  }

  /**
   * Starts the store on the data file in the folder, creating the folder and the file if they are
   * missing.
   *
   * @throws EmbeddedStoreLocked if another process, or another store in this one, uses the file
   * @throws UncheckedIOException if the folder cannot be created
   * @throws StoreUnavailable if the data file cannot be opened or the server cannot listen
   */
  public static EmbeddedMongoStore start(Path dataFolder) {
    return start(dataFolder, 0);
  }

  /**
   * Starts the store like {@link #start(Path)}, listening on the given port of 127.0.0.1, or on a
   * free port when it is 0. A store that starts again on the port and folder of a stopped one
   * serves that store's clients again, because the driver reconnects by itself.
   *
   * @throws EmbeddedStoreLocked if another process, or another store in this one, uses the file
   * @throws UncheckedIOException if the folder cannot be created
   * @throws StoreUnavailable if the data file cannot be opened or the port is taken
   * @throws IllegalArgumentException if the port is not 0 to 65535
   */
  public static EmbeddedMongoStore start(Path dataFolder, int port) {
    Objects.requireNonNull(dataFolder, "dataFolder");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "Port " + port + " is invalid; use 0 to 65535, where 0 picks a free port");
    }
    Path folder = createFolder(dataFolder.toAbsolutePath());
    Path dataFile = folder.resolve(DATA_FILE_NAME);

    MVStore file = openDataFile(folder, dataFile);
    restrictToOwner(dataFile, "rw-------");
    ConsistentH2Backend backend;
    try {
      backend = new ConsistentH2Backend(file);
    } catch (RuntimeException failure) {
      file.close();
      throw failure;
    }
    MongoServer server = new MongoServer(backend);
    int boundPort = listen(server, dataFile, port);
    ScheduledExecutorService committer = startCommits(backend, dataFile);

    LOG.info(
        "Started the embedded store on {}:{} with data file {}", LOOPBACK, boundPort, dataFile);
    return new EmbeddedMongoStore(dataFile, server, committer, boundPort);
  }

  /** Writes the completed commands to the data file at a fixed interval, on a daemon thread. */
  private static ScheduledExecutorService startCommits(ConsistentH2Backend backend, Path file) {
    ScheduledExecutorService committer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "embedded-store-commit");
              thread.setDaemon(true);
              return thread;
            });
    committer.scheduleWithFixedDelay(
        () -> commit(backend, file),
        COMMIT_INTERVAL_MILLIS,
        COMMIT_INTERVAL_MILLIS,
        TimeUnit.MILLISECONDS);
    return committer;
  }

  private static void commit(ConsistentH2Backend backend, Path file) {
    try {
      backend.commit();
    } catch (RuntimeException failure) {
      // Thrown on, the failure would end the schedule; the next interval tries again.
      LOG.warn("Writing the embedded store's changes to {} failed", file, failure);
    }
  }

  /**
   * Makes the path readable and writable by its owner only, because the data file contains password
   * hashes. A file system without POSIX permissions keeps its defaults.
   */
  private static void restrictToOwner(Path path, String permissions) {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException | IOException unsupported) {
      LOG.warn("Could not restrict {} to its owner: {}", path, unsupported.toString());
    }
  }

  private static Path createFolder(Path folder) {
    try {
      boolean created = !Files.exists(folder);
      Files.createDirectories(folder);
      if (created) {
        restrictToOwner(folder, "rwx------");
      }
      return folder;
    } catch (IOException failure) {
      throw new UncheckedIOException(
          "Creating the data folder "
              + folder
              + " failed. Check that the path is a folder that this user may write to.",
          failure);
    }
  }

  /**
   * Opens the data file with H2's auto-commit off, both the background commit and the commit when
   * unsaved changes reach a size, so that only {@link ConsistentH2Backend#commit()} writes it.
   */
  private static MVStore openDataFile(Path folder, Path dataFile) {
    try {
      return new MVStore.Builder()
          .fileName(dataFile.toString())
          .autoCommitDisabled()
          .autoCommitBufferSize(0)
          .open();
    } catch (MVStoreException failure) {
      if (failure.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
        throw new EmbeddedStoreLocked(folder);
      }
      throw new StoreUnavailable(
          "Opening the embedded store's data file "
              + dataFile
              + " failed. Check that the file is readable and writable and not damaged, or"
              + " choose another data folder.",
          failure);
    }
  }

  private static int listen(MongoServer server, Path dataFile, int port) {
    try {
      server.bind(new InetSocketAddress(LOOPBACK, port));
      return server.getLocalAddress().getPort();
    } catch (RuntimeException failure) {
      server.shutdownNow();
      throw new StoreUnavailable(
          "Starting the embedded store for "
              + dataFile
              + " on "
              + LOOPBACK
              + ":"
              + port
              + " failed",
          failure);
    }
  }

  /** Returns the connection string for the MongoDB driver, such as mongodb://127.0.0.1:40123. */
  public String connectionString() {
    return connectionString;
  }

  /** Returns the absolute path of the data file. */
  public Path dataFile() {
    return dataFile;
  }

  /** Returns the absolute path of the address file in this store's data folder. */
  public Path addressFile() {
    return dataFile.resolveSibling(ADDRESS_FILE_NAME);
  }

  /**
   * Writes the connection string to the address file, readable by this user only, so that other
   * processes of the same user can reach the store while it runs. A failure is logged, not thrown,
   * because the store itself works without the file.
   */
  public void publishAddress() {
    Path file = addressFile();
    try {
      Path temporary =
          Files.createTempFile(file.getParent(), ADDRESS_FILE_NAME, ".tmp", ownerOnly(file));
      try {
        Files.writeString(temporary, connectionString + "\n", StandardCharsets.UTF_8);
        moveIntoPlace(temporary, file);
      } finally {
        Files.deleteIfExists(temporary);
      }
      published.set(true);
      LOG.info("Published the embedded store's address in {}", file);
    } catch (IOException failure) {
      LOG.warn(
          "Writing the embedded store's address to {} failed, so command-line clients cannot"
              + " use the data folder while this process runs",
          file,
          failure);
    }
  }

  private static void moveIntoPlace(Path temporary, Path file) throws IOException {
    try {
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException notAtomic) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path file) {
    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    return posix
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        }
        : new FileAttribute<?>[0];
  }

  /**
   * Returns the connection string published in the data folder, or empty if there is no address
   * file or it cannot be read. The file may be left over from a process that crashed, so the store
   * at the address may be gone.
   */
  public static Optional<String> publishedAddress(Path dataFolder) {
    Path file = dataFolder.toAbsolutePath().resolve(ADDRESS_FILE_NAME);
    try {
      String address = Files.readString(file, StandardCharsets.UTF_8).strip();
      return address.isEmpty() ? Optional.empty() : Optional.of(address);
    } catch (NoSuchFileException missing) {
      return Optional.empty();
    } catch (IOException | RuntimeException unreadable) {
      LOG.warn("Reading the embedded store's address file {} failed", file, unreadable);
      return Optional.empty();
    }
  }

  /**
   * Disconnects every client, writes pending changes to the file and releases it, and deletes the
   * address file if this store published it; idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      if (published.get()) {
        deleteAddressFile();
      }
      stopCommits();
      server.shutdownNow();
      LOG.info("Stopped the embedded store with data file {}", dataFile);
    }
  }

  /**
   * Cancels the next commit and waits for one under way. The commit thread is never interrupted,
   * because H2 closes its file channel when a thread is interrupted during a write.
   */
  private void stopCommits() {
    committer.shutdown();
    try {
      if (!committer.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("A write of the embedded store's changes to {} is still running", dataFile);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void deleteAddressFile() {
    Path file = addressFile();
    try {
      Files.deleteIfExists(file);
    } catch (IOException failure) {
      LOG.warn("Deleting the embedded store's address file {} failed", file, failure);
    }
  }
}
