package io.croupier.adapter.out.mongo;

import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.bson.Document;

/** Embedded store in a folder with an open client, for one test class. */
public final class EmbeddedTestStore implements AutoCloseable {

  /** Short enough that a test of a stopped store takes well under a minute. */
  public static final Duration TIMEOUT = Duration.ofMillis(500);

  private static final int FIRST_CONTACT_ATTEMPTS = 20;

  private final MongoConnection connection;

  private EmbeddedTestStore(MongoConnection connection) {
    this.connection = connection;
  }

  /** Starts the embedded store in the folder and prepares the master collections. */
  public static EmbeddedTestStore start(Path dataFolder) {
    MongoConnection connection =
        MongoConnection.open(Optional.empty(), dataFolder, TIMEOUT, TIMEOUT);
    awaitFirstContact(connection);
    MongoSchema.prepare(connection.database());
    return new EmbeddedTestStore(connection);
  }

  /**
   * Pings the store until it responds. On a busy machine the client's first contact can take longer
   * than {@link #TIMEOUT}; once the client has found the server, later calls do not wait for it.
   */
  private static void awaitFirstContact(MongoConnection connection) {
    for (int attempt = 1; ; attempt++) {
      try {
        connection.database().runCommand(new Document("ping", 1));
        return;
      } catch (MongoTimeoutException slow) {
        if (attempt == FIRST_CONTACT_ATTEMPTS) {
          throw slow;
        }
      }
    }
  }

  /** Returns the master database, named {@value MongoConnection#DEFAULT_DATABASE}. */
  public MongoDatabase masterDatabase() {
    return connection.database();
  }

  /** Returns another database of the same store. */
  public MongoDatabase database(String name) {
    return connection.client().getDatabase(name);
  }

  /** Returns the client of the store. */
  public MongoClient client() {
    return connection.client();
  }

  /** Returns tenant storage in every tier on the master database. */
  public MongoTenantStorage tenantStorage() {
    return new MongoTenantStorage(client(), masterDatabase());
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
