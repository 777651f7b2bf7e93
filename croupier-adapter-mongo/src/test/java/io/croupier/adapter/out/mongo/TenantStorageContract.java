package io.croupier.adapter.out.mongo;

import static io.croupier.adapter.out.mongo.TestData.CREATED_AT;
import static io.croupier.adapter.out.mongo.TestData.document;
import static io.croupier.adapter.out.mongo.TestData.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.croupier.application.port.out.DocumentPosition;
import io.croupier.application.port.out.TenantDocuments;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.InvalidField;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantTier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour that {@link MongoTenantStorage} shows through the port in every tier: storage
 * lifecycle, documents, paging, isolation between organizations and exact round trips of bodies.
 */
public abstract class TenantStorageContract {

  private static final Comparator<TenantDocument> CREATION_ORDER =
      Comparator.comparing(TenantDocument::createdAt).thenComparing(TenantDocument::id);

  private static final int MAX_PAGES = 20;

  private MongoTenantStorage storage;

  /** Returns the tier under test. */
  protected abstract TenantTier tier();

  /** Returns the client of the store. */
  protected abstract MongoClient client();

  /** Returns the master database with the master collections prepared. */
  protected abstract MongoDatabase masterDatabase();

  @BeforeEach
  void createStorage() {
    storage = new MongoTenantStorage(client(), masterDatabase());
  }

  private TenantPlacement created() {
    TenantPlacement placement = TestData.placement(tier());
    storage.create(placement);
    return placement;
  }

  private TenantDocuments documentsOf(TenantPlacement placement) {
    return storage.documents(placement);
  }

  private static TenantDocument withBody(String id, Map<String, ?> fields) {
    return new TenantDocument(id, CREATED_AT, CREATED_AT, DocumentBody.of(fields));
  }

  /** Reads every page; fails instead of looping if pages keep repeating documents. */
  private List<TenantDocument> pageThroughAll(TenantDocuments documents, int limit) {
    List<TenantDocument> all = new ArrayList<>();
    Optional<DocumentPosition> after = Optional.empty();
    for (int pages = 0; pages < MAX_PAGES; pages++) {
      List<TenantDocument> page = documents.page(after, limit);
      all.addAll(page);
      if (page.size() < limit) {
        return all;
      }
      after = Optional.of(DocumentPosition.of(page.get(page.size() - 1)));
    }
    throw new AssertionError("Paging did not end within " + MAX_PAGES + " pages: " + all);
  }

  // Storage lifecycle

  @Test
  void storageWithDocumentExists() {
    // given
    TenantPlacement placement = created();

    // when
    documentsOf(placement).insert(document("first", CREATED_AT, 1L));

    // then
    assertThat(storage.exists(placement)).isTrue();
  }

  @Test
  void neverCreatedStorageDoesNotExist() {
    assertThat(storage.exists(TestData.placement(tier()))).isFalse();
  }

  @Test
  void locateTouchesNothing() {
    // given
    TenantPlacement placement = TestData.placement(tier());

    // when
    storage.locate(placement);

    // then
    assertThat(storage.exists(placement)).isFalse();
  }

  @Test
  void dropRemovesStorageAndDocuments() {
    // given
    TenantPlacement placement = created();
    documentsOf(placement).insert(document("gone", CREATED_AT, 1L));

    // when
    storage.drop(placement);

    // then
    assertThat(storage.exists(placement)).isFalse();
    assertThat(documentsOf(placement).count()).isZero();
    assertThat(documentsOf(placement).find("gone")).isEmpty();
  }

  @Test
  void dropTwiceIsNoError() {
    // given
    TenantPlacement placement = created();
    storage.drop(placement);

    // when
    Throwable failure = catchThrowable(() -> storage.drop(placement));

    // then
    assertThat(failure).isNull();
  }

  @Test
  void dropOfNeverCreatedStorageIsNoError() {
    // given
    TenantPlacement placement = TestData.placement(tier());

    // when
    Throwable failure = catchThrowable(() -> storage.drop(placement));

    // then
    assertThat(failure).isNull();
    assertThat(storage.exists(placement)).isFalse();
  }

  @Test
  void createAfterDropStartsEmpty() {
    // given
    TenantPlacement placement = created();
    documentsOf(placement).insert(document("old", CREATED_AT, 1L));
    storage.drop(placement);

    // when
    storage.create(placement);

    // then
    assertThat(documentsOf(placement).count()).isZero();
  }

