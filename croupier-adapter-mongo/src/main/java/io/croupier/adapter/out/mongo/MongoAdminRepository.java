package io.croupier.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.domain.AdminUser;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.EmailTaken;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Admin users in the {@code admin_users} collection of the master database. The unique index on
 * {@code email}, made by {@link MongoSchema}, decides email conflicts. Exception messages name
 * admins by id only and never contain the password hash.
 */
public final class MongoAdminRepository implements AdminRepository {

  private final MongoCollection<Document> admins;

  /** Creates the repository on the master database; must not be null. */
  public MongoAdminRepository(MongoDatabase database) {
    Objects.requireNonNull(database, "database");
    this.admins = database.getCollection(AdminDocuments.COLLECTION);
  }

  @Override
  public void insert(AdminUser admin) {
    try {
      admins.insertOne(AdminDocuments.toDocument(admin));
    } catch (MongoException failure) {
      // Ids are random UUIDs, so a duplicate key comes from the unique email index.
      if (MongoFailures.isDuplicateKey(failure)) {
        throw new EmailTaken(admin.email());
      }
      throw MongoFailures.unavailable("Storing admin '" + admin.id() + "'", failure);
    }
  }

  @Override
  public Optional<AdminUser> findById(String id) {
    return findOne(eq(AdminDocuments.ID, id), "Reading admin '" + id + "'");
  }

  @Override
  public Optional<AdminUser> findByEmail(EmailAddress email) {
    return findOne(eq(AdminDocuments.EMAIL, email.value()), "Reading an admin by email");
  }

  @Override
  public void update(AdminUser admin) {
    try {
      admins.replaceOne(eq(AdminDocuments.ID, admin.id()), AdminDocuments.toDocument(admin));
    } catch (MongoException failure) {
      if (MongoFailures.isDuplicateKey(failure)) {
        throw new EmailTaken(admin.email());
      }
      throw MongoFailures.unavailable("Updating admin '" + admin.id() + "'", failure);
    }
  }

  /** Replaces the hash with one {@code updateOne} whose filter requires the current hash. */
  @Override
  public boolean replacePasswordHash(String adminId, String currentHash, String newHash) {
    try {
      long matched =
          admins
              .updateOne(
                  and(
                      eq(AdminDocuments.ID, adminId),
                      eq(AdminDocuments.PASSWORD_HASH, currentHash)),
                  set(AdminDocuments.PASSWORD_HASH, newHash))
              .getMatchedCount();
      return matched == 1;
    } catch (MongoException failure) {
      throw MongoFailures.unavailable(
          "Replacing the password hash of admin '" + adminId + "'", failure);
    }
  }

  @Override
  public void deleteByOrganizationId(String organizationId) {
    try {
      admins.deleteMany(eq(AdminDocuments.ORGANIZATION_ID, organizationId));
    } catch (MongoException failure) {
      throw MongoFailures.unavailable(
          "Deleting the admins of organization with id '" + organizationId + "'", failure);
    }
  }

  private Optional<AdminUser> findOne(Bson filter, String action) {
    Document document;
    try {
      document = admins.find(filter).first();
    } catch (MongoException failure) {
      throw MongoFailures.unavailable(action, failure);
    }
    return Optional.ofNullable(document).map(AdminDocuments::fromDocument);
  }
}
