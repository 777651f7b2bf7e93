package io.croupier.adapter.out.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.croupier.application.port.out.TenantDocuments;
import io.croupier.application.port.out.TenantLocation;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The database tier: a database of the organization's own, named by {@link TenantDatabaseNames}
 * after the master database and the organization id, with its documents in the collection {@code
 * documents}. A rename moves nothing; dropping the storage drops the database. The database uses
 * the master database's codecs, read preference, read concern and write concern.
 */
final class DatabaseTenantStorage implements TenantStorage {

  static final String COLLECTION = "documents";

  private final MongoClient client;
  private final MongoDatabase master;

  DatabaseTenantStorage(MongoClient client, MongoDatabase master) {
    this.client = Objects.requireNonNull(client, "client");
    this.master = Objects.requireNonNull(master, "master");
  }

  /** Returns the name of the organization's database. */
  String databaseName(TenantPlacement placement) {
    return TenantDatabaseNames.of(master.getName(), placement.organizationId());
  }

  private MongoDatabase database(TenantPlacement placement) {
    return client
        .getDatabase(databaseName(placement))
        .withCodecRegistry(master.getCodecRegistry())
        .withReadPreference(master.getReadPreference())
        .withReadConcern(master.getReadConcern())
        .withWriteConcern(master.getWriteConcern());
  }

  @Override
  public TenantLocation locate(TenantPlacement placement) {
    return new TenantLocation(COLLECTION, "Database: " + databaseName(placement));
  }

  @Override
  public void create(TenantPlacement placement) {
    // Storage that exists already is a leftover, which is reported and never reused.
    if (exists(placement)) {
      throw new OrganizationNameTaken(placement.storageName());
    }
    MongoDatabase database = database(placement);
    try {
      database.createCollection(COLLECTION);
    } catch (MongoCommandException failure) {
      if (failure.getErrorCode() == MongoTenantStorage.NAMESPACE_EXISTS) {
        throw new OrganizationNameTaken(placement.storageName());
      }
      throw MongoFailures.unavailable(describe("Creating", database), failure);
    } catch (MongoException failure) {
      throw MongoFailures.unavailable(describe("Creating", database), failure);
    }

    try {
      MongoTenantStorage.createPageIndex(database.getCollection(COLLECTION));
    } catch (MongoException failure) {
      // The caller treats a failed create as nothing created, so the new database goes too.
      try {
        database.drop();
      } catch (MongoException dropFailure) {
        failure.addSuppressed(dropFailure);
      }
      throw MongoFailures.unavailable(describe("Indexing", database), failure);
    }
  }

  @Override
  public void rename(TenantPlacement placement, OrganizationName to) {
    // The database is named after the organization id, which a rename keeps.
  }

  @Override
  public void drop(TenantPlacement placement) {
    MongoDatabase database = database(placement);
    try {
      // dropDatabase succeeds for a database that does not exist.
      database.drop();
    } catch (MongoException failure) {
      throw MongoFailures.unavailable(describe("Dropping", database), failure);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The storage exists while the database contains the {@code documents} collection. The
   * embedded store (mongo-java-server 1.47) registers an empty database when the collections of a
   * missing one are listed. That database has no collection, so it does not count as existing.
   */
  @Override
  public boolean exists(TenantPlacement placement) {
    MongoDatabase database = database(placement);
    List<String> names = new ArrayList<>();
    try {
      database.listCollectionNames().filter(Filters.eq("name", COLLECTION)).into(names);
    } catch (MongoException failure) {
      throw MongoFailures.unavailable(describe("Listing the collections of", database), failure);
    }
    return names.contains(COLLECTION);
  }

  @Override
  public TenantDocuments documents(TenantPlacement placement) {
    MongoDatabase database = database(placement);
    return MongoTenantDocuments.own(
        database.getCollection(COLLECTION), "tenant database '" + database.getName() + "'");
  }

  private static String describe(String action, MongoDatabase database) {
    return action + " tenant database '" + database.getName() + "'";
  }
}