  @Test
  void renameKeepsDocuments() {
    // given
    TenantPlacement placement = created();
    OrganizationName newName = uniqueName("renamed");
    documentsOf(placement).insert(document("first", CREATED_AT, 1L));
    documentsOf(placement).insert(document("second", CREATED_AT, 2L));

    // when
    storage.rename(placement, newName);

    // then
    TenantDocuments renamed = documentsOf(placement.named(newName));
    assertThat(storage.exists(placement.named(newName))).isTrue();
    assertThat(renamed.count()).isEqualTo(2);
    assertThat(renamed.find("second")).contains(document("second", CREATED_AT, 2L));
  }

  @Test
  void renameToSameNameKeepsDocuments() {
    // given
    TenantPlacement placement = created();
    documentsOf(placement).insert(document("kept", CREATED_AT, 1L));

    // when
    storage.rename(placement, placement.storageName());

    // then
    assertThat(documentsOf(placement).find("kept")).contains(document("kept", CREATED_AT, 1L));
  }

  // Documents

  @Test
  void findsInsertedDocument() {
    // given
    TenantDocuments documents = documentsOf(created());
    TenantDocument document =
        new TenantDocument(
            "doc-1",
            CREATED_AT,
            TestData.UPDATED_AT,
            DocumentBody.of(Map.of("name", "first", "count", 3L)));

    // when
    documents.insert(document);

    // then
    assertThat(documents.find("doc-1")).contains(document);
  }

  @Test
  void findOfUnknownIdIsEmpty() {
    assertThat(documentsOf(created()).find("unknown")).isEmpty();
  }

  @Test
  void insertRejectsExistingId() {
    // given
    TenantDocuments documents = documentsOf(created());
    documents.insert(document("taken", CREATED_AT, 1L));

    // when
    Throwable failure = catchThrowable(() -> documents.insert(document("taken", CREATED_AT, 2L)));

    // then
    assertThat(failure).isInstanceOf(IllegalStateException.class);
    assertThat(documents.find("taken")).contains(document("taken", CREATED_AT, 1L));
  }

  @Test
  void replaceChangesStoredDocument() {
    // given
    TenantDocuments documents = documentsOf(created());
    TenantDocument original = document("doc", CREATED_AT, 1L);
    documents.insert(original);
    TenantDocument replacement =
        original.replacedBy(DocumentBody.of(Map.of("value", 2L)), TestData.UPDATED_AT);

    // when
    boolean replaced = documents.replace(replacement);

    // then
    assertThat(replaced).isTrue();
    assertThat(documents.find("doc")).contains(replacement);
    assertThat(documents.count()).isEqualTo(1);
  }

  @Test
  void replaceOfMissingDocumentStoresNothing() {
    // given
    TenantDocuments documents = documentsOf(created());

    // when
    boolean replaced = documents.replace(document("missing", CREATED_AT, 1L));

    // then
    assertThat(replaced).isFalse();
    assertThat(documents.find("missing")).isEmpty();
    assertThat(documents.count()).isZero();
  }

  @Test
  void putStoresNewDocument() {
    // given
    TenantDocuments documents = documentsOf(created());

    // when
    boolean replaced = documents.put(document("new", CREATED_AT, 1L));

    // then
    assertThat(replaced).isFalse();
    assertThat(documents.find("new")).contains(document("new", CREATED_AT, 1L));
  }

  @Test
  void putReplacesExistingDocument() {
    // given
    TenantDocuments documents = documentsOf(created());
    documents.insert(document("doc", CREATED_AT, 1L));
    TenantDocument later = document("doc", TestData.UPDATED_AT, 2L);

    // when
    boolean replaced = documents.put(later);

    // then
    assertThat(replaced).isTrue();
    assertThat(documents.find("doc")).contains(later);
    assertThat(documents.count()).isEqualTo(1);
  }

  @Test
  void deleteRemovesDocument() {
    // given
    TenantDocuments documents = documentsOf(created());
    documents.insert(document("doc", CREATED_AT, 1L));
    documents.insert(document("other", CREATED_AT, 2L));

    // when
    boolean deleted = documents.delete("doc");

    // then
    assertThat(deleted).isTrue();
    assertThat(documents.find("doc")).isEmpty();
    assertThat(documents.find("other")).isPresent();
  }

  @Test
  void deleteOfMissingDocumentReturnsFalse() {
    // given
    TenantDocuments documents = documentsOf(created());
    documents.insert(document("kept", CREATED_AT, 1L));

    // when
    boolean deleted = documents.delete("missing");

    // then
    assertThat(deleted).isFalse();
    assertThat(documents.count()).isEqualTo(1);
  }

