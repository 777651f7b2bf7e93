package io.croupier.adapter.out.mongo;

import static io.croupier.adapter.out.mongo.TestData.uniqueName;
import static io.croupier.adapter.out.mongo.TestData.uniqueNameOfLength;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.croupier.application.port.out.StoreUnavailable;
import io.croupier.application.port.out.TenantLocation;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.domain.InvalidField;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link MongoTenantStorage} store must show. */
public abstract class TenantStorageContract {

  /**
   * A database name of 201 bytes: with it, organization names of up to 49 characters fit the
   * 255-byte namespace limit and names of 50 characters do not.
   */
  static final String LONG_DATABASE_NAME = "long" + "d".repeat(197);

  private MongoDatabase database;
  private TenantStorage storage;

  /** Returns the master database with the master collections prepared. */
  protected abstract MongoDatabase masterDatabase();

  /** Returns another database of the same store. */
  protected abstract MongoDatabase database(String name);

  @BeforeEach
  void createStorage() {
    database = masterDatabase();
    storage = new MongoTenantStorage(database);
  }

  private MongoCollection<Document> collectionOf(OrganizationName name) {
    return database.getCollection("org_" + name.value());
  }

  private List<String> collectionNames() {
    return database.listCollectionNames().into(new ArrayList<>());
  }

  private static int longestNameFitting(String databaseName) {
    return MongoTenantStorage.MAX_NAMESPACE_BYTES - databaseName.length() - ".org_".length();
  }

  @Test
  void countsOnlyTenantCollections() {
    // given
    MongoTenantStorage tenants = new MongoTenantStorage(database);
    long before = tenants.countCollections();
    tenants.create(uniqueName("counted"));
    tenants.create(uniqueName("counted"));
    database.getCollection("organisation_notes").insertOne(new Document("_id", "not a tenant"));

    // when
    long after = tenants.countCollections();

    // then
    assertThat(after).isEqualTo(before + 2);
  }

  @Test
  void locatesCollectionWithoutCreatingIt() {
    // given
    OrganizationName name = uniqueName("locate");

    // when
    TenantLocation location = storage.locate(name);

    // then
    assertThat(location.collectionName()).isEqualTo("org_" + name.value());
    assertThat(location.connectionDetails()).isEqualTo("Collection: org_" + name.value());
    assertThat(collectionNames()).doesNotContain("org_" + name.value());
  }

  @Test
  void createMakesEmptyCollection() {
    // given
    OrganizationName name = uniqueName("create");

    // when
    storage.create(name);

    // then
    assertThat(collectionNames()).contains("org_" + name.value());
    assertThat(collectionOf(name).countDocuments()).isZero();
  }

  @Test
  void createMakesIndexOnCreatedAt() {
    // given
    OrganizationName name = uniqueName("index");

    // when
    storage.create(name);

    // then
    List<Document> indexes = collectionOf(name).listIndexes().into(new ArrayList<>());
    assertThat(indexes)
        .extracting(index -> index.get("key", Document.class))
        .contains(new Document("created_at", 1));
  }

  @Test
  void rejectsCreateOfExistingStorage() {
    // given
    OrganizationName name = uniqueName("twice");
    storage.create(name);
    collectionOf(name).insertOne(new Document("_id", "kept"));

    // when
    OrganizationNameTaken conflict =
        catchThrowableOfType(OrganizationNameTaken.class, () -> storage.create(name));

    // then
    assertThat(conflict.name()).isEqualTo(name);
    assertThat(collectionOf(name).countDocuments()).isEqualTo(1);
  }

  @Test
  void existsIsTrueForCreatedStorage() {
    // given
    OrganizationName name = uniqueName("exists");

    // when
    storage.create(name);

    // then
    assertThat(storage.exists(name)).isTrue();
  }

  @Test
  void existsIgnoresLongerCollectionName() {
    // given
    OrganizationName longer = uniqueName("prefix");
    OrganizationName shorter =
        new OrganizationName(longer.value().substring(0, longer.value().length() - 1));

    // when
    storage.create(longer);

    // then
    assertThat(storage.exists(shorter)).isFalse();
  }

  @Test
  void renameMovesDocumentsToNewName() {
    // given
    OrganizationName from = uniqueName("from");
    OrganizationName to = uniqueName("to");
    storage.create(from);
    collectionOf(from).insertOne(new Document("_id", "first"));
    collectionOf(from).insertOne(new Document("_id", "second"));

    // when
    storage.rename(from, to);

    // then
    assertThat(storage.exists(from)).isFalse();
    assertThat(storage.exists(to)).isTrue();
    assertThat(collectionOf(to).countDocuments()).isEqualTo(2);
    assertThat(collectionOf(to).find(Filters.eq("_id", "second")).first()).isNotNull();
  }

  @Test
  void renameKeepsCreatedAtIndex() {
    // given
    OrganizationName from = uniqueName("from");
    OrganizationName to = uniqueName("to");
    storage.create(from);

    // when
    storage.rename(from, to);

    // then
    List<Document> indexes = collectionOf(to).listIndexes().into(new ArrayList<>());
    assertThat(indexes)
        .extracting(index -> index.get("key", Document.class))
        .contains(new Document("created_at", 1));
  }

