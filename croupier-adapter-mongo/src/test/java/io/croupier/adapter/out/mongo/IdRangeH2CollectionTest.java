package io.croupier.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.expr;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mongodb.MongoException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queries with string bounds on {@code _id} in the embedded store, whose collections read only that
 * range of keys, compared with a plain H2 backend of mongo-java-server that reads every document.
 */
class IdRangeH2CollectionTest {

  /** Ids of several BSON types; the strings sit around the range from "a/" to "a0". */
  private static final List<Object> IDS =
      List.of(
          "a/y",
          "a",
          "a.",
          "a/",
          "a/x",
          "a/z",
          "a0",
          "a00",
          "a1",
          "ab/1",
          "b/1",
          "b/2",
          "",
          "Z/1",
          1,
          2L,
          3.5,
          new ObjectId("65f0a1b2c3d4e5f601234567"),
          new Document("org", "a/x"),
          true,
          new Date(0));

  @TempDir static Path folder;

  private static EmbeddedTestStore ranged;
  private static MongoServer plainServer;
  private static MongoClient plainClient;
  private static MongoCollection<Document> rangedKeys;
  private static MongoCollection<Document> plainKeys;

  @BeforeAll
  static void storeSameDocumentsInBoth() {
    ranged = EmbeddedTestStore.start(folder.resolve("ranged"));
    plainServer = new MongoServer(H2Backend.inMemory());
    plainServer.bind(new InetSocketAddress("127.0.0.1", 0));
    plainClient =
        MongoClients.create("mongodb://127.0.0.1:" + plainServer.getLocalAddress().getPort());
    rangedKeys = ranged.database("ranges").getCollection("keys");
    plainKeys = plainClient.getDatabase("ranges").getCollection("keys");
    rangedKeys.insertMany(fixture());
    plainKeys.insertMany(fixture());
  }

  @AfterAll
  static void stopStores() {
    plainClient.close();
    plainServer.shutdownNow();
    ranged.close();
  }

  /** Returns one document per id and one with a null id, each with a number and a tied rank. */
  private static List<Document> fixture() {
    List<Document> documents = new ArrayList<>();
    for (int n = 0; n < IDS.size(); n++) {
      documents.add(new Document("_id", IDS.get(n)).append("n", n + 1).append("rank", n % 3));
    }
    documents.add(new Document("_id", null).append("n", IDS.size() + 1).append("rank", 0));
    return documents;
  }

  private static Arguments query(String description, Bson filter) {
    return query(description, filter, new Document(), 0, 0);
  }

  private static Arguments query(String description, Bson filter, Bson sort, int skip, int limit) {
    return Arguments.of(description, filter, sort, skip, limit);
  }

  static Stream<Arguments> queries() {
    return Stream.of(
        query("both bounds", new Document("_id", new Document("$gte", "a/").append("$lt", "a0"))),
        query("$gt and $lte", new Document("_id", new Document("$gt", "a/").append("$lte", "a0"))),
        query("lower bound only", gte("_id", "a/")),
        query("upper bound only", lt("_id", "a0")),
        query("bounds in $and", and(gte("_id", "a/"), eq("rank", 1), lt("_id", "a0"))),
        query("bounds in nested $and", and(and(gte("_id", "a/"), gt("n", 0)), lt("_id", "a0"))),
        query("tightest of several bounds", and(gte("_id", "a"), gt("_id", "a/"), lt("_id", "b"))),
        query("lower bound above upper", and(gte("_id", "b"), lt("_id", "a"))),
        query("range without keys", and(gte("_id", "x"), lt("_id", "y"))),
        query("range around every string", and(gte("_id", ""), lte("_id", "\uffff"))),
        query("number as upper bound", and(gte("_id", "a/"), lt("_id", 5))),
        query("bounds next to $regex", idRegexWithBounds()),
        query("bounds inside $or", or(and(gte("_id", "a/"), lt("_id", "a0")), eq("_id", 1))),
        query("bounds with other fields", and(gte("_id", "a"), lt("_id", "b"), gte("rank", 1))),
        query(
            "bounds with sort, skip and limit",
            and(gte("_id", ""), lt("_id", "b")),
            Sorts.orderBy(Sorts.descending("rank"), Sorts.ascending("n")),
            1,
            4),
        query(
            "bounds with id order, skip and limit",
            and(gte("_id", ""), lt("_id", "b")),
            Sorts.ascending("_id"),
            1,
            3),
        query(
            "bounds with descending id order and limit",
            and(gte("_id", ""), lt("_id", "b")),
            Sorts.descending("_id"),
            0,
            3),
        query(
            "bounds in natural descending order",
            and(gte("_id", "a"), lt("_id", "b")),
            new Document("$natural", -1),
            0,
            3));
  }