  @Test
  void countsDocuments() {
    // given
    TenantDocuments documents = documentsOf(created());
    long before = documents.count();
    for (int index = 0; index < 3; index++) {
      documents.insert(document("doc-" + index, CREATED_AT, (long) index));
    }

    // when
    long after = documents.count();

    // then
    assertThat(before).isZero();
    assertThat(after).isEqualTo(3);
  }

  // Paging

  /** Stores documents out of creation order; three share a millisecond, so their ids decide. */
  private List<TenantDocument> storeUnordered(TenantDocuments documents) {
    Instant first = CREATED_AT;
    Instant second = CREATED_AT.plusMillis(1);
    List<TenantDocument> stored =
        List.of(
            document("m", second, 1L),
            document("c", first, 2L),
            document("z", first.minusSeconds(60), 3L),
            document("a", first, 4L),
            document("b", first, 5L),
            document("d", second.plusSeconds(3600), 6L));
    stored.forEach(documents::insert);
    return stored.stream().sorted(CREATION_ORDER).toList();
  }

  @Test
  void pageListsDocumentsInCreationOrder() {
    // given
    TenantDocuments documents = documentsOf(created());
    List<TenantDocument> ordered = storeUnordered(documents);

    // when
    List<TenantDocument> page = documents.page(Optional.empty(), 10);

    // then
    assertThat(page).containsExactlyElementsOf(ordered);
    assertThat(page).extracting(TenantDocument::id).containsExactly("z", "a", "b", "c", "m", "d");
  }

  @Test
  void idOrderPagesListDocumentsById() {
    // given
    TenantDocuments documents = documentsOf(created());
    storeUnordered(documents);

    // when
    List<TenantDocument> first = documents.pageInIdOrder(Optional.empty(), 4);
    List<TenantDocument> rest = documents.pageInIdOrder(Optional.of("d"), 4);

    // then
    assertThat(first).extracting(TenantDocument::id).containsExactly("a", "b", "c", "d");
    assertThat(rest).extracting(TenantDocument::id).containsExactly("m", "z");
  }

  @Test
  void idOrderPageStartsAfterGivenId() {
    // given
    TenantDocuments documents = documentsOf(created());
    storeUnordered(documents);

    // when
    List<TenantDocument> afterJustBefore = documents.pageInIdOrder(Optional.of("l"), 10);
    List<TenantDocument> afterExact = documents.pageInIdOrder(Optional.of("m"), 10);
    List<TenantDocument> afterLast = documents.pageInIdOrder(Optional.of("z"), 10);

    // then
    assertThat(afterJustBefore).extracting(TenantDocument::id).containsExactly("m", "z");
    assertThat(afterExact).extracting(TenantDocument::id).containsExactly("z");
    assertThat(afterLast).isEmpty();
  }

  @Test
  void idOrderPageSortsHighestIdLast() {
    // given ids made of the highest characters an id may have
    TenantDocuments documents = documentsOf(created());
    String highest = "z".repeat(TenantDocument.MAX_ID_LENGTH);
    documents.insert(withBody(highest, Map.of("n", 1)));
    documents.insert(withBody("_", Map.of("n", 2)));

    // when
    List<TenantDocument> all = documents.pageInIdOrder(Optional.empty(), 10);
    List<TenantDocument> none = documents.pageInIdOrder(Optional.empty(), 0);

    // then
    assertThat(all).extracting(TenantDocument::id).containsExactly("_", highest);
    assertThat(none).isEmpty();
  }

  @Test
  void pageOfLimitOneReturnsFirstDocument() {
    // given
    TenantDocuments documents = documentsOf(created());
    storeUnordered(documents);

    // when
    List<TenantDocument> page = documents.page(Optional.empty(), 1);

    // then
    assertThat(page).extracting(TenantDocument::id).containsExactly("z");
  }

  @Test
  void pageContinuesByIdWithinMillisecond() {
    // given
    TenantDocuments documents = documentsOf(created());
    storeUnordered(documents);
    DocumentPosition afterA = new DocumentPosition(CREATED_AT, "a");

    // when
    List<TenantDocument> page = documents.page(Optional.of(afterA), 2);

    // then
    assertThat(page).extracting(TenantDocument::id).containsExactly("b", "c");
  }

  @Test
  void pageAfterUnstoredPositionStartsNext() {
    // given
    TenantDocuments documents = documentsOf(created());
    storeUnordered(documents);
    DocumentPosition betweenBAndC = new DocumentPosition(CREATED_AT, "bb");

    // when
    List<TenantDocument> page = documents.page(Optional.of(betweenBAndC), 10);

    // then
    assertThat(page).extracting(TenantDocument::id).containsExactly("c", "m", "d");
  }

