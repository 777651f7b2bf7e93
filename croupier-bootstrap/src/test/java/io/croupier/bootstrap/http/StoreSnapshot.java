package io.croupier.bootstrap.http;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Every document of every collection in the master database at one moment, so that a test can prove
 * that a rejected request stored or changed nothing. Password hashes are replaced by a fingerprint,
 * so that a failure message never shows one. The login failures and audit events are left out,
 * because a rejected login records itself in both by design. The session, lockout and audit tests
 * check those collections themselves.
 */
record StoreSnapshot(Map<String, List<Document>> collections) {

  private static final String PASSWORD_HASH = "password_hash";
  private static final Set<String> RECORDS_OF_REJECTIONS = Set.of("login_failures", "audit_events");

  /**
   * Reads every collection but those whose name starts with {@code system.}, the login failures and
   * the audit events.
   */
  static StoreSnapshot of(MongoDatabase database) {
    Map<String, List<Document>> collections = new TreeMap<>();
    for (String name : database.listCollectionNames()) {
      if (name.startsWith("system.") || RECORDS_OF_REJECTIONS.contains(name)) {
        continue;
      }
      List<Document> documents = new ArrayList<>();
      for (Document document : database.getCollection(name).find()) {
        documents.add(redacted(document));
      }
      documents.sort(Comparator.comparing(document -> String.valueOf(document.get("_id"))));
      collections.put(name, documents);
    }
    return new StoreSnapshot(collections);
  }

  private static Document redacted(Document document) {
    Object hash = document.get(PASSWORD_HASH);
    if (hash == null) {
      return document;
    }
    Document copy = new Document(document);
    copy.put(PASSWORD_HASH, "fingerprint-" + Integer.toHexString(hash.hashCode()));
    return copy;
  }
}
