package io.croupier.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.croupier.application.port.out.JournalEntry;
import io.croupier.application.port.out.MoveJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Move journal in the {@code move_journal} collection of the master database, one document per
 * organization and document. Its {@code _id} is {@code <organization id>/<document id>}, so one
 * organization's entries form one range of the {@code _id} index, in document id order. Each note
 * is one upsert that raises {@code version} and changes {@code in_progress}.
 */
public final class MongoMoveJournal implements MoveJournal {

  static final String COLLECTION = "move_journal";
  static final String ID = "_id";
  static final String ORGANIZATION_ID = "organization_id";
  static final String DOCUMENT_ID = "document_id";
  static final String VERSION = "version";
  static final String IN_PROGRESS = "in_progress";

  private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

  private final MongoCollection<Document> entries;

  /** Creates the journal on the master database; must not be null. */
  public MongoMoveJournal(MongoDatabase database) {
    Objects.requireNonNull(database, "database");
    this.entries = database.getCollection(COLLECTION);
  }

  @Override
  public void writeBegins(String organizationId, String documentId) {
    note(organizationId, documentId, 1L, "Noting the start of a document write");
  }

  @Override
  public void writeEnded(String organizationId, String documentId) {
    note(organizationId, documentId, -1L, "Noting the end of a document write");
  }

  private void note(String organizationId, String documentId, long inProgress, String action) {
    Bson update =
        Updates.combine(
            Updates.setOnInsert(ORGANIZATION_ID, organizationId),
            Updates.setOnInsert(DOCUMENT_ID, documentId),
            Updates.inc(VERSION, 1L),
            Updates.inc(IN_PROGRESS, inProgress));
    Bson entry = eq(ID, key(organizationId, documentId));
    try {
      try {
        entries.updateOne(entry, update, UPSERT);
      } catch (MongoException failure) {
        if (!MongoFailures.isDuplicateKey(failure)) {
          throw failure;
        }
        // Two upserts that both found no entry race to insert it; the loser updates the winner's.
        entries.updateOne(entry, update, UPSERT);
      }
    } catch (MongoException failure) {
      throw MongoFailures.unavailable(action, failure);
    }
  }

  @Override
  public List<JournalEntry> page(
      String organizationId, Optional<String> afterDocumentId, int limit) {
    Bson from =
        afterDocumentId
            .map(after -> gt(ID, key(organizationId, after)))
            .orElse(gte(ID, key(organizationId, "")));
    try {
      return entries
          .find(and(eq(ORGANIZATION_ID, organizationId), from, lt(ID, end(organizationId))))
          .sort(Sorts.ascending(ID))
          .limit(limit)
          .map(MongoMoveJournal::entry)
          .into(new ArrayList<>());
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Reading the move journal", failure);
    }
  }

  @Override
  public boolean remove(JournalEntry entry) {
    try {
      return entries
              .deleteOne(
                  and(
                      eq(ID, key(entry.organizationId(), entry.documentId())),
                      eq(VERSION, entry.version())))
              .getDeletedCount()
          == 1;
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Removing a move journal entry", failure);
    }
  }

  @Override
  public void clear(String organizationId) {
    try {
      entries.deleteMany(
          and(
              eq(ORGANIZATION_ID, organizationId),
              gte(ID, key(organizationId, "")),
              lt(ID, end(organizationId))));
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Clearing the move journal", failure);
    }
  }

  private static JournalEntry entry(Document document) {
    return new JournalEntry(
        document.getString(ORGANIZATION_ID),
        document.getString(DOCUMENT_ID),
        ((Number) document.get(VERSION)).longValue(),
        ((Number) document.get(IN_PROGRESS)).longValue());
  }

  private static String key(String organizationId, String documentId) {
    return organizationId + "/" + documentId;
  }

  /** Returns the first {@code _id} after every key of the organization: '0' follows '/'. */
  private static String end(String organizationId) {
    return organizationId + "0";
  }
}