  @Test
  void fullPageIsFollowedByEmptyPage() {
    // given
    TenantDocuments documents = documentsOf(created());
    List<TenantDocument> ordered = storeUnordered(documents);
    List<TenantDocument> full = documents.page(Optional.empty(), ordered.size());

    // when
    List<TenantDocument> next =
        documents.page(Optional.of(DocumentPosition.of(full.get(full.size() - 1))), 6);

    // then
    assertThat(full).containsExactlyElementsOf(ordered);
    assertThat(next).isEmpty();
  }

  @Test
  void pageAfterLastDocumentIsEmpty() {
    // given
    TenantDocuments documents = documentsOf(created());
    storeUnordered(documents);
    DocumentPosition last = new DocumentPosition(CREATED_AT.plusMillis(1).plusSeconds(3600), "d");

    // when
    List<TenantDocument> page = documents.page(Optional.of(last), 10);

    // then
    assertThat(page).isEmpty();
  }

  @Test
  void pagesOfTwoListEveryDocumentOnce() {
    // given
    TenantDocuments documents = documentsOf(created());
    List<TenantDocument> ordered = storeUnordered(documents);

    // when
    List<TenantDocument> all = pageThroughAll(documents, 2);

    // then
    assertThat(all).containsExactlyElementsOf(ordered);
  }

  @Test
  void pageOfLimitZeroIsEmpty() {
    // given
    TenantDocuments documents = documentsOf(created());
    storeUnordered(documents);

    // when
    List<TenantDocument> page = documents.page(Optional.empty(), 0);

    // then
    assertThat(page).isEmpty();
  }

  @Test
  void pageRejectsNegativeLimit() {
    // given
    TenantDocuments documents = documentsOf(created());

    // when
    Throwable failure = catchThrowable(() -> documents.page(Optional.empty(), -1));

    // then
    assertThat(failure).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pageOfEmptyStorageIsEmpty() {
    assertThat(documentsOf(created()).page(Optional.empty(), 10)).isEmpty();
  }

  // Isolation

  @Test
  void organizationsSeeOnlyOwnDocuments() {
    // given
    TenantPlacement first = created();
    TenantPlacement second = created();
    documentsOf(first).insert(document("same-id", CREATED_AT, 1L));
    documentsOf(first).insert(document("first-only", CREATED_AT, 2L));
    documentsOf(second).insert(document("same-id", CREATED_AT, 3L));

    // when
    TenantDocuments secondDocuments = documentsOf(second);

    // then
    assertThat(secondDocuments.find("same-id")).contains(document("same-id", CREATED_AT, 3L));
    assertThat(secondDocuments.find("first-only")).isEmpty();
    assertThat(secondDocuments.count()).isEqualTo(1);
    assertThat(secondDocuments.page(Optional.empty(), 10))
        .containsExactly(document("same-id", CREATED_AT, 3L));
  }

  @Test
  void writesReachOnlyTheirOwnOrganization() {
    // given
    TenantPlacement first = created();
    TenantPlacement second = created();
    documentsOf(first).insert(document("same-id", CREATED_AT, 1L));
    documentsOf(second).insert(document("same-id", CREATED_AT, 2L));

    // when
    documentsOf(second).replace(document("same-id", CREATED_AT, 20L));
    documentsOf(second).put(document("same-id", CREATED_AT, 200L));
    documentsOf(second).delete("same-id");

    // then
    assertThat(documentsOf(first).find("same-id")).contains(document("same-id", CREATED_AT, 1L));
    assertThat(documentsOf(second).find("same-id")).isEmpty();
  }

  @Test
  void dropKeepsOtherOrganizationsOfTheTier() {
    // given
    TenantPlacement dropped = created();
    TenantPlacement kept = created();
    documentsOf(dropped).insert(document("same-id", CREATED_AT, 1L));
    documentsOf(kept).insert(document("same-id", CREATED_AT, 2L));

    // when
    storage.drop(dropped);

    // then
    assertThat(storage.exists(kept)).isTrue();
    assertThat(documentsOf(kept).find("same-id")).contains(document("same-id", CREATED_AT, 2L));
  }

  @Test
  void otherTiersSeeNoneOfTheDocuments() {
    // given
    TenantPlacement placement = created();
    documentsOf(placement).insert(document("doc", CREATED_AT, 1L));

    for (TenantTier other : TenantTier.values()) {
      if (other == tier()) {
        continue;
      }
      // when
      TenantPlacement elsewhere = placement.inTier(other);
      storage.create(elsewhere);

      // then
      assertThat(storage.documents(elsewhere).find("doc")).as("tier %s", other).isEmpty();
      assertThat(storage.documents(elsewhere).count()).as("tier %s", other).isZero();
      storage.drop(elsewhere);
      assertThat(documentsOf(placement).count()).as("after dropping %s", other).isEqualTo(1);
    }
  }

  // Bodies

  private void assertRoundTrip(Map<String, ?> fields) {
    // given
    TenantDocuments documents = documentsOf(created());
    TenantDocument document = withBody("round-trip", fields);

    // when
    documents.insert(document);

    // then
    TenantDocument stored = documents.find("round-trip").orElseThrow();
    assertThat(stored).isEqualTo(document);
    assertThat(stored.body().toJson()).isEqualTo(document.body().toJson());
  }

  @Test
  void keepsBodyNestedToMaximumDepth() {
    // given
    Object nested = Map.of("leaf", "bottom");
    // The body is level 1 and the leaf map level 32, so 30 maps and lists lie between them.
    for (int level = 2; level < DocumentBody.MAX_DEPTH; level++) {
      nested = level % 2 == 0 ? Map.of("level", nested) : List.of(nested, level);
    }
    Map<String, Object> fields = Map.of("root", nested);
    Map<String, Object> oneLevelDeeper = Map.of("root", List.of(nested));

    // then
    assertThat(catchThrowable(() -> DocumentBody.of(oneLevelDeeper)))
        .isInstanceOf(InvalidField.class);
    assertRoundTrip(fields);
  }

  @Test
  void keepsUnicodeTextAndFieldNames() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("emoji 😀", "snow ☃ and 𝄞 clef");
    fields.put("日本語", "テキスト");
    fields.put("combining", "e\u0301 versus \u00e9");
    fields.put("controls", "tab\t newline\n nul-free \u0001");
    fields.put("dotted.name", "kept as one field");
    fields.put("", "empty field name");

    assertRoundTrip(fields);
  }

