package io.croupier.adapter.out.mongo;

import static io.croupier.adapter.out.mongo.TestData.CREATED_AT;
import static io.croupier.adapter.out.mongo.TestData.document;
import static io.croupier.adapter.out.mongo.TestData.uniqueName;
import static io.croupier.adapter.out.mongo.TestData.uniqueNameOfLength;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.croupier.application.port.out.StoreUnavailable;
import io.croupier.application.port.out.TenantLocation;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.domain.InvalidField;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.TenantTier;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour of the collection tier: one collection {@code org_<name>} per organization. */
public abstract class CollectionTierContract {

  /**
   * A database name of 201 bytes: with it, organization names of up to 49 characters fit the
   * 255-byte namespace limit and names of 50 characters do not.
   */
  static final String LONG_DATABASE_NAME = "long" + "d".repeat(197);

  private MongoDatabase database;
  private MongoTenantStorage storage;

  /** Returns the client of the store. */
  protected abstract MongoClient client();

  /** Returns the master database with the master collections prepared. */
  protected abstract MongoDatabase masterDatabase();

  @BeforeEach
  void createStorage() {
    database = masterDatabase();
    storage = new MongoTenantStorage(client(), database);
  }

  private static TenantPlacement placement(OrganizationName name) {
    return new TenantPlacement(UUID.randomUUID().toString(), name, TenantTier.COLLECTION);
  }

  private MongoCollection<Document> collectionOf(OrganizationName name) {
    return database.getCollection("org_" + name.value());
  }

  private List<String> collectionNames() {
    return database.listCollectionNames().into(new ArrayList<>());
  }

  private MongoTenantStorage storageIn(String databaseName) {
    return new MongoTenantStorage(client(), client().getDatabase(databaseName));
  }

  private static int longestNameFitting(String databaseName) {
    return MongoTenantStorage.MAX_NAMESPACE_BYTES - databaseName.length() - ".org_".length();
  }

  @Test
  void countsOnlyTenantCollections() {
    // given
    long before = storage.countCollections();
    storage.create(placement(uniqueName("counted")));
    storage.create(placement(uniqueName("counted")));
    storage.create(TestData.placement(TenantTier.DATABASE));
    database.getCollection("organisation_notes").insertOne(new Document("_id", "not a tenant"));

    // when
    long after = storage.countCollections();

    // then
    assertThat(after).isEqualTo(before + 2);
  }

  @Test
  void locatesCollectionWithoutCreatingIt() {
    // given
    OrganizationName name = uniqueName("locate");

    // when
    TenantLocation location = storage.locate(placement(name));

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
    storage.create(placement(name));

    // then
    assertThat(collectionNames()).contains("org_" + name.value());
    assertThat(collectionOf(name).countDocuments()).isZero();
    assertThat(storage.exists(placement(name))).isTrue();
  }

  @Test
  void createMakesIndexOnCreationTimeAndId() {
    // given
    OrganizationName name = uniqueName("index");

    // when
    storage.create(placement(name));

    // then
    List<Document> indexes = collectionOf(name).listIndexes().into(new ArrayList<>());
    assertThat(indexes)
        .extracting(index -> index.get("key", Document.class))
        .contains(new Document("created_at", 1).append("_id", 1));
  }

  @Test
  void storesDocumentUnderItsId() {
    // given
    OrganizationName name = uniqueName("shape");
    storage.create(placement(name));

    // when
    storage.documents(placement(name)).insert(document("doc-1", CREATED_AT, 7L));

    // then
    assertThat(collectionOf(name).find().first())
        .isEqualTo(
            new Document("_id", "doc-1")
                .append("created_at", Date.from(CREATED_AT))
                .append("updated_at", Date.from(CREATED_AT))
                .append("body", new Document("value", 7L)));
  }

  @Test
  void rejectsCreateOfExistingStorage() {
    // given
    OrganizationName name = uniqueName("twice");
    storage.create(placement(name));
    collectionOf(name).insertOne(new Document("_id", "kept"));

    // when
    OrganizationNameTaken conflict =
        catchThrowableOfType(OrganizationNameTaken.class, () -> storage.create(placement(name)));

    // then
    assertThat(conflict.name()).isEqualTo(name);
    assertThat(collectionOf(name).countDocuments()).isEqualTo(1);
  }

