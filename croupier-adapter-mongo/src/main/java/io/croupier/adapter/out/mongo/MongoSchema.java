package io.croupier.adapter.out.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up step that makes the master collections and their indexes: a unique index on {@code
 * organizations.organization_name}, a unique index on {@code admin_users.email} and an index on
 * {@code admin_users.organization_id}. Running it again changes nothing.
 */
public final class MongoSchema {

  private static final Logger LOG = LoggerFactory.getLogger(MongoSchema.class);

  private MongoSchema() {}

  /**
   * Creates the master collections and indexes that are missing.
   *
   * @throws io.croupier.application.port.out.StoreUnavailable if MongoDB fails or is unreachable
   */
  public static void prepare(MongoDatabase database) {
    Objects.requireNonNull(database, "database");
    IndexOptions unique = new IndexOptions().unique(true);

    // createIndex creates a missing collection, and does nothing for an index that exists with
    // the same keys and options.
    try {
      database
          .getCollection(OrganizationDocuments.COLLECTION)
          .createIndex(Indexes.ascending(OrganizationDocuments.NAME), unique);
      database
          .getCollection(AdminDocuments.COLLECTION)
          .createIndex(Indexes.ascending(AdminDocuments.EMAIL), unique);
      database
          .getCollection(AdminDocuments.COLLECTION)
          .createIndex(Indexes.ascending(AdminDocuments.ORGANIZATION_ID));
    } catch (MongoException failure) {
      throw MongoFailures.unavailable(
          "Preparing the master collections in database '" + database.getName() + "'", failure);
    }

    LOG.info(
        "Prepared collections {} and {} with their indexes in database {}",
        OrganizationDocuments.COLLECTION,
        AdminDocuments.COLLECTION,
        database.getName());
  }
}
