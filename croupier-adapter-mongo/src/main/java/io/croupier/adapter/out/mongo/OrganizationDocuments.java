package io.croupier.adapter.out.mongo;

import com.mongodb.client.model.Filters;
import io.croupier.domain.InvalidField;
import io.croupier.domain.MovePhase;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationState;
import io.croupier.domain.TenantMove;
import io.croupier.domain.TenantTier;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * BSON mapping of {@link Organization} in the {@code organizations} collection.
 *
 * <p>Documents written before tiers existed have no {@code tier} and no {@code storage_name}, so
 * they read as the collection tier with the storage under the organization's name. {@code renaming}
 * is true while {@code storage_name} differs from {@code organization_name}. It is stored because a
 * query cannot use an index to compare two fields of a document, and recovery looks such
 * organizations up.
 */
final class OrganizationDocuments {

  static final String COLLECTION = "organizations";
  static final String ID = "_id";
  static final String NAME = "organization_name";
  static final String STORAGE_NAME = "storage_name";
  static final String RENAMING = "renaming";
  static final String ADMIN_ID = "admin_id";
  static final String STATE = "state";
  static final String TIER = "tier";
  static final String MOVE = "move";
  static final String CREATED_AT = "created_at";
  static final String UPDATED_AT = "updated_at";

  /**
   * Collection that contains the organization's documents, kept for operators who read the
   * metadata: {@code org_<name>}, the shared collection, or the collection in the organization's
   * database.
   */
  static final String COLLECTION_NAME = "collection_name";

  static final String MOVE_SOURCE = "source";
  static final String MOVE_TARGET = "target";
  static final String MOVE_PHASE = "phase";
  static final String MOVE_STARTED_AT = "started_at";
  static final String MOVE_HEARTBEAT_AT = "heartbeat_at";

  private OrganizationDocuments() {}

  static Document toDocument(Organization organization) {
    Document document =
        new Document(ID, organization.id())
            .append(NAME, organization.name().value())
            .append(STORAGE_NAME, organization.storageName().value())
            .append(RENAMING, organization.isRenaming())
            .append(ADMIN_ID, organization.adminId())
            .append(STATE, organization.state().name())
            .append(TIER, organization.tier().value())
            .append(COLLECTION_NAME, collectionName(organization))
            .append(CREATED_AT, BsonTimestamps.toBson(organization.createdAt()))
            .append(UPDATED_AT, BsonTimestamps.toBson(organization.updatedAt()));
    organization.move().ifPresent(move -> document.append(MOVE, toDocument(move)));
    return document;
  }

  /** Returns the name of the collection that contains the organization's documents. */
  static String collectionName(Organization organization) {
    return switch (organization.tier()) {
      case SHARED -> SharedTenantStorage.COLLECTION;
      case COLLECTION -> CollectionTenantStorage.collectionName(organization.storageName());
      case DATABASE -> DatabaseTenantStorage.COLLECTION;
    };
  }

  static Document toDocument(TenantMove move) {
    return new Document(MOVE_SOURCE, move.source().value())
        .append(MOVE_TARGET, move.target().value())
        .append(MOVE_PHASE, phaseValue(move.phase()))
        .append(MOVE_STARTED_AT, BsonTimestamps.toBson(move.startedAt()))
        .append(MOVE_HEARTBEAT_AT, BsonTimestamps.toBson(move.heartbeatAt()));
  }

  /** Returns the lower-case name under which the phase is stored. */
  static String phaseValue(MovePhase phase) {
    return phase.name().toLowerCase(Locale.ROOT);
  }

  /** Matches the active organizations. */
  static Bson active() {
    return Filters.eq(STATE, OrganizationState.ACTIVE.name());
  }

  /** Matches the organizations in the tier, counting a document without a tier as collection. */
  static Bson inTier(TenantTier tier) {
    if (tier == TenantTier.COLLECTION) {
      // $in with null matches a missing field as well as a null one.
      return Filters.in(TIER, tier.value(), null);
    }
    return Filters.eq(TIER, tier.value());
  }

  /**
   * Matches the organizations whose storage name is that of the organization. A document without
   * one keeps its storage under its name, so it matches when the organization is not renaming.
   */
  static Bson withStorageName(Organization organization) {
    String storageName = organization.storageName().value();
    if (organization.isRenaming()) {
      return Filters.eq(STORAGE_NAME, storageName);
    }
    // $in with null matches a missing field as well as a null one.
    return Filters.in(STORAGE_NAME, storageName, null);
  }

  /**
   * Matches the organizations with the move, compared by source, target, phase and start time but
   * not by heartbeat. An empty move matches a document without one.
   */
  static Bson withMove(Optional<TenantMove> move) {
    if (move.isEmpty()) {
      return Filters.eq(MOVE, null);
    }
    TenantMove expected = move.get();
    return Filters.and(
        Filters.eq(MOVE + "." + MOVE_SOURCE, expected.source().value()),
        Filters.eq(MOVE + "." + MOVE_TARGET, expected.target().value()),
        Filters.eq(MOVE + "." + MOVE_PHASE, phaseValue(expected.phase())),
        Filters.eq(MOVE + "." + MOVE_STARTED_AT, BsonTimestamps.toBson(expected.startedAt())));
  }

  /**
   * Matches the organizations a process may have left unfinished: not active, with a move, or with
   * the storage under another name. Each branch of the {@code $or} has an index (see {@link
   * MongoSchema}), so MongoDB reads only the matching documents.
   */
  static Bson unsettled() {
    return Filters.or(
        Filters.ne(STATE, OrganizationState.ACTIVE.name()),
        Filters.ne(MOVE, null),
        Filters.eq(RENAMING, true));
  }

  static Organization fromDocument(Document document) {
    String id = document.getString(ID);
    OrganizationName name = new OrganizationName(document.getString(NAME));
    String storageName = document.getString(STORAGE_NAME);
    Document move = document.get(MOVE, Document.class);
    return new Organization(
        id,
        name,
        document.getString(ADMIN_ID),
        OrganizationState.valueOf(document.getString(STATE)),
        BsonTimestamps.fromBson(document.getDate(CREATED_AT)),
        BsonTimestamps.fromBson(document.getDate(UPDATED_AT)),
        tier(id, document.getString(TIER)).orElse(TenantTier.COLLECTION),
        storageName == null ? name : new OrganizationName(storageName),
        Optional.ofNullable(move).map(stored -> moveFromDocument(id, stored)));
  }

  private static TenantMove moveFromDocument(String id, Document move) {
    return new TenantMove(
        moveTier(id, move, MOVE_SOURCE),
        moveTier(id, move, MOVE_TARGET),
        MovePhase.valueOf(move.getString(MOVE_PHASE).toUpperCase(Locale.ROOT)),
        BsonTimestamps.fromBson(move.getDate(MOVE_STARTED_AT)),
        BsonTimestamps.fromBson(move.getDate(MOVE_HEARTBEAT_AT)));
  }

  private static TenantTier moveTier(String id, Document move, String field) {
    return tier(id, move.getString(field)).orElseThrow(() -> corrupt(id, MOVE + "." + field, null));
  }

  /** Reads a stored tier name. A name that no tier has means the document is corrupt. */
  private static Optional<TenantTier> tier(String id, String stored) {
    if (stored == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(TenantTier.of(stored));
    } catch (InvalidField unknown) {
      // InvalidField would reach a client as its own mistake, but the value came from the store.
      throw corrupt(id, TIER, stored);
    }
  }

  private static IllegalStateException corrupt(String id, String field, String value) {
    return new IllegalStateException(
        "Organization " + id + " has an invalid stored " + field + ": " + value);
  }
}
