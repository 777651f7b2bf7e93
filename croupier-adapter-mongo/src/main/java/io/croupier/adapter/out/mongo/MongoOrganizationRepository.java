package io.croupier.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static io.croupier.adapter.out.mongo.OrganizationDocuments.toDocument;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.croupier.application.port.out.OrganizationPosition;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.TenantTier;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Organization metadata in the {@code organizations} collection of the master database. The unique
 * index on {@code organization_name}, made by {@link MongoSchema}, decides name conflicts. Pages
 * are read by keyset along the index on {@code state}, {@code created_at} descending and {@code
 * _id} descending, so a page costs the same at any depth. The tier and the move change only through
 * {@link #updatePlacement}, a compare-and-set, because a move and a recovery may act on the same
 * organization at once.
 */
public final class MongoOrganizationRepository implements OrganizationRepository {

  private final MongoCollection<Document> organizations;

  /** Creates the repository on the master database; must not be null. */
  public MongoOrganizationRepository(MongoDatabase database) {
    Objects.requireNonNull(database, "database");
    this.organizations = database.getCollection(OrganizationDocuments.COLLECTION);
  }

  @Override
  public void insert(Organization organization) {
    try {
      organizations.insertOne(OrganizationDocuments.toDocument(organization));
    } catch (MongoException failure) {
      // Ids are random UUIDs, so a duplicate key comes from the unique name index.
      if (MongoFailures.isDuplicateKey(failure)) {
        throw new OrganizationNameTaken(organization.name());
      }
      throw MongoFailures.unavailable(
          "Storing organization '" + organization.name() + "'", failure);
    }
  }

  @Override
  public Optional<Organization> findById(String id) {
    return findOne(eq(OrganizationDocuments.ID, id), "Reading organization with id '" + id + "'");
  }

  @Override
  public Optional<Organization> findByName(OrganizationName name) {
    return findOne(
        eq(OrganizationDocuments.NAME, name.value()), "Reading organization '" + name + "'");
  }

  @Override
  public void update(Organization organization) {
    updateMatching(eq(OrganizationDocuments.ID, organization.id()), organization);
  }

  /**
   * {@inheritDoc}
   *
   * <p>One conditional {@code updateOne} whose filter matches the id, the name, the storage name
   * and the state of {@code expected}.
   *
   * @throws IllegalArgumentException if the two organizations have different ids
   */
  @Override
  public boolean updateIfUnchanged(Organization expected, Organization next) {
    if (!expected.id().equals(next.id())) {
      throw new IllegalArgumentException(
          "Update of organization " + expected.id() + " got organization " + next.id());
    }
    Bson filter =
        and(
            eq(OrganizationDocuments.ID, expected.id()),
            eq(OrganizationDocuments.NAME, expected.name().value()),
            OrganizationDocuments.withStorageName(expected),
            eq(OrganizationDocuments.STATE, expected.state().name()));
    return updateMatching(filter, next) == 1;
  }

  /** Writes the name, storage name, state and update time, and returns the matched count. */
  private long updateMatching(Bson filter, Organization organization) {
    Bson changes =
        Updates.combine(
            Updates.set(OrganizationDocuments.NAME, organization.name().value()),
            Updates.set(OrganizationDocuments.STORAGE_NAME, organization.storageName().value()),
            Updates.set(OrganizationDocuments.RENAMING, organization.isRenaming()),
            Updates.set(OrganizationDocuments.STATE, organization.state().name()),
            Updates.set(
                OrganizationDocuments.UPDATED_AT, BsonTimestamps.toBson(organization.updatedAt())),
            // Older documents name their collection here, which a rename would make false.
            Updates.set(
                OrganizationDocuments.COLLECTION_NAME,
                OrganizationDocuments.collectionName(organization)));
    try {
      return organizations.updateOne(filter, changes).getMatchedCount();
    } catch (MongoException failure) {
      if (MongoFailures.isDuplicateKey(failure)) {
        throw new OrganizationNameTaken(organization.name());
      }
      throw MongoFailures.unavailable(
          "Updating organization '" + organization.name() + "'", failure);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>One conditional {@code updateOne}: its filter matches the id, the state, the tier and the
   * move of {@code expected}, so of several processes that start from the same metadata, exactly
   * one succeeds.
   *
   * @throws IllegalArgumentException if the two organizations have different ids
   */
  @Override
  public boolean updatePlacement(Organization expected, Organization next) {
    if (!expected.id().equals(next.id())) {
      throw new IllegalArgumentException(
          "Placement update of organization " + expected.id() + " got organization " + next.id());
    }
    Bson filter =
        and(
            eq(OrganizationDocuments.ID, expected.id()),
            eq(OrganizationDocuments.STATE, expected.state().name()),
            OrganizationDocuments.inTier(expected.tier()),
            OrganizationDocuments.withMove(expected.move()));
    Bson changes =
        Updates.combine(
            Updates.set(OrganizationDocuments.TIER, next.tier().value()),
            Updates.set(
                OrganizationDocuments.COLLECTION_NAME, OrganizationDocuments.collectionName(next)),
            next.move()
                .map(move -> Updates.set(OrganizationDocuments.MOVE, toDocument(move)))
                .orElse(Updates.unset(OrganizationDocuments.MOVE)),
            Updates.set(OrganizationDocuments.UPDATED_AT, BsonTimestamps.toBson(next.updatedAt())));
    try {
      return organizations.updateOne(filter, changes).getMatchedCount() == 1;
    } catch (MongoException failure) {
      throw MongoFailures.unavailable(
          "Updating the tier of organization '" + expected.name() + "'", failure);
    }
  }

  @Override
  public List<Organization> findUnsettled(int limit) {
    if (checkLimit(limit) == 0) {
      return List.of();
    }
    // Not sized by the limit, which callers set far above the usual number of results.
    List<Document> documents = new ArrayList<>();
    try {
      organizations.find(OrganizationDocuments.unsettled()).limit(limit).into(documents);
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Reading the unsettled organizations", failure);
    }
    return documents.stream().map(OrganizationDocuments::fromDocument).toList();
  }

  @Override
  public void deleteById(String id) {
    try {
      organizations.deleteOne(eq(OrganizationDocuments.ID, id));
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Deleting organization with id '" + id + "'", failure);
    }
  }

  @Override
  public List<Organization> findActivePage(Optional<OrganizationPosition> after, int limit) {
    Bson active = OrganizationDocuments.active();
    Bson filter = after.map(position -> and(active, sortsAfter(position))).orElse(active);
    List<Document> documents = new ArrayList<>(limit);
    try {
      organizations
          .find(filter)
          .sort(Sorts.descending(OrganizationDocuments.CREATED_AT, OrganizationDocuments.ID))
          .limit(limit)
          .into(documents);
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Reading a page of organizations", failure);
    }
    return documents.stream().map(OrganizationDocuments::fromDocument).toList();
  }

  /**
   * Matches the documents after the position in the newest-first order. The {@code $lte} bound
   * limits the index scan to the position and older, and the {@code $or} then drops the documents
   * of the same millisecond that come before the position.
   */
  private static Bson sortsAfter(OrganizationPosition position) {
    Date createdAt = BsonTimestamps.toBson(position.createdAt());
    return and(
        lte(OrganizationDocuments.CREATED_AT, createdAt),
        or(
            lt(OrganizationDocuments.CREATED_AT, createdAt),
            lt(OrganizationDocuments.ID, position.id())));
  }

  @Override
  public long countActive() {
    try {
      return organizations.countDocuments(OrganizationDocuments.active());
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Counting organizations", failure);
    }
  }

  @Override
  public long countActive(TenantTier tier) {
    try {
      return organizations.countDocuments(
          and(OrganizationDocuments.active(), OrganizationDocuments.inTier(tier)));
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Counting organizations in tier " + tier, failure);
    }
  }

  /**
   * Returns the limit, which MongoDB would read as "no limit" if it were 0.
   *
   * @throws IllegalArgumentException if it is negative
   */
  private static int checkLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("Limit must not be negative, got " + limit);
    }
    return limit;
  }

  private Optional<Organization> findOne(Bson filter, String action) {
    Document document;
    try {
      document = organizations.find(filter).first();
    } catch (MongoException failure) {
      throw MongoFailures.unavailable(action, failure);
    }
    return Optional.ofNullable(document).map(OrganizationDocuments::fromDocument);
  }
}
