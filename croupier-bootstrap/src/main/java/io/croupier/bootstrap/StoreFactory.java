package io.croupier.bootstrap;

import com.mongodb.client.MongoDatabase;
import io.croupier.adapter.out.mongo.MongoConnection;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the server's store: the embedded one unless a MongoDB connection string is set. The
 * embedded store's address is published in the data folder while the server runs, so that the
 * command line can use the store at the same time.
 */
@Factory
final class StoreFactory {

  private static final Logger LOG = LoggerFactory.getLogger(StoreFactory.class);

  @Context
  @Bean(preDestroy = "close")
  MongoConnection mongoConnection(CroupierSettings settings) {
    if (settings.mongodbUri().isEmpty()) {
      LOG.info("Starting the embedded store in {}", settings.dataDir());
    }
    Duration timeout = settings.storeTimeout();
    MongoConnection connection =
        MongoConnection.openAndPublish(settings.mongodbUri(), settings.dataDir(), timeout);
    LOG.info(
        "Store: {}, master database {}, timeout {}",
        connection.embeddedStore().isPresent()
            ? "embedded (data in " + settings.dataDir() + ")"
            : "external MongoDB",
        connection.databaseName(),
        timeout);
    return connection;
  }

  @Singleton
  MongoDatabase masterDatabase(MongoConnection connection) {
    return connection.database();
  }
}