  @Test
  void keepsFieldOrder() {
    // given
    TenantDocuments documents = documentsOf(created());
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String name : List.of("zulu", "alpha", "mike", "bravo")) {
      fields.put(name, Map.of("inner", name));
    }
    documents.insert(withBody("ordered", fields));

    // when
    TenantDocument stored = documents.find("ordered").orElseThrow();

    // then
    assertThat(stored.body().fields().keySet()).containsExactly("zulu", "alpha", "mike", "bravo");
  }

  @Test
  void keepsLargeAndSpecialNumbers() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("long max", Long.MAX_VALUE);
    fields.put("long min", Long.MIN_VALUE);
    fields.put("double max", Double.MAX_VALUE);
    fields.put("double min", Double.MIN_VALUE);
    fields.put("negative zero", -0.0);
    fields.put("past long", BigInteger.TWO.pow(64));
    fields.put("34 digits", new BigDecimal("1234567890123456789012345678901234"));
    fields.put("scaled", new BigDecimal("1.50"));
    fields.put("largest exponent", new BigDecimal("9E+6111"));
    fields.put("smallest exponent", new BigDecimal("1E-6176"));
    fields.put("mixed", Arrays.asList(1L, 2.5, null, true, "text"));

    assertRoundTrip(fields);
  }

  @Test
  void keepsTimestampsToTheMillisecond() {
    // given
    TenantDocuments documents = documentsOf(created());
    Instant created = Instant.parse("2026-03-01T10:15:30.001Z");
    Instant updated = Instant.parse("2026-03-01T10:15:30.999Z");
    TenantDocument document =
        new TenantDocument("timed", created, updated, DocumentBody.of(Map.of()));

    // when
    documents.insert(document);

    // then
    assertThat(documents.find("timed")).contains(document);
  }

  @Test
  void keepsTimesAtEdgesOfFourDigitYears() {
    // given: the earliest and latest times a document may have, to the millisecond
    TenantDocuments documents = documentsOf(created());
    Instant earliest = TenantDocument.MIN_TIME;
    Instant latest = Instant.parse("9999-12-31T23:59:59.999Z");
    TenantDocument document =
        new TenantDocument("edges", earliest, latest, DocumentBody.of(Map.of()));

    // when
    documents.put(document);

    // then
    assertThat(documents.find("edges")).contains(document);
    assertThat(pageThroughAll(documents, 10)).containsExactly(document);
  }

  @Test
  void keepsNulInStringValue() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("text", "before\u0000after");

    assertRoundTrip(fields);
  }
}
