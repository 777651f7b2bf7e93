package io.croupier.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Organization metadata in the {@code organizations} collection of the master database. The unique
 * index on {@code organization_name}, made by {@link MongoSchema}, decides name conflicts.
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
