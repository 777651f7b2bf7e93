package io.croupier.adapter.out.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One MongoDB 7 container, started on first use and shared by every test class of the run.
 * Testcontainers removes it when the JVM exits. Test classes that use it carry
 * {@code @Testcontainers(disabledWithoutDocker = true)}, so without Docker they are skipped.
 */
public final class RealMongo {

  private static MongoDBContainer container;
  private static MongoClient client;

  private RealMongo() {}

  /** Returns the master database, with the master collections prepared. */
  public static synchronized MongoDatabase masterDatabase() {
    MongoDatabase database = database(MongoConnection.DEFAULT_DATABASE);
    MongoSchema.prepare(database);
    return database;
  }

  /** Returns a database of the shared container, starting the container on first use. */
  public static synchronized MongoDatabase database(String name) {
    return client().getDatabase(name);
  }

  /** Returns the client of the shared container, starting the container on first use. */
  public static synchronized MongoClient client() {
    if (client == null) {
      container = new MongoDBContainer("mongo:7");
      container.start();
      client = MongoClients.create(container.getConnectionString());
    }
    return client;
  }
}