  /**
   * Returns {@code _id} bounds in the same operator document as a {@code $regex}, next to a second
   * field so that the unique index on {@code _id} does not take the query.
   */
  private static Bson idRegexWithBounds() {
    Document operators = new Document("$regex", "^[1a]").append("$gte", "a/").append("$lt", "a0");
    return new Document("_id", operators).append("rank", new Document("$gte", 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void returnsWhatFullScanReturns(String description, Bson filter, Bson sort, int skip, int limit) {
    // when
    List<Document> fromRange = find(rangedKeys, filter, sort, skip, limit);
    List<Document> fromFullScan = find(plainKeys, filter, sort, skip, limit);

    // then
    assertThat(fromRange).containsExactlyElementsOf(fromFullScan);
  }

  private static List<Document> find(
      MongoCollection<Document> collection, Bson filter, Bson sort, int skip, int limit) {
    return collection.find(filter).sort(sort).skip(skip).limit(limit).into(new ArrayList<>());
  }

  static Stream<Arguments> edges() {
    return Stream.of(
        Arguments.of(
            "$gte keeps the lower key",
            and(gte("_id", "a/"), lt("_id", "a/y")),
            List.of("a/", "a/x")),
        Arguments.of(
            "$gt drops the lower key", and(gt("_id", "a/"), lt("_id", "a/y")), List.of("a/x")),
        Arguments.of(
            "$lt drops the upper key",
            and(gte("_id", "a/y"), lt("_id", "a0")),
            List.of("a/y", "a/z")),
        Arguments.of(
            "$lte keeps the upper key",
            and(gte("_id", "a/y"), lte("_id", "a0")),
            List.of("a/y", "a/z", "a0")),
        Arguments.of(
            "$gte and $lte on one key", and(gte("_id", "a0"), lte("_id", "a0")), List.of("a0")),
        Arguments.of("$gt and $lte on one key", and(gt("_id", "a0"), lte("_id", "a0")), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edges")
  void boundaryKeysFollowTheOperator(String description, Bson filter, List<String> expected) {
    // when
    List<Object> ids = idsOf(rangedKeys.find(filter));

    // then
    assertThat(ids).containsExactlyElementsOf(expected);
  }

  private static List<Object> idsOf(Iterable<Document> documents) {
    List<Object> ids = new ArrayList<>();
    documents.forEach(document -> ids.add(document.get("_id")));
    return ids;
  }

  @Test
  void readsNoDocumentOutsideTheRange() {
    // given: dividing by n fails for the document outside the range, and only for it
    MongoCollection<Document> ranges = ranged.database("ranges").getCollection("outside");
    MongoCollection<Document> plain = plainClient.getDatabase("ranges").getCollection("outside");
    List<Document> documents =
        List.of(
            new Document("_id", "a/1").append("n", 1),
            new Document("_id", "a/2").append("n", 2),
            new Document("_id", "b/1").append("n", 0));
    ranges.insertMany(documents.stream().map(Document::new).toList());
    plain.insertMany(documents.stream().map(Document::new).toList());
    Document inverse = new Document("$divide", List.of(1, "$n"));
    Bson filter =
        and(expr(new Document("$gt", List.of(inverse, 0))), gte("_id", "a/"), lt("_id", "a0"));

    // when
    List<Object> ids = idsOf(ranges.find(filter));
    Throwable fullScan = catchThrowable(() -> plain.find(filter).into(new ArrayList<>()));

    // then
    assertThat(ids).containsExactly("a/1", "a/2");
    assertThat(fullScan).isInstanceOf(MongoException.class);
  }

  @Test
  void stopsReadingAtLimitInIdOrder() {
    // given: dividing by n fails for the last document of the range, and only for it
    MongoCollection<Document> ranges = ranged.database("ranges").getCollection("limited");
    ranges.insertMany(
        List.of(
            new Document("_id", "a/1").append("n", 1),
            new Document("_id", "a/2").append("n", 2),
            new Document("_id", "a/3").append("n", 0)));
    Document inverse = new Document("$divide", List.of(1, "$n"));
    Bson filter =
        and(expr(new Document("$gt", List.of(inverse, 0))), gte("_id", "a/"), lt("_id", "a0"));

    // when
    List<Object> firstTwo = idsOf(ranges.find(filter).sort(Sorts.ascending("_id")).limit(2));
    Throwable sorted =
        catchThrowable(
            () ->
                ranges.find(filter).sort(Sorts.descending("_id")).limit(2).into(new ArrayList<>()));

    // then
    assertThat(firstTwo).containsExactly("a/1", "a/2");
    assertThat(sorted).isInstanceOf(MongoException.class);
  }

  @Test
  void deleteWithBoundsDeletesOnlyTheRange() {
    // given
    MongoCollection<Document> deletes = ranged.database("ranges").getCollection("deletes");
    deletes.insertMany(fixture());

    // when
    long deleted = deletes.deleteMany(and(gt("_id", "a/"), lte("_id", "a0"))).getDeletedCount();

    // then
    assertThat(deleted).isEqualTo(4);
    assertThat(deletes.countDocuments()).isEqualTo(IDS.size() + 1 - 4);
    assertThat(idsOf(deletes.find(and(gte("_id", "a/"), lt("_id", "a00"))))).containsExactly("a/");
  }

  @Test
  void renamedCollectionKeepsItsRange() {
    // given
    MongoDatabase database = ranged.database("ranges");
    MongoCollection<Document> before = database.getCollection("before_rename");
    before.insertMany(fixture());

    // when
    before.renameCollection(new MongoNamespace("ranges", "after_rename"));
    MongoCollection<Document> after = database.getCollection("after_rename");
    after.insertOne(new Document("_id", "a/w"));

    // then
    assertThat(idsOf(after.find(and(gte("_id", "a/"), lt("_id", "a0")))))
        .containsExactly("a/", "a/w", "a/x", "a/y", "a/z");
  }

  @Test
  void rangeSurvivesRenameAndRestart() {
    // given
    Path restarted = folder.resolve("restarted");
    try (EmbeddedTestStore store = EmbeddedTestStore.start(restarted)) {
      MongoDatabase database = store.database("ranges");
      database.getCollection("old_name").insertMany(fixture());
      database.getCollection("old_name").renameCollection(new MongoNamespace("ranges", "new_name"));
      database.getCollection("new_name").insertOne(new Document("_id", "a/w"));
    }

    // when
    try (EmbeddedTestStore store = EmbeddedTestStore.start(restarted)) {
      MongoCollection<Document> renamed = store.database("ranges").getCollection("new_name");
      List<Object> ids = idsOf(renamed.find(and(gt("_id", "a/"), lt("_id", "a0"))));

      // then
      assertThat(ids).containsExactly("a/w", "a/x", "a/y", "a/z");
    }
  }
}
