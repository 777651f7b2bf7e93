package io.croupier.bootstrap;

import com.mongodb.client.MongoDatabase;
import io.croupier.adapter.out.mongo.MongoAdminRepository;
import io.croupier.adapter.out.mongo.MongoConnection;
import io.croupier.adapter.out.mongo.MongoOrganizationRepository;
import io.croupier.adapter.out.mongo.MongoSchema;
import io.croupier.adapter.out.mongo.MongoStoreProbe;
import io.croupier.adapter.out.mongo.MongoTenantStorage;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.StoreProbe;
import io.croupier.application.port.out.TenantStorage;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store, the embedded one unless a MongoDB connection string is set, prepares its
 * collections and indexes, and provides the storage ports on top of it.
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
    MongoConnection connection = MongoConnection.open(settings.mongodbUri(), settings.dataDir());
    try {
      MongoSchema.prepare(connection.database());
    } catch (RuntimeException failure) {
      connection.close();
      throw failure;
    }
    LOG.info(
        "Store: {}, master database {}",
        connection.embeddedStore().isPresent()
            ? "embedded (data in " + settings.dataDir() + ")"
            : "external MongoDB",
        connection.databaseName());
    return connection;
  }

  @Singleton
  MongoDatabase masterDatabase(MongoConnection connection) {
    return connection.database();
  }

  @Singleton
  OrganizationRepository organizations(MongoDatabase database) {
    return new MongoOrganizationRepository(database);
  }

  @Singleton
  AdminRepository admins(MongoDatabase database) {
    return new MongoAdminRepository(database);
  }

  @Singleton
  TenantStorage tenants(MongoDatabase database) {
    return new MongoTenantStorage(database);
  }

  @Singleton
  StoreProbe storeProbe(MongoConnection connection) {
    return new MongoStoreProbe(connection);
  }
}
