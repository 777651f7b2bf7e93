package io.croupier.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import io.croupier.application.port.out.RevokedTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.Document;

/**
 * Revocation list in the {@code revoked_tokens} collection of the master database: one document per
 * revoked token id or session id, whose {@code _id} is {@code token:<jti>} or {@code
 * session:<sid>}, with the {@code expires_at} after which it no longer counts. The TTL index on
 * {@code expires_at} removes old entries, and every read filters on it, because TTL deletion lags
 * and the embedded store never runs it.
 */
public final class MongoRevokedTokens implements RevokedTokens {

  static final String COLLECTION = "revoked_tokens";
  static final String ID = "_id";
  static final String KIND = "kind";
  static final String EXPIRES_AT = "expires_at";

  private static final String TOKEN = "token";
  private static final String SESSION = "session";

  private final MongoCollection<Document> entries;

  /** Creates the list on the master database; must not be null. */
  public MongoRevokedTokens(MongoDatabase database) {
    Objects.requireNonNull(database, "database");
    this.entries = database.getCollection(COLLECTION);
  }

  @Override
  public void revokeToken(String tokenId, Instant until) {
    revoke(TOKEN, Objects.requireNonNull(tokenId, "tokenId"), until);
  }

  @Override
  public void revokeSession(String sessionId, Instant until) {
    revoke(SESSION, Objects.requireNonNull(sessionId, "sessionId"), until);
  }

  @Override
  public boolean isRevoked(String tokenId, String sessionId, Instant now) {
    List<String> ids = new ArrayList<>();
    if (tokenId != null) {
      ids.add(TOKEN + ":" + tokenId);
    }
    if (sessionId != null) {
      ids.add(SESSION + ":" + sessionId);
    }
    if (ids.isEmpty()) {
      return false;
    }

    try {
      return entries.find(and(in(ID, ids), gt(EXPIRES_AT, BsonTimestamps.toBson(now)))).first()
          != null;
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Reading the token revocation list", failure);
    }
  }

  /**
   * Upserts the entry, keeping the later of the stored and the new expiry. Two concurrent upserts
   * of a new entry can both try to insert, and the loser fails with a duplicate key. Its retry then
   * finds the document and updates it.
   */
  private void revoke(String kind, String id, Instant until) {
    String key = kind + ":" + id;
    for (int attempt = 1; ; attempt++) {
      try {
        entries.updateOne(
            eq(ID, key),
            combine(max(EXPIRES_AT, BsonTimestamps.toBson(until)), setOnInsert(KIND, kind)),
            new UpdateOptions().upsert(true));
        return;
      } catch (MongoException failure) {
        if (attempt == 1 && MongoFailures.isDuplicateKey(failure)) {
          continue;
        }
        throw MongoFailures.unavailable("Revoking " + kind + " '" + id + "'", failure);
      }
    }
  }
}
