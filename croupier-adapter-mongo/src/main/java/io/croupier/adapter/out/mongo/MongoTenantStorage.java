package io.croupier.adapter.out.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.croupier.application.port.out.TenantDocuments;
import io.croupier.application.port.out.TenantLocation;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantTier;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;

/**
 * Tenant storage in the three tiers, each call passed to the tier that the placement names:
 *
 * <ul>
 *   <li>shared: the collection {@code tenant_documents} of the master database, see {@link
 *       SharedTenantStorage};
 *   <li>collection: a collection {@code org_<name>} in the master database, see {@link
 *       CollectionTenantStorage};
 *   <li>database: a database of the organization's own, see {@link DatabaseTenantStorage}.
 * </ul>
 */
public final class MongoTenantStorage implements TenantStorage {

  /**
   * Maximum length in bytes of {@code <database>.<collection>} for an unsharded collection, with
   * feature compatibility version 4.4 or later.
   */
  public static final int MAX_NAMESPACE_BYTES = 255;

  /** Error code of a command that would create a collection that exists. */
  static final int NAMESPACE_EXISTS = 48;

  private final CollectionTenantStorage collections;
  private final Map<TenantTier, TenantStorage> tiers = new EnumMap<>(TenantTier.class);

  /**
   * Creates the storage on the master database and the client it belongs to; neither may be null.
   * The database tier opens each organization's database through the client.
   */
  public MongoTenantStorage(MongoClient client, MongoDatabase master) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(master, "master");
    this.collections = new CollectionTenantStorage(master);
    tiers.put(TenantTier.SHARED, new SharedTenantStorage(master));
    tiers.put(TenantTier.COLLECTION, collections);
    tiers.put(TenantTier.DATABASE, new DatabaseTenantStorage(client, master));
  }

  @Override
  public TenantLocation locate(TenantPlacement placement) {
    return tier(placement).locate(placement);
  }

  @Override
  public void create(TenantPlacement placement) {
    tier(placement).create(placement);
  }

  @Override
  public void rename(TenantPlacement placement, OrganizationName to) {
    tier(placement).rename(placement, Objects.requireNonNull(to, "to"));
  }

  @Override
  public void drop(TenantPlacement placement) {
    tier(placement).drop(placement);
  }

  @Override
  public boolean exists(TenantPlacement placement) {
    return tier(placement).exists(placement);
  }

  @Override
  public TenantDocuments documents(TenantPlacement placement) {
    return tier(placement).documents(placement);
  }

  /**
   * Returns how many collections of the collection tier, named {@code org_<name>}, the master
   * database holds. It lists every collection name, so it costs one round trip that grows with the
   * number of tenants.
   *
   * @throws io.croupier.application.port.out.StoreUnavailable if the store does not respond
   */
  public long countCollections() {
    return collections.countCollections();
  }

  private TenantStorage tier(TenantPlacement placement) {
    return tiers.get(Objects.requireNonNull(placement, "placement").tier());
  }

  /**
   * Creates the index on {@code created_at} and {@code _id} of a collection that contains one
   * organization's documents. The index serves pages in creation order.
   */
  static void createPageIndex(MongoCollection<Document> collection) {
    collection.createIndex(
        Indexes.ascending(TenantDocumentMapping.CREATED_AT, TenantDocumentMapping.ID));
  }
}
