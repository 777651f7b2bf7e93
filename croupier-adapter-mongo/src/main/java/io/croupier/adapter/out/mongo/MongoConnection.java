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
    Objects.requireNonNull(connectionString, "connectionString");
    Objects.requireNonNull(dataFolder, "dataFolder");
    Objects.requireNonNull(serverSelectionTimeout, "serverSelectionTimeout");
    Objects.requireNonNull(connectTimeout, "connectTimeout");

    Optional<String> external = connectionString.filter(value -> !value.isBlank());
    if (external.isPresent()) {
      ConnectionString parsed = parse(external.get());
      MongoClient client = createClient(parsed, serverSelectionTimeout, connectTimeout);
      String databaseName = Optional.ofNullable(parsed.getDatabase()).orElse(DEFAULT_DATABASE);
      LOG.info("Using MongoDB at {} with database {}", parsed.getHosts(), databaseName);
      return new MongoConnection(client, databaseName, Optional.empty());
    }

    EmbeddedMongoStore store = EmbeddedMongoStore.start(dataFolder);
    try {
      ConnectionString parsed = new ConnectionString(store.connectionString());
      MongoClient client = createClient(parsed, serverSelectionTimeout, connectTimeout);
      return new MongoConnection(client, DEFAULT_DATABASE, Optional.of(store));
    } catch (RuntimeException failure) {
      store.close();
      throw failure;
    }
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
      ConnectionString connectionString, Duration serverSelectionTimeout, Duration connectTimeout) {
    MongoClientSettings settings =
        MongoClientSettings.builder()
            .applyToClusterSettings(
                cluster ->
                    cluster.serverSelectionTimeout(
                        serverSelectionTimeout.toMillis(), TimeUnit.MILLISECONDS))
            .applyToSocketSettings(
                socket -> socket.connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS))
            .applyConnectionString(connectionString)
            .build();
    return MongoClients.create(settings);
  }

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
