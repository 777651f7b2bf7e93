package io.croupier.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;
import static io.croupier.adapter.out.mongo.TestData.CREATED_AT;
import static io.croupier.adapter.out.mongo.TestData.document;
import static io.croupier.adapter.out.mongo.TestData.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.croupier.application.port.out.TenantDocuments;
import io.croupier.application.port.out.TenantLocation;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantTier;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour of the shared tier: one collection for the documents of many organizations. */
public abstract class SharedTierContract {

  private MongoCollection<Document> shared;
  private MongoTenantStorage storage;

  /** Returns the client of the store. */
  protected abstract MongoClient client();

  /** Returns the master database with the master collections prepared. */
  protected abstract MongoDatabase masterDatabase();

  @BeforeEach
  void createStorage() {
    storage = new MongoTenantStorage(client(), masterDatabase());
    shared = masterDatabase().getCollection("tenant_documents");
  }

  private List<Document> storedOf(TenantPlacement placement) {
    return shared.find(eq("org_id", placement.organizationId())).into(new ArrayList<>());
  }

  @Test
  void locatesSharedCollection() {
    // when
    TenantLocation location = storage.locate(TestData.placement(TenantTier.SHARED));

    // then
    assertThat(location.collectionName()).isEqualTo("tenant_documents");
    assertThat(location.connectionDetails()).isEqualTo("Shared collection: tenant_documents");
  }

  @Test
  void createMakesNothing() {
    // given
    TenantPlacement placement = TestData.placement(TenantTier.SHARED);

    // when
    storage.create(placement);
    storage.create(placement);

    // then
    assertThat(storage.exists(placement)).isFalse();
    assertThat(storedOf(placement)).isEmpty();
  }

  @Test
  void storageStopsExistingWithItsLastDocument() {
    // given
    TenantPlacement placement = TestData.placement(TenantTier.SHARED);
    storage.documents(placement).insert(document("only", CREATED_AT, 1L));

    // when
    storage.documents(placement).delete("only");

    // then
    assertThat(storage.exists(placement)).isFalse();
  }

  @Test
  void storesDocumentWithOrganizationIdAndCompoundId() {
    // given
    TenantPlacement placement = TestData.placement(TenantTier.SHARED);

    // when
    storage.documents(placement).insert(document("doc-1", CREATED_AT, 7L));

    // then
    assertThat(storedOf(placement))
        .containsExactly(
            new Document("_id", placement.organizationId() + "/doc-1")
                .append("org_id", placement.organizationId())
                .append("doc_id", "doc-1")
                .append("created_at", Date.from(CREATED_AT))
                .append("updated_at", Date.from(CREATED_AT))
                .append("body", new Document("value", 7L)));
  }

  @Test
  void keepsSameDocumentIdOfTwoOrganizations() {
    // given
    TenantPlacement first = TestData.placement(TenantTier.SHARED);
    TenantPlacement second = TestData.placement(TenantTier.SHARED);
    storage.documents(first).insert(document("same-id", CREATED_AT, 1L));

    // when
    storage.documents(second).insert(document("same-id", CREATED_AT, 2L));

    // then
    assertThat(shared.countDocuments(eq("doc_id", "same-id"))).isGreaterThanOrEqualTo(2);
    assertThat(storedOf(first)).hasSize(1);
    assertThat(storedOf(second)).hasSize(1);
  }

  @Test
  void importOfAnotherOrganizationsExportKeepsBoth() {
    // given
    TenantPlacement source = TestData.placement(TenantTier.SHARED);
    TenantPlacement target = TestData.placement(TenantTier.SHARED);
    TenantDocuments sourceDocuments = storage.documents(source);
    for (int index = 0; index < 3; index++) {
      sourceDocuments.insert(document("doc-" + index, CREATED_AT, (long) index));
    }
    List<TenantDocument> export = sourceDocuments.page(Optional.empty(), 10);

    // when
    export.forEach(storage.documents(target)::put);

    // then
    assertThat(storage.documents(target).page(Optional.empty(), 10))
        .containsExactlyElementsOf(export);
    assertThat(sourceDocuments.page(Optional.empty(), 10)).containsExactlyElementsOf(export);
    assertThat(storedOf(source)).hasSize(3);
    assertThat(storedOf(target)).hasSize(3);
  }

