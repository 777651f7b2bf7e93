package io.croupier.adapter.out.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import io.croupier.application.port.out.TenantLocation;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.domain.InvalidField;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tenant storage as one collection {@code org_<name>} per organization in the master database, with
 * an index on {@code created_at}. Renames use {@code renameCollection} without {@code dropTarget},
 * so existing data is never replaced.
 */
public final class MongoTenantStorage implements TenantStorage {

  /**
   * Maximum length in bytes of {@code <database>.<collection>} for an unsharded collection, with
   * feature compatibility version 4.4 or later.
   */
  public static final int MAX_NAMESPACE_BYTES = 255;

  static final String COLLECTION_PREFIX = "org_";
  static final String CREATED_AT = "created_at";

  private static final int NAMESPACE_EXISTS = 48;

  private final MongoDatabase database;

  /** Creates the storage in the master database; must not be null. */
  public MongoTenantStorage(MongoDatabase database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /** Returns the collection name of the organization's data: {@code org_<name>}. */
  static String collectionName(OrganizationName name) {
    return COLLECTION_PREFIX + name.value();
  }

  @Override
  public TenantLocation locate(OrganizationName name) {
    String collection = collectionName(name);
    return new TenantLocation(collection, "Collection: " + collection);
  }

  @Override
  public void create(OrganizationName name) {
    checkNamespaceLength(name);
    String collection = collectionName(name);

    // mongos, and recent mongod releases, report success for "create" on a collection that
    // already exists with the same options, so the existence check comes first. The services
    // store the metadata before they create or rename storage, and its unique name index admits
    // one request per name, so no other request creates or renames onto this name meanwhile.
    if (exists(name)) {
      throw new OrganizationNameTaken(name);
    }
    try {
      database.createCollection(collection);
    } catch (MongoCommandException failure) {
      if (failure.getErrorCode() == NAMESPACE_EXISTS) {
        throw new OrganizationNameTaken(name);
      }
      throw MongoFailures.unavailable("Creating tenant collection '" + collection + "'", failure);
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Creating tenant collection '" + collection + "'", failure);
    }

    createIndexOrDropCollection(collection);
  }

  private void createIndexOrDropCollection(String collection) {
    try {
      database.getCollection(collection).createIndex(Indexes.ascending(CREATED_AT));
    } catch (MongoException failure) {
      // The caller treats a failed create as nothing created, so the bare collection goes too.
      try {
        database.getCollection(collection).drop();
      } catch (MongoException dropFailure) {
        failure.addSuppressed(dropFailure);
      }
      throw MongoFailures.unavailable(
          "Creating the created_at index of tenant collection '" + collection + "'", failure);
    }
  }

  @Override
  public void rename(OrganizationName from, OrganizationName to) {
    if (from.equals(to)) {
      return;
    }
    checkNamespaceLength(to);
    String source = collectionName(from);
    String target = collectionName(to);

    try {
      database
          .getCollection(source)
          .renameCollection(new MongoNamespace(database.getName(), target));
    } catch (MongoCommandException failure) {
      if (failure.getErrorCode() == NAMESPACE_EXISTS) {
        throw new OrganizationNameTaken(to);
      }
      throw renameFailed(source, target, failure);
    } catch (MongoException failure) {
      throw renameFailed(source, target, failure);
    }
  }

  private static RuntimeException renameFailed(String source, String target, MongoException e) {
    return MongoFailures.unavailable(
        "Renaming tenant collection '" + source + "' to '" + target + "'", e);
  }

  @Override
  public void drop(OrganizationName name) {
    String collection = collectionName(name);
    try {
      // The driver treats "namespace not found" as success, so a missing collection is no error.
      database.getCollection(collection).drop();
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Dropping tenant collection '" + collection + "'", failure);
    }
  }

  @Override
  public boolean exists(OrganizationName name) {
    String collection = collectionName(name);
    List<String> names = new ArrayList<>();
    try {
      // The embedded store ignores the filter and lists every collection, so the result is
      // checked here as well.
      database.listCollectionNames().filter(Filters.eq("name", collection)).into(names);
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Listing tenant collection '" + collection + "'", failure);
    }
    return names.contains(collection);
  }

  /**
   * Returns how many tenant collections, named {@code org_<name>}, the master database holds. It
   * lists every collection name, so it costs one round trip that grows with the number of tenants.
   *
   * @throws io.croupier.application.port.out.StoreUnavailable if the store does not respond
   */
  public long countCollections() {
    List<String> names = new ArrayList<>();
    try {
      database.listCollectionNames().into(names);
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Listing the tenant collections", failure);
    }
    return names.stream().filter(name -> name.startsWith(COLLECTION_PREFIX)).count();
  }

  /**
   * Rejects a name whose namespace {@code <database>.org_<name>} exceeds MongoDB's limit. With
   * names of at most 50 characters this happens only in a database whose name has more than 200
   * bytes.
   */
  private void checkNamespaceLength(OrganizationName name) {
    int databaseBytes = utf8Length(database.getName());
    int namespaceBytes = databaseBytes + 1 + utf8Length(collectionName(name));
    if (namespaceBytes <= MAX_NAMESPACE_BYTES) {
      return;
    }
    int maxNameLength = MAX_NAMESPACE_BYTES - databaseBytes - 1 - utf8Length(COLLECTION_PREFIX);
    throw new InvalidField(
        OrganizationName.FIELD,
        "Organization name '"
            + name
            + "' makes the collection namespace "
            + namespaceBytes
            + " bytes long, over MongoDB's limit of "
            + MAX_NAMESPACE_BYTES
            + " bytes. Choose a name of at most "
            + maxNameLength
            + " characters for database '"
            + database.getName()
            + "'");
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
