package io.croupier.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.croupier.application.port.out.OrganizationPosition;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.OrganizationState;
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
 * _id} descending, so a page costs the same at any depth.
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
    try {
      organizations.replaceOne(
          eq(OrganizationDocuments.ID, organization.id()),
          OrganizationDocuments.toDocument(organization));
    } catch (MongoException failure) {
      if (MongoFailures.isDuplicateKey(failure)) {
        throw new OrganizationNameTaken(organization.name());
      }
      throw MongoFailures.unavailable(
          "Updating organization '" + organization.name() + "'", failure);
    }
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
    Bson active = eq(OrganizationDocuments.STATE, OrganizationState.ACTIVE.name());
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
      return organizations.countDocuments(
          eq(OrganizationDocuments.STATE, OrganizationState.ACTIVE.name()));
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Counting organizations", failure);
    }
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
