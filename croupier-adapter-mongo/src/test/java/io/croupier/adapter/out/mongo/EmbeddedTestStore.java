package io.croupier.adapter.out.mongo;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Embedded store in a folder with an open client, for one test class. */
public final class EmbeddedTestStore implements AutoCloseable {

  /** Short enough that a test of a stopped store takes well under a minute. */
  public static final Duration TIMEOUT = Duration.ofMillis(500);

  private final MongoConnection connection;

  private EmbeddedTestStore(MongoConnection connection) {
    this.connection = connection;
  }

  /** Starts the embedded store in the folder and prepares the master collections. */
  public static EmbeddedTestStore start(Path dataFolder) {
    MongoConnection connection =
        MongoConnection.open(Optional.empty(), dataFolder, TIMEOUT, TIMEOUT);
    MongoSchema.prepare(connection.database());
    return new EmbeddedTestStore(connection);
  }

  /** Returns the master database, named {@value MongoConnection#DEFAULT_DATABASE}. */
  public MongoDatabase masterDatabase() {
    return connection.database();
  }

  /** Returns another database of the same store. */
  public MongoDatabase database(String name) {
    return connection.client().getDatabase(name);
  }

  /** Returns the underlying connection. */
  public MongoConnection connection() {
    return connection;
  }

  @Override
  public void close() {
    connection.close();
  }
}
