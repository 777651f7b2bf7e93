package io.croupier.adapter.out.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.croupier.application.port.out.StoreUnavailable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open MongoDB client and the name of the master database: the external MongoDB named by a
 * connection string, or else the embedded store in a data folder. Closing it closes the client and
 * stops the embedded store.
 */
public final class MongoConnection implements AutoCloseable {

  /** Master database used when the connection string names none. */
  public static final String DEFAULT_DATABASE = "croupier";

  /** Time to wait for a usable server before an operation fails. */
  public static final Duration DEFAULT_SERVER_SELECTION_TIMEOUT = Duration.ofSeconds(5);

  /** Time to wait for a TCP connection to a server. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(MongoConnection.class);

  private final MongoClient client;
  private final String databaseName;
  private final Optional<EmbeddedMongoStore> embeddedStore;

  private MongoConnection(
      MongoClient client, String databaseName, Optional<EmbeddedMongoStore> embeddedStore) {
    this.client = client;
    this.databaseName = databaseName;
    this.embeddedStore = embeddedStore;
  }

  /** Opens a connection with the default timeouts; see the four-argument method. */
  public static MongoConnection open(Optional<String> connectionString, Path dataFolder) {
    return open(
        connectionString, dataFolder, DEFAULT_SERVER_SELECTION_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
  }

  /**
   * Opens a client on the connection string, or, when it is empty or blank, starts the embedded
   * store in the data folder and opens a client on that. The timeouts bound how long an operation
   * waits for an unreachable server. Options in the connection string take precedence over them. No
   * server is contacted here, so call {@link #ping()} to check that the store responds.
   *
   * @throws IllegalArgumentException if the connection string is invalid
   * @throws EmbeddedStoreLocked if the embedded store's data folder is in use by another process
   */
  public static MongoConnection open(
      Optional<String> connectionString,
      Path dataFolder,
      Duration serverSelectionTimeout,
      Duration connectTimeout) {
    Objects.requireNonNull(serverSelectionTimeout, "serverSelectionTimeout");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    return open(
        connectionString,
        dataFolder,
        new ClientTimeouts(serverSelectionTimeout, connectTimeout, Optional.empty()));
  }

  /**
   * Opens a connection like {@link #open(Optional, Path, Duration, Duration)}, with one timeout for
   * server selection, connecting, reading a reply from a connected server and waiting for a pooled
   * connection. An operation on a store that is down or stopped replying therefore fails after
   * about that time, or about twice that for a read, which the driver retries once after a
   * timed-out reply. Options in the connection string take precedence.
   *
   * @throws IllegalArgumentException if the connection string is invalid or the timeout is not
   *     positive
   * @throws EmbeddedStoreLocked if the embedded store's data folder is in use by another process
   */
  public static MongoConnection open(
      Optional<String> connectionString, Path dataFolder, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "The store timeout " + timeout + " is invalid; give a positive duration");
    }
    return open(
        connectionString, dataFolder, new ClientTimeouts(timeout, timeout, Optional.of(timeout)));
  }

  private static MongoConnection open(
      Optional<String> connectionString, Path dataFolder, ClientTimeouts timeouts) {
    Objects.requireNonNull(connectionString, "connectionString");
    Objects.requireNonNull(dataFolder, "dataFolder");

    Optional<String> external = connectionString.filter(value -> !value.isBlank());
    if (external.isPresent()) {
      ConnectionString parsed = parse(external.get());
      MongoClient client = createClient(parsed, timeouts);
      String databaseName = Optional.ofNullable(parsed.getDatabase()).orElse(DEFAULT_DATABASE);
      LOG.info("Using MongoDB at {} with database {}", parsed.getHosts(), databaseName);
      return new MongoConnection(client, databaseName, Optional.empty());
    }

    EmbeddedMongoStore store = EmbeddedMongoStore.start(dataFolder);
    try {
      ConnectionString parsed = new ConnectionString(store.connectionString());
      MongoClient client = createClient(parsed, timeouts);
      return new MongoConnection(client, DEFAULT_DATABASE, Optional.of(store));
    } catch (RuntimeException failure) {
      store.close();
      throw failure;
    }
  }

  /**
   * Opens a connection like {@link #open(Optional, Path)} and, on the embedded store, publishes the
   * store's address in the data folder, so that command-line clients can use the store while this
   * process runs. Closing the connection deletes the address file.
   *
   * @throws IllegalArgumentException if the connection string is invalid
   * @throws EmbeddedStoreLocked if the embedded store's data folder is in use by another process
   */
  public static MongoConnection openAndPublish(Optional<String> connectionString, Path dataFolder) {
    return publish(open(connectionString, dataFolder));
  }

  /**
   * Opens a connection like {@link #open(Optional, Path, Duration)}, with one timeout for every
   * wait, and publishes the embedded store's address like {@link #openAndPublish(Optional, Path)}.
   *
   * @throws IllegalArgumentException if the connection string is invalid or the timeout is not
   *     positive
   * @throws EmbeddedStoreLocked if the embedded store's data folder is in use by another process
   */
  public static MongoConnection openAndPublish(
      Optional<String> connectionString, Path dataFolder, Duration timeout) {
    return publish(open(connectionString, dataFolder, timeout));
  }

  private static MongoConnection publish(MongoConnection connection) {
    connection.embeddedStore().ifPresent(EmbeddedMongoStore::publishAddress);
    return connection;
  }

  /**
   * Opens a connection for a short-lived client such as the command line. It behaves like {@link
   * #open(Optional, Path, Duration, Duration)}, except when another process locks the embedded
   * store's data folder: then it connects to the store that process published with {@link
   * #openAndPublish}, after checking that the address is on 127.0.0.1 and answers a ping.
   *
   * @throws IllegalArgumentException if the connection string is invalid
   * @throws StoreUnavailable with a message for the operator if the data folder is in use and no
   *     published address answers
   */
  public static MongoConnection openOrJoin(
      Optional<String> connectionString,
      Path dataFolder,
      Duration serverSelectionTimeout,
      Duration connectTimeout) {
    try {
      return open(connectionString, dataFolder, serverSelectionTimeout, connectTimeout);
    } catch (EmbeddedStoreLocked locked) {
      return join(locked, serverSelectionTimeout, connectTimeout);
    }
  }

  private static MongoConnection join(
      EmbeddedStoreLocked locked, Duration serverSelectionTimeout, Duration connectTimeout) {
    Path folder = locked.dataFolder();
    Optional<ConnectionString> address =
        EmbeddedMongoStore.publishedAddress(folder).flatMap(MongoConnection::parseLoopback);
    if (address.isEmpty()) {
      throw new StoreUnavailable(folderInUse(folder, "published no address to reach it"), locked);
    }

    MongoClient client =
        createClient(
            address.get(),
            new ClientTimeouts(serverSelectionTimeout, connectTimeout, Optional.empty()));
    MongoConnection joined = new MongoConnection(client, DEFAULT_DATABASE, Optional.empty());
    try {
      joined.ping();
    } catch (StoreUnavailable unreachable) {
      joined.close();
      throw new StoreUnavailable(
          folderInUse(folder, "does not answer at the address it published"), unreachable);
    }
    LOG.info("Using the embedded store of the process that locks {}", folder);
    return joined;
  }

  /** Accepts only a published address of one host on 127.0.0.1, as the embedded store writes. */
  private static Optional<ConnectionString> parseLoopback(String address) {
    try {
      ConnectionString parsed = new ConnectionString(address);
      List<String> hosts = parsed.getHosts();
      boolean loopback = hosts.size() == 1 && hosts.get(0).startsWith("127.0.0.1:");
      return loopback ? Optional.of(parsed) : Optional.empty();
    } catch (IllegalArgumentException invalid) {
      return Optional.empty();
    }
  }

  private static String folderInUse(Path folder, String problem) {
    return "Another Croupier process (a server or a command) is using the data folder "
        + folder
        + " and "
        + problem
        + ", so wait for it or stop it and retry, or pass --mongodb-uri (or set CROUPIER_MONGODB_URI)"
        + " to use a MongoDB server instead.";
  }

  private static ConnectionString parse(String connectionString) {
    try {
      return new ConnectionString(connectionString);
    } catch (IllegalArgumentException invalid) {
      // The driver's message could quote part of the string, which can contain a password, so
      // neither the message nor the string appears here.
      throw new IllegalArgumentException(
          "The MongoDB connection string is invalid. Use the form"
              + " mongodb://user:password@host:27017/database or mongodb+srv://host/database,"
              + " with a numeric port and with special characters in the user name and password"
              + " percent-encoded.");
    }
  }

  private static MongoClient createClient(
      ConnectionString connectionString, ClientTimeouts timeouts) {
    long serverSelection = timeouts.serverSelection().toMillis();
    long connect = timeouts.connect().toMillis();
    MongoClientSettings.Builder settings =
        MongoClientSettings.builder()
            .applyToClusterSettings(
                cluster -> cluster.serverSelectionTimeout(serverSelection, TimeUnit.MILLISECONDS))
            .applyToSocketSettings(socket -> socket.connectTimeout(connect, TimeUnit.MILLISECONDS));
    timeouts
        .readAndPoolWait()
        .map(Duration::toMillis)
        .ifPresent(
            millis ->
                settings
                    .applyToSocketSettings(
                        socket -> socket.readTimeout(millis, TimeUnit.MILLISECONDS))
                    .applyToConnectionPoolSettings(
                        pool -> pool.maxWaitTime(millis, TimeUnit.MILLISECONDS)));
    return MongoClients.create(settings.applyConnectionString(connectionString).build());
  }

  /**
   * Timeouts of a new client. Without {@code readAndPoolWait}, a read waits as long as the
   * connection string allows (by default without limit) and a pool checkout the driver's default 2
   * minutes.
   */
  private record ClientTimeouts(
      Duration serverSelection, Duration connect, Optional<Duration> readAndPoolWait) {}

  /** Returns the open client. */
  public MongoClient client() {
    return client;
  }

  /** Returns the name of the master database. */
  public String databaseName() {
    return databaseName;
  }

  /** Returns the master database. */
  public MongoDatabase database() {
    return client.getDatabase(databaseName);
  }

  /** Returns the embedded store this connection started, or empty for an external MongoDB. */
  public Optional<EmbeddedMongoStore> embeddedStore() {
    return embeddedStore;
  }

  /**
   * Sends a ping to the master database.
   *
   * @throws StoreUnavailable if no server responds within the server selection timeout
   */
  public void ping() {
    try {
      database().runCommand(new Document("ping", 1));
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Pinging database '" + databaseName + "'", failure);
    }
  }

  /** Closes the client, then stops the embedded store if this connection started one. */
  @Override
  public void close() {
    client.close();
    embeddedStore.ifPresent(EmbeddedMongoStore::close);
  }
}