  @Test
  void rejectsRenameOntoExistingStorage() {
    // given
    OrganizationName from = uniqueName("from");
    OrganizationName to = uniqueName("to");
    storage.create(from);
    storage.create(to);
    collectionOf(from).insertOne(new Document("_id", "from-document"));
    collectionOf(to).insertOne(new Document("_id", "to-document"));

    // when
    OrganizationNameTaken conflict =
        catchThrowableOfType(OrganizationNameTaken.class, () -> storage.rename(from, to));

    // then
    assertThat(conflict.name()).isEqualTo(to);
    assertThat(collectionOf(from).find(Filters.eq("_id", "from-document")).first()).isNotNull();
    assertThat(collectionOf(from).countDocuments()).isEqualTo(1);
    assertThat(collectionOf(to).find(Filters.eq("_id", "to-document")).first()).isNotNull();
    assertThat(collectionOf(to).countDocuments()).isEqualTo(1);
  }

  @Test
  void renameToSameNameChangesNothing() {
    // given
    OrganizationName name = uniqueName("same");
    storage.create(name);
    collectionOf(name).insertOne(new Document("_id", "kept"));

    // when
    storage.rename(name, name);

    // then
    assertThat(collectionOf(name).countDocuments()).isEqualTo(1);
  }

  @Test
  void renameOfMissingStorageFailsWithoutCreatingTarget() {
    // given
    OrganizationName from = uniqueName("missing");
    OrganizationName to = uniqueName("target");

    // when
    Throwable failure = catchThrowable(() -> storage.rename(from, to));

    // then
    assertThat(failure).isInstanceOf(StoreUnavailable.class);
    assertThat(storage.exists(to)).isFalse();
  }

  @Test
  void dropRemovesCollectionAndDocuments() {
    // given
    OrganizationName name = uniqueName("drop");
    storage.create(name);
    collectionOf(name).insertOne(new Document("_id", "gone"));

    // when
    storage.drop(name);

    // then
    assertThat(storage.exists(name)).isFalse();
    assertThat(collectionOf(name).countDocuments()).isZero();
  }

  @Test
  void dropTwiceIsNoError() {
    // given
    OrganizationName name = uniqueName("drop");
    storage.create(name);
    storage.drop(name);

    // when
    Throwable failure = catchThrowable(() -> storage.drop(name));

    // then
    assertThat(failure).isNull();
  }

  @Test
  void dropOfNeverCreatedStorageIsNoError() {
    // given
    OrganizationName name = uniqueName("never");

    // when
    Throwable failure = catchThrowable(() -> storage.drop(name));

    // then
    assertThat(failure).isNull();
    assertThat(storage.exists(name)).isFalse();
  }

  @Test
  void createAfterDropStartsEmpty() {
    // given
    OrganizationName name = uniqueName("again");
    storage.create(name);
    collectionOf(name).insertOne(new Document("_id", "old"));
    storage.drop(name);

    // when
    storage.create(name);

    // then
    assertThat(collectionOf(name).countDocuments()).isZero();
  }

  @Test
  void createAcceptsLongestOrganizationName() {
    // given
    OrganizationName name = uniqueNameOfLength(OrganizationName.MAX_LENGTH);

    // when
    storage.create(name);

    // then
    assertThat(storage.exists(name)).isTrue();
  }

  @Test
  void createAcceptsNamespaceOfExactlyMaximumLength() {
    // given
    TenantStorage longStorage = new MongoTenantStorage(database(LONG_DATABASE_NAME));
    OrganizationName name = uniqueNameOfLength(longestNameFitting(LONG_DATABASE_NAME));

    // when
    longStorage.create(name);

    // then
    assertThat(longStorage.exists(name)).isTrue();
  }

  @Test
  void createRejectsNamespaceOneByteOverMaximum() {
    // given
    TenantStorage longStorage = new MongoTenantStorage(database(LONG_DATABASE_NAME));
    OrganizationName name = uniqueNameOfLength(longestNameFitting(LONG_DATABASE_NAME) + 1);

    // when
    InvalidField invalid = catchThrowableOfType(InvalidField.class, () -> longStorage.create(name));

    // then
    assertThat(invalid.field()).isEqualTo("organization_name");
    assertThat(invalid.getMessage())
        .isEqualTo(
            "Organization name '"
                + name
                + "' makes the collection namespace 256 bytes long, over MongoDB's limit of 255"
                + " bytes. Choose a name of at most 49 characters for database '"
                + LONG_DATABASE_NAME
                + "'");
  }

  @Test
  void renameChecksNamespaceBeforeTouchingStore() {
    // given
    TenantStorage longStorage = new MongoTenantStorage(database(LONG_DATABASE_NAME));
    OrganizationName missing = uniqueNameOfLength(longestNameFitting(LONG_DATABASE_NAME));
    OrganizationName to = uniqueNameOfLength(longestNameFitting(LONG_DATABASE_NAME) + 1);

    // when
    Throwable failure = catchThrowable(() -> longStorage.rename(missing, to));

    // then
    // The source does not exist, so any call to the store would have failed differently.
    assertThat(failure).isInstanceOf(InvalidField.class);
  }
}