  @Test
  void existsIgnoresLongerCollectionName() {
    // given
    OrganizationName longer = uniqueName("prefix");
    OrganizationName shorter =
        new OrganizationName(longer.value().substring(0, longer.value().length() - 1));

    // when
    storage.create(placement(longer));

    // then
    assertThat(storage.exists(placement(shorter))).isFalse();
  }

  @Test
  void renameMovesCollectionToNewName() {
    // given
    OrganizationName from = uniqueName("from");
    OrganizationName to = uniqueName("to");
    storage.create(placement(from));
    collectionOf(from).insertOne(new Document("_id", "first"));
    collectionOf(from).insertOne(new Document("_id", "second"));

    // when
    storage.rename(placement(from), to);

    // then
    assertThat(storage.exists(placement(from))).isFalse();
    assertThat(collectionNames()).doesNotContain("org_" + from.value());
    assertThat(collectionOf(to).countDocuments()).isEqualTo(2);
    assertThat(collectionOf(to).find(Filters.eq("_id", "second")).first()).isNotNull();
  }

  @Test
  void renameKeepsIndex() {
    // given
    OrganizationName from = uniqueName("from");
    OrganizationName to = uniqueName("to");
    storage.create(placement(from));

    // when
    storage.rename(placement(from), to);

    // then
    List<Document> indexes = collectionOf(to).listIndexes().into(new ArrayList<>());
    assertThat(indexes)
        .extracting(index -> index.get("key", Document.class))
        .contains(new Document("created_at", 1).append("_id", 1));
  }

  @Test
  void rejectsRenameOntoExistingStorage() {
    // given
    OrganizationName from = uniqueName("from");
    OrganizationName to = uniqueName("to");
    storage.create(placement(from));
    storage.create(placement(to));
    collectionOf(from).insertOne(new Document("_id", "from-document"));
    collectionOf(to).insertOne(new Document("_id", "to-document"));

    // when
    OrganizationNameTaken conflict =
        catchThrowableOfType(
            OrganizationNameTaken.class, () -> storage.rename(placement(from), to));

    // then
    assertThat(conflict.name()).isEqualTo(to);
    assertThat(collectionOf(from).find(Filters.eq("_id", "from-document")).first()).isNotNull();
    assertThat(collectionOf(from).countDocuments()).isEqualTo(1);
    assertThat(collectionOf(to).find(Filters.eq("_id", "to-document")).first()).isNotNull();
    assertThat(collectionOf(to).countDocuments()).isEqualTo(1);
  }

  @Test
  void renameOfMissingStorageFailsWithoutCreatingTarget() {
    // given
    OrganizationName from = uniqueName("missing");
    OrganizationName to = uniqueName("target");

    // when
    Throwable failure = catchThrowable(() -> storage.rename(placement(from), to));

    // then
    assertThat(failure).isInstanceOf(StoreUnavailable.class);
    assertThat(storage.exists(placement(to))).isFalse();
  }

  @Test
  void createAcceptsLongestOrganizationName() {
    // given
    OrganizationName name = uniqueNameOfLength(OrganizationName.MAX_LENGTH);

    // when
    storage.create(placement(name));

    // then
    assertThat(storage.exists(placement(name))).isTrue();
  }

  @Test
  void createAcceptsNamespaceOfExactlyMaximumLength() {
    // given
    MongoTenantStorage longStorage = storageIn(LONG_DATABASE_NAME);
    OrganizationName name = uniqueNameOfLength(longestNameFitting(LONG_DATABASE_NAME));

    // when
    longStorage.create(placement(name));

    // then
    assertThat(longStorage.exists(placement(name))).isTrue();
  }

  @Test
  void createRejectsNamespaceOneByteOverMaximum() {
    // given
    MongoTenantStorage longStorage = storageIn(LONG_DATABASE_NAME);
    OrganizationName name = uniqueNameOfLength(longestNameFitting(LONG_DATABASE_NAME) + 1);

    // when
    InvalidField invalid =
        catchThrowableOfType(InvalidField.class, () -> longStorage.create(placement(name)));

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
    MongoTenantStorage longStorage = storageIn(LONG_DATABASE_NAME);
    OrganizationName missing = uniqueNameOfLength(longestNameFitting(LONG_DATABASE_NAME));
    OrganizationName to = uniqueNameOfLength(longestNameFitting(LONG_DATABASE_NAME) + 1);

    // when
    Throwable failure = catchThrowable(() -> longStorage.rename(placement(missing), to));

    // then
    // The source does not exist, so any call to the store would have failed differently.
    assertThat(failure).isInstanceOf(InvalidField.class);
  }
}
