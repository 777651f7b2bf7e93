package io.croupier.adapter.out.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up step that makes the master collections and their indexes: a unique index on {@code
 * organizations.organization_name}, the listing index on {@code organizations} ({@code state},
 * {@code created_at} descending, {@code _id} descending), the placement indexes on {@code
 * organizations} and the shared tier's {@code tenant_documents} listed at their methods, a unique
 * index on {@code admin_users.email} and an index on {@code admin_users.organization_id}, and the
 * indexes of the session and audit collections listed at {@link #prepareSecurityCollections}.
 * Running it again changes nothing.
 */
public final class MongoSchema {

  /**
   * Name of the index that serves the newest-first listing. It starts with the state, which every
   * listing query matches exactly, then sorts by creation time with the id as tie-break. A keyset
   * page therefore scans only the keys it returns, and a count of active organizations scans only
   * the index.
   */
  public static final String LISTING_INDEX = "state_1_created_at_-1__id_-1";

  private static final String EXPIRES_AT = "expires_at";

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
          .getCollection(OrganizationDocuments.COLLECTION)
          .createIndex(
              Indexes.compoundIndex(
                  Indexes.ascending(OrganizationDocuments.STATE),
                  Indexes.descending(OrganizationDocuments.CREATED_AT, OrganizationDocuments.ID)),
              new IndexOptions().name(LISTING_INDEX));
      prepareOrganizationPlacement(database);
      prepareSharedTenantDocuments(database);
      database
          .getCollection(AdminDocuments.COLLECTION)
          .createIndex(Indexes.ascending(AdminDocuments.EMAIL), unique);
      database
          .getCollection(AdminDocuments.COLLECTION)
          .createIndex(Indexes.ascending(AdminDocuments.ORGANIZATION_ID));
      prepareSecurityCollections(database);
    } catch (MongoException failure) {
      throw MongoFailures.unavailable(
          "Preparing the master collections in database '" + database.getName() + "'", failure);
    }

    LOG.info(
        "Prepared collections {}, {}, {}, {}, {}, {} and {} with their indexes in database {}",
        OrganizationDocuments.COLLECTION,
        SharedTenantStorage.COLLECTION,
        AdminDocuments.COLLECTION,
        RefreshTokenDocuments.COLLECTION,
        MongoRevokedTokens.COLLECTION,
        MongoLoginFailureLog.COLLECTION,
        AuditEventDocuments.COLLECTION,
        database.getName());
  }

  /**
   * Creates the indexes on {@code organizations} for the recovery's search for unsettled
   * organizations, on {@code move} and on {@code renaming}, and for the count per tier, on {@code
   * state} and {@code tier}. The search's condition on the state uses the listing index.
   */
  private static void prepareOrganizationPlacement(MongoDatabase database) {
    MongoCollection<Document> organizations =
        database.getCollection(OrganizationDocuments.COLLECTION);
    organizations.createIndex(Indexes.ascending(OrganizationDocuments.MOVE));
    organizations.createIndex(Indexes.ascending(OrganizationDocuments.RENAMING));
    organizations.createIndex(
        Indexes.ascending(OrganizationDocuments.STATE, OrganizationDocuments.TIER));
  }

  /**
   * Creates the collection of the shared tier with two indexes. The unique index on the
   * organization id and the document id also serves lookups by id. The index on the organization
   * id, creation time and document id serves one organization's pages in creation order.
   */
  private static void prepareSharedTenantDocuments(MongoDatabase database) {
    MongoCollection<Document> shared = database.getCollection(SharedTenantStorage.COLLECTION);
    shared.createIndex(
        Indexes.ascending(TenantDocumentMapping.ORGANIZATION_ID, TenantDocumentMapping.DOCUMENT_ID),
        new IndexOptions().unique(true));
    shared.createIndex(
        Indexes.ascending(
            TenantDocumentMapping.ORGANIZATION_ID,
            TenantDocumentMapping.CREATED_AT,
            TenantDocumentMapping.DOCUMENT_ID));
  }

  /**
   * Creates the indexes of the collections behind sessions, login limits and the audit log, each
   * with a TTL index on {@code expires_at} that deletes a document once that time has passed:
   *
   * <ul>
   *   <li>{@code refresh_tokens}: its {@code _id} is the token hash, unique by nature, and an index
   *       on {@code session_id} serves the revocation of a whole session;
   *   <li>{@code revoked_tokens}: looked up by {@code _id} only;
   *   <li>{@code login_failures}: {@code key}, then {@code time} and {@code _id} descending, for
   *       the newest failures of a key;
   *   <li>{@code audit_events}: {@code organization_id}, then {@code time} and {@code _id}
   *       descending, for paging, and {@code organization_name} with {@code time} descending, for
   *       finding an organization by a name it once had.
   * </ul>
   */
  private static void prepareSecurityCollections(MongoDatabase database) {
    // NOTE: the embedded store (mongo-java-server 1.47) keeps the TTL option but has no code that
    // deletes expired documents, so there these collections grow until the data folder is reset.
    // Reads stay correct, because every adapter filters on the expiry or the time itself.
    IndexOptions expiresAtTime = new IndexOptions().expireAfter(0L, TimeUnit.SECONDS);
    for (String collection :
        List.of(
            RefreshTokenDocuments.COLLECTION,
            MongoRevokedTokens.COLLECTION,
            MongoLoginFailureLog.COLLECTION,
            AuditEventDocuments.COLLECTION)) {
      database.getCollection(collection).createIndex(Indexes.ascending(EXPIRES_AT), expiresAtTime);
    }

    database
        .getCollection(RefreshTokenDocuments.COLLECTION)
        .createIndex(Indexes.ascending(RefreshTokenDocuments.SESSION_ID));
    database
        .getCollection(MongoLoginFailureLog.COLLECTION)
        .createIndex(
            Indexes.compoundIndex(
                Indexes.ascending(MongoLoginFailureLog.KEY),
                Indexes.descending(MongoLoginFailureLog.TIME, MongoLoginFailureLog.ID)));
    database
        .getCollection(AuditEventDocuments.COLLECTION)
        .createIndex(
            Indexes.compoundIndex(
                Indexes.ascending(AuditEventDocuments.ORGANIZATION_ID),
                Indexes.descending(AuditEventDocuments.TIME, AuditEventDocuments.ID)));
    database
        .getCollection(AuditEventDocuments.COLLECTION)
        .createIndex(
            Indexes.compoundIndex(
                Indexes.ascending(AuditEventDocuments.ORGANIZATION_NAME),
                Indexes.descending(AuditEventDocuments.TIME)));
  }
}
