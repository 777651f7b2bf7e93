package io.croupier.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static io.croupier.adapter.out.mongo.TenantDocumentMapping.CREATED_AT;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.croupier.application.port.out.DocumentPosition;
import io.croupier.application.port.out.TenantDocuments;
import io.croupier.domain.TenantDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The documents of one organization in one MongoDB collection: either a collection of its own, in
 * which the document id is the {@code _id}, or the shared collection, in which every query and
 * write also matches {@code org_id}. Pages are read by keyset in creation order along an index on
 * the creation time and the id, so a page costs the same at any depth.
 *
 * <p>The embedded store uses no such index. There, a page of a collection of its own reads that
 * collection, and a page in the shared collection reads the organization's range of {@code _id}
 * values (see {@link TenantDocumentMapping#sharedOwner}), so its cost grows with the organization's
 * documents, not with the number of organizations.
 *
 * <p>NOTE: MongoDB creates a collection or database on the first write to it, so a write to storage
 * that was dropped meanwhile makes it again, without its indexes. The services check that the
 * organization is active and not switching tiers before each write, so only a write that passed
 * that check just before a delete or the end of a move can do this.
 */
final class MongoTenantDocuments implements TenantDocuments {

  private static final Logger LOG = LoggerFactory.getLogger(MongoTenantDocuments.class);

  /** A string that sorts after every document id, which has only ASCII letters, digits, - and _. */
  private static final String AFTER_EVERY_ID = "~";

  private final MongoCollection<Document> collection;

  /** The collection for writes, with the bound that moves rely on, if there is one. */
  private final MongoCollection<Document> writes;

  /** The organization's id in the shared collection; empty in a collection of its own. */
  private final Optional<String> sharedOrganizationId;

  private final String description;

  private MongoTenantDocuments(
      MongoCollection<Document> collection,
      Optional<String> sharedOrganizationId,
      String description) {
    this(collection, collection, sharedOrganizationId, description);
  }

  private MongoTenantDocuments(
      MongoCollection<Document> collection,
      MongoCollection<Document> writes,
      Optional<String> sharedOrganizationId,
      String description) {
    this.collection = Objects.requireNonNull(collection, "collection");
    this.writes = Objects.requireNonNull(writes, "writes");
    this.sharedOrganizationId = sharedOrganizationId;
    this.description = Objects.requireNonNull(description, "description");
  }

  /**
   * Returns these documents with each write bounded by the timeout, retries and the wait for a
   * connection included; reads keep the client's own timeouts, since a long page is no risk.
   */
  MongoTenantDocuments withWriteTimeout(Duration timeout) {
    if (timeout.isZero()) {
      return this;
    }
    MongoCollection<Document> bounded =
        collection.withTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return new MongoTenantDocuments(collection, bounded, sharedOrganizationId, description);
  }

  /** Returns the documents of a collection that contains one organization's documents only. */
  static MongoTenantDocuments own(MongoCollection<Document> collection, String description) {
    return new MongoTenantDocuments(collection, Optional.empty(), description);
  }

  /** Returns the organization's documents in a collection shared by many organizations. */
  static MongoTenantDocuments shared(
      MongoCollection<Document> collection, String organizationId, String description) {
    return new MongoTenantDocuments(collection, Optional.of(organizationId), description);
  }

  @Override
  public void insert(TenantDocument document) {
    Document stored = toBson(document);
    try {
      writes.insertOne(stored);
    } catch (MongoException failure) {
      if (MongoFailures.isDuplicateKey(failure)) {
        throw new IllegalStateException(
            "Document '" + document.id() + "' exists already in " + description);
      }
      throw unavailable("Storing document '" + document.id() + "'", failure);
    }
  }

  @Override
  public Optional<TenantDocument> find(String id) {
    Document stored;
    try {
      stored = collection.find(byId(id)).first();
    } catch (MongoException failure) {
      throw unavailable("Reading document '" + id + "'", failure);
    }
    return Optional.ofNullable(stored).map(this::fromBson);
  }

  @Override
  public boolean replace(TenantDocument document) {
    Document stored = toBson(document);
    try {
      return writes.replaceOne(byId(document.id()), stored).getMatchedCount() > 0;
    } catch (MongoException failure) {
      throw unavailable("Replacing document '" + document.id() + "'", failure);
    }
  }

  // NOTE: put() is not bounded by the write timeout. A move copies with it into a tier that no
  // client writes to before the switch, and one slow write there must not abort the move. An
  // import also puts, so an import write that is slow past a move's settle time could land in the
  // old tier after the final copy.
  @Override
  public boolean put(TenantDocument document) {
    Document stored = toBson(document);
    ReplaceOptions upsert = new ReplaceOptions().upsert(true);
    try {
      return collection.replaceOne(byId(document.id()), stored, upsert).getMatchedCount() > 0;
    } catch (MongoException failure) {
      if (!MongoFailures.isDuplicateKey(failure)) {
        throw unavailable("Storing document '" + document.id() + "'", failure);
      }
      // Two upserts of a new id raced and the other inserted first, so this one now replaces.
      LOG.debug(
          "Upsert of document {} in {} lost a race with an insert; replacing it",
          document.id(),
          description,
          failure);
    }
    try {
      return collection.replaceOne(byId(document.id()), stored, upsert).getMatchedCount() > 0;
    } catch (MongoException failure) {
      throw unavailable("Storing document '" + document.id() + "'", failure);
    }
  }

  @Override
  public boolean delete(String id) {
    try {
      return writes.deleteOne(byId(id)).getDeletedCount() > 0;
    } catch (MongoException failure) {
      throw unavailable("Deleting document '" + id + "'", failure);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the limit is negative
   */
  @Override
  public List<TenantDocument> page(Optional<DocumentPosition> after, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("Limit must not be negative, got " + limit);
    }
    if (limit == 0) {
      // MongoDB reads a limit of 0 as no limit.
      return List.of();
    }
    // In the shared collection the filter also bounds _id, which the embedded store reads as a key
    // range. MongoDB should still pick the (org_id, created_at, doc_id) index, because only that
    // index returns the documents in sort order, while the _id and (org_id, doc_id) indexes need
    // all
    // of the organization's documents sorted first. No hint is given, because the embedded store
    // (mongo-java-server 1.47.0) ignores hints, and on MongoDB a hint fails if the index is
    // missing.
    // NOTE: no test here checks the plan MongoDB picks, since the MongoDB tests need Docker.
    Bson filter = after.map(position -> owned(sortsAfter(position))).orElse(owner());
    List<Document> stored = new ArrayList<>();
    try {
      collection
          .find(filter)
          .sort(Sorts.ascending(CREATED_AT, idField()))
          .limit(limit)
          .into(stored);
    } catch (MongoException failure) {
      throw unavailable("Reading a page of documents", failure);
    }
    return stored.stream().map(this::fromBson).toList();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The filter bounds {@code _id} from both sides and the sort is on {@code _id} alone, so
   * MongoDB scans the primary index and the embedded store reads its key range in order and stops
   * at the limit. Document ids consist of ASCII letters, digits, {@code -} and {@code _}, all of
   * which sort before {@code ~}, the upper bound in a collection of its own.
   *
   * @throws IllegalArgumentException if the limit is negative
   */
  @Override
  public List<TenantDocument> pageInIdOrder(Optional<String> afterId, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("Limit must not be negative, got " + limit);
    }
    if (limit == 0) {
      return List.of();
    }
    String prefix =
        sharedOrganizationId.map(id -> TenantDocumentMapping.sharedId(id, "")).orElse("");
    Bson from =
        afterId
            .<Bson>map(id -> gt(TenantDocumentMapping.ID, prefix + id))
            .orElseGet(() -> gte(TenantDocumentMapping.ID, prefix));
    Bson filter = owned(and(from, lt(TenantDocumentMapping.ID, prefix + AFTER_EVERY_ID)));
    List<Document> stored = new ArrayList<>();
    try {
      collection
          .find(filter)
          .sort(Sorts.ascending(TenantDocumentMapping.ID))
          .limit(limit)
          .into(stored);
    } catch (MongoException failure) {
      throw unavailable("Reading a page of documents in id order", failure);
    }
    return stored.stream().map(this::fromBson).toList();
  }

  // NOTE: the embedded store (mongo-java-server 1.47.0) runs countDocuments as an aggregation over
  // the whole collection and applies the filter as a $match stage, so a count in the shared tier
  // still reads every organization's documents there. Only tier moves count documents.
  @Override
  public long count() {
    try {
      return collection.countDocuments(owner());
    } catch (MongoException failure) {
      throw unavailable("Counting documents", failure);
    }
  }

  /**
   * Matches the documents after the position in creation order. The {@code $gte} bound limits the
   * index scan to the position and later, and the {@code $or} then drops the documents of the same
   * millisecond that come before the position or are at it.
   */
  private Bson sortsAfter(DocumentPosition position) {
    Date createdAt = BsonTimestamps.toBson(position.createdAt());
    return and(
        gte(CREATED_AT, createdAt), or(gt(CREATED_AT, createdAt), gt(idField(), position.id())));
  }

  private String idField() {
    return sharedOrganizationId.isPresent()
        ? TenantDocumentMapping.DOCUMENT_ID
        : TenantDocumentMapping.ID;
  }

  /** Matches every document of the organization. */
  private Bson owner() {
    return sharedOrganizationId.map(TenantDocumentMapping::sharedOwner).orElseGet(Document::new);
  }

  /** Matches the documents of the organization that the condition matches. */
  private Bson owned(Bson condition) {
    return sharedOrganizationId.isPresent() ? and(owner(), condition) : condition;
  }

  /**
   * Matches the document with the id. In the shared collection the {@code _id} holds the
   * organization's id as well, so the filter is scoped to the organization and uses the primary
   * index, which the embedded store uses where it ignores the compound one.
   */
  private Bson byId(String id) {
    return sharedOrganizationId
        .<Bson>map(
            organizationId ->
                eq(TenantDocumentMapping.ID, TenantDocumentMapping.sharedId(organizationId, id)))
        .orElseGet(() -> eq(TenantDocumentMapping.ID, id));
  }

  private Document toBson(TenantDocument document) {
    return sharedOrganizationId
        .map(organizationId -> TenantDocumentMapping.toSharedDocument(organizationId, document))
        .orElseGet(() -> TenantDocumentMapping.toOwnDocument(document));
  }

  private TenantDocument fromBson(Document stored) {
    return TenantDocumentMapping.fromDocument(stored, idField());
  }

  private RuntimeException unavailable(String action, MongoException failure) {
    return MongoFailures.unavailable(action + " in " + description, failure);
  }
}
