package io.croupier.adapter.out.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * H2 collection that reads only the documents whose {@code _id} lies between two strings when a
 * query requires that, instead of every document of the collection.
 *
 * <p>mongo-java-server 1.47.0 keeps non-unique indexes without using them, and uses a unique index
 * only for an exact match or {@code $in} on all its fields. Any other query streams the whole data
 * map through its query matcher. That map is keyed by the {@code _id} value, and the default key
 * type of H2 2.3.232 orders keys by type first and strings by {@link String#compareTo}. When a
 * query bounds {@code _id} from below and from above with strings ({@code $gt} or {@code $gte}, and
 * {@code $lt} or {@code $lte}, at the top level or in a top-level {@code $and}), this collection
 * streams the keys from the lower to the upper bound, both included. The parent then applies the
 * whole query, the sort, the skip and the limit as before. A sort on {@code _id} ascending alone is
 * left out, since the keys already stream in that order, so the parent stops reading at the limit
 * instead of sorting the whole range first.
 *
 * <p>No match is lost: mongo-java-server's matcher compares an {@code _id} with a string bound only
 * when the {@code _id} is a string too, and compares two strings with {@link String#compareTo}, so
 * a document outside the key range fails the bound. Queries in {@code $natural} descending order
 * keep the parent's path, which sorts by position.
 *
 * <p>NOTE: the matcher rejects some malformed queries, such as a {@code $or} that is not an array,
 * only when it evaluates a document. Such a query that also sets both bounds returns no documents,
 * where the parent's full scan fails, if no key lies in the range.
 */
final class IdRangeH2Collection extends H2Collection {

  private static final String ID = "_id";

  /** The parent's data map. A rename gives this map object the new name, so it stays valid. */
  private final MVMap<Object, Document> documents;

  IdRangeH2Collection(
      MongoDatabase database,
      String collectionName,
      CollectionOptions options,
      MVMap<Object, Document> documents,
      MVMap<String, Object> statistics,
      CursorRegistry cursorRegistry) {
    super(database, collectionName, options, documents, statistics, cursorRegistry);
    this.documents = documents;
  }

  @Override
  protected QueryResult matchDocuments(
      Document query,
      Document orderBy,
      int numberToSkip,
      int limit,
      int batchSize,
      Document fieldSelector) {
    // The data map is keyed by the collection's id field, which is not _id in the store's own
    // namespace and index collections.
    if (isNaturalDescending(orderBy) || !ID.equals(getIdField())) {
      return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }
    StringBounds bounds = new StringBounds();
    bounds.addConditions(query);
    if (bounds.lower == null || bounds.upper == null) {
      return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }
    Document order = isIdAscending(orderBy) ? new Document() : orderBy;
    return matchDocumentsFromStream(
        documentsBetween(bounds.lower, bounds.upper),
        query,
        order,
        numberToSkip,
        limit,
        batchSize,
        fieldSelector);
  }

  /**
   * Returns whether the sort is {@code _id} ascending alone. The range contains string keys only,
   * which the data map and the store's sort both order by {@link String#compareTo}.
   */
  private static boolean isIdAscending(Document orderBy) {
    return orderBy != null
        && orderBy.size() == 1
        && orderBy.get(ID) instanceof Number direction
        && direction.intValue() == 1;
  }

  /** Streams the documents whose key lies from {@code from} to {@code to}, in key order. */
  private Stream<Document> documentsBetween(String from, String to) {
    Cursor<Object, Document> cursor = documents.cursor(from, to, false);
    Iterator<Document> values =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return cursor.hasNext();
          }

          @Override
          public Document next() {
            cursor.next();
            return cursor.getValue();
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(values, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** The tightest string bounds on {@code _id} among the conditions that every match meets. */
  private static final class StringBounds {

    private String lower;
    private String upper;

    /** Adds the conditions of a query or of one element of its {@code $and}, all of which hold. */
    void addConditions(Document conditions) {
      for (Map.Entry<String, Object> condition : conditions.entrySet()) {
        Object value = condition.getValue();
        if (condition.getKey().equals(ID) && value instanceof Document operators) {
          addOperators(operators);
        } else if (condition.getKey().equals("$and") && value instanceof List<?> elements) {
          for (Object element : elements) {
            if (element instanceof Document nested) {
              addConditions(nested);
            }
          }
        }
      }
    }

    private void addOperators(Document operators) {
      // The matcher reads a document with $regex as a regular expression and ignores the other
      // operators in it, so they bound nothing.
      if (BsonRegularExpression.isRegularExpression(operators)) {
        return;
      }
      for (Map.Entry<String, Object> operator : operators.entrySet()) {
        if (operator.getValue() instanceof String bound) {
          switch (operator.getKey()) {
            case "$gt", "$gte" -> lower = lower == null ? bound : max(lower, bound);
            case "$lt", "$lte" -> upper = upper == null ? bound : min(upper, bound);
            default -> {
              // Other operators narrow the matches further but set no bound.
            }
          }
        }
      }
    }

    private static String max(String first, String second) {
      return first.compareTo(second) >= 0 ? first : second;
    }

    private static String min(String first, String second) {
      return first.compareTo(second) <= 0 ? first : second;
    }
  }
}