  @Test
  void renameMovesNothing() {
    // given
    TenantPlacement placement = TestData.placement(TenantTier.SHARED);
    storage.documents(placement).insert(document("doc", CREATED_AT, 1L));
    List<Document> before = storedOf(placement);

    // when
    storage.rename(placement, uniqueName("renamed"));

    // then
    assertThat(storedOf(placement)).isEqualTo(before);
  }

  @Test
  void dropDeletesOnlyTheOrganizationsDocuments() {
    // given
    TenantPlacement dropped = TestData.placement(TenantTier.SHARED);
    TenantPlacement kept = TestData.placement(TenantTier.SHARED);
    storage.documents(dropped).insert(document("doc", CREATED_AT, 1L));
    storage.documents(dropped).insert(document("other", CREATED_AT, 2L));
    storage.documents(kept).insert(document("doc", CREATED_AT, 3L));

    // when
    storage.drop(dropped);

    // then
    assertThat(storedOf(dropped)).isEmpty();
    assertThat(storedOf(kept)).hasSize(1);
  }

  /**
   * Stores a document of {@code base} and one of each of three organizations whose ids extend the
   * id of {@code base}, and returns those three. The documents of the one with {@code /inner} have
   * {@code _id} values inside the base's {@code _id} range. Those with {@code .} and {@code 0}, the
   * characters just before and after {@code /}, have them just outside.
   */
  private List<TenantPlacement> storeWithNeighbours(TenantPlacement base) {
    List<TenantPlacement> neighbours = new ArrayList<>();
    for (String suffix : List.of("/inner", ".", "0")) {
      TenantPlacement neighbour =
          new TenantPlacement(
              base.organizationId() + suffix, uniqueName("neighbour"), TenantTier.SHARED);
      storage.documents(neighbour).insert(document("doc", CREATED_AT, 2L));
      neighbours.add(neighbour);
    }
    storage.documents(base).insert(document("doc", CREATED_AT, 1L));
    return neighbours;
  }

  @Test
  void pagesExcludeOrganizationsWithLongerIds() {
    // given
    TenantPlacement base = TestData.placement(TenantTier.SHARED);
    List<TenantPlacement> neighbours = storeWithNeighbours(base);

    // when
    List<TenantDocument> page = storage.documents(base).page(Optional.empty(), 10);

    // then
    assertThat(page).containsExactly(document("doc", CREATED_AT, 1L));
    assertThat(storage.documents(base).count()).isEqualTo(1);
    assertThat(storage.documents(neighbours.get(0)).count()).isEqualTo(1);
  }

  @Test
  void dropKeepsOrganizationsWithLongerIds() {
    // given
    TenantPlacement base = TestData.placement(TenantTier.SHARED);
    List<TenantPlacement> neighbours = storeWithNeighbours(base);

    // when
    storage.drop(base);

    // then
    assertThat(storage.exists(base)).isFalse();
    for (TenantPlacement neighbour : neighbours) {
      assertThat(storedOf(neighbour)).as(neighbour.organizationId()).hasSize(1);
    }
  }

  @Test
  void uniqueIndexRejectsDuplicatePair() {
    // given
    TenantPlacement placement = TestData.placement(TenantTier.SHARED);
    storage.documents(placement).insert(document("doc", CREATED_AT, 1L));
    Document duplicate =
        new Document("_id", "another-id")
            .append("org_id", placement.organizationId())
            .append("doc_id", "doc");

    // when
    Throwable failure = catchThrowable(() -> shared.insertOne(duplicate));

    // then
    assertThat(failure).isInstanceOf(MongoException.class);
    assertThat(storedOf(placement)).hasSize(1);
  }
}
