package io.croupier.adapter.out.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.croupier.application.port.out.TenantDocuments;
import io.croupier.application.port.out.TenantLocation;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.domain.InvalidField;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The collection tier: one collection {@code org_<name>} per organization in the master database,
 * named after the storage name of the placement. Renames use {@code renameCollection} without
 * {@code dropTarget}, so existing data is never replaced.
 */
final class CollectionTenantStorage implements TenantStorage {

  static final String COLLECTION_PREFIX = "org_";

  private final MongoDatabase database;

  CollectionTenantStorage(MongoDatabase database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /** Returns the collection name of the organization's data: {@code org_<name>}. */
  static String collectionName(OrganizationName name) {
    return COLLECTION_PREFIX + name.value();
  }

  @Override
  public TenantLocation locate(TenantPlacement placement) {
    String collection = collectionName(placement.storageName());
    return new TenantLocation(collection, "Collection: " + collection);
  }

  @Override
  public void create(TenantPlacement placement) {
    OrganizationName name = placement.storageName();
    checkNamespaceLength(name);
    String collection = collectionName(name);

    // mongos, and recent mongod releases, report success for "create" on a collection that
    // already exists with the same options, so the existence check comes first. The services
    // store the metadata before they create or rename storage, and its unique name index admits
    // one request per name, so no other request creates or renames onto this name meanwhile.
    if (exists(placement)) {
      throw new OrganizationNameTaken(name);
    }
    try {
      database.createCollection(collection);
    } catch (MongoCommandException failure) {
      if (failure.getErrorCode() == MongoTenantStorage.NAMESPACE_EXISTS) {
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
      MongoTenantStorage.createPageIndex(database.getCollection(collection));
    } catch (MongoException failure) {
      // The caller treats a failed create as nothing created, so the bare collection goes too.
      try {
        database.getCollection(collection).drop();
      } catch (MongoException dropFailure) {
        failure.addSuppressed(dropFailure);
      }
      throw MongoFailures.unavailable(
          "Creating the index of tenant collection '" + collection + "'", failure);
    }
  }

  @Override
  public void rename(TenantPlacement placement, OrganizationName to) {
    OrganizationName from = placement.storageName();
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
      if (failure.getErrorCode() == MongoTenantStorage.NAMESPACE_EXISTS) {
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
  public void drop(TenantPlacement placement) {
    String collection = collectionName(placement.storageName());
    try {
      // The driver treats "namespace not found" as success, so a missing collection is no error.
      database.getCollection(collection).drop();
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Dropping tenant collection '" + collection + "'", failure);
    }
  }

  @Override
  public boolean exists(TenantPlacement placement) {
    String collection = collectionName(placement.storageName());
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

  @Override
  public TenantDocuments documents(TenantPlacement placement) {
    String collection = collectionName(placement.storageName());
    return MongoTenantDocuments.own(
        database.getCollection(collection), "tenant collection '" + collection + "'");
  }

  /** Returns how many collections named {@code org_<name>} the master database holds. */
  long countCollections() {
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
    if (namespaceBytes <= MongoTenantStorage.MAX_NAMESPACE_BYTES) {
      return;
    }
    int maxNameLength =
        MongoTenantStorage.MAX_NAMESPACE_BYTES - databaseBytes - 1 - COLLECTION_PREFIX.length();
    throw new InvalidField(
        OrganizationName.FIELD,
        "Organization name '"
            + name
            + "' makes the collection namespace "
            + namespaceBytes
            + " bytes long, over MongoDB's limit of "
            + MongoTenantStorage.MAX_NAMESPACE_BYTES
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
