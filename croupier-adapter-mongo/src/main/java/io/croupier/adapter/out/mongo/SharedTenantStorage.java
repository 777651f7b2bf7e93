package io.croupier.adapter.out.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.croupier.application.port.out.TenantDocuments;
import io.croupier.application.port.out.TenantLocation;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.domain.OrganizationName;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The shared tier: one collection {@code tenant_documents} in the master database for every
 * organization of the tier, each document tagged with its organization's id. The collection and its
 * indexes come from {@link MongoSchema}, so creating storage makes nothing, and the storage of an
 * organization exists while it has a document. A rename moves nothing, since documents are found by
 * organization id. Pages, {@link #exists} and {@link #drop} filter with {@link
 * TenantDocumentMapping#sharedOwner}, which the embedded store serves from a range of its primary
 * key. Counts there still read the whole collection.
 */
final class SharedTenantStorage implements TenantStorage {

  static final String COLLECTION = "tenant_documents";

  private final MongoCollection<Document> collection;

  SharedTenantStorage(MongoDatabase database) {
    this.collection = Objects.requireNonNull(database, "database").getCollection(COLLECTION);
  }

  @Override
  public TenantLocation locate(TenantPlacement placement) {
    return new TenantLocation(COLLECTION, "Shared collection: " + COLLECTION);
  }

  @Override
  public void create(TenantPlacement placement) {
    // The shared collection and its indexes exist from start-up on.
  }

  @Override
  public void rename(TenantPlacement placement, OrganizationName to) {
    // Documents are found by organization id, which a rename keeps.
  }

  @Override
  public void drop(TenantPlacement placement) {
    try {
      collection.deleteMany(ownedBy(placement));
    } catch (MongoException failure) {
      throw MongoFailures.unavailable(
          "Deleting the documents of organization "
              + placement.organizationId()
              + " from collection '"
              + COLLECTION
              + "'",
          failure);
    }
  }

  @Override
  public boolean exists(TenantPlacement placement) {
    try {
      return collection
              .find(ownedBy(placement))
              .projection(Projections.include(TenantDocumentMapping.ID))
              .first()
          != null;
    } catch (MongoException failure) {
      throw MongoFailures.unavailable(
          "Looking for documents of organization "
              + placement.organizationId()
              + " in collection '"
              + COLLECTION
              + "'",
          failure);
    }
  }

  @Override
  public TenantDocuments documents(TenantPlacement placement) {
    return MongoTenantDocuments.shared(
        collection,
        placement.organizationId(),
        "collection '" + COLLECTION + "' for organization " + placement.organizationId());
  }

  private static Bson ownedBy(TenantPlacement placement) {
    return TenantDocumentMapping.sharedOwner(placement.organizationId());
  }
}
