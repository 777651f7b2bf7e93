package io.croupier.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.croupier.application.port.out.LoginFailure;
import io.croupier.application.port.out.LoginFailureLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.bson.Document;

/**
 * Login failures in the {@code login_failures} collection of the master database, one document per
 * failure with its key, time and expiry. The compound index on key and time, newest first, serves
 * {@link #recent}, and the TTL index on {@code expires_at} removes old failures; reads filter on
 * the time themselves, because TTL deletion lags and the embedded store never runs it. Keys can
 * contain an email address, so messages name no key.
 */
public final class MongoLoginFailureLog implements LoginFailureLog {

  static final String COLLECTION = "login_failures";
  static final String ID = "_id";
  static final String KEY = "key";
  static final String TIME = "time";
  static final String EXPIRES_AT = "expires_at";

  private final MongoCollection<Document> failures;

  /** Creates the log on the master database; must not be null. */
  public MongoLoginFailureLog(MongoDatabase database) {
    Objects.requireNonNull(database, "database");
    this.failures = database.getCollection(COLLECTION);
  }

  @Override
  public String record(String key, Instant time, Instant expiresAt) {
    String id = UUID.randomUUID().toString();
    Document document =
        new Document(ID, id)
            .append(KEY, key)
            .append(TIME, BsonTimestamps.toBson(time))
            .append(EXPIRES_AT, BsonTimestamps.toBson(expiresAt));
    try {
      failures.insertOne(document);
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Recording a login failure", failure);
    }
    return id;
  }

  @Override
  public List<LoginFailure> recent(String key, Instant since, int limit) {
    try {
      return failures
          .find(and(eq(KEY, key), gt(TIME, BsonTimestamps.toBson(since))))
          .sort(Sorts.descending(TIME, ID))
          .limit(limit)
          .map(
              document ->
                  new LoginFailure(
                      document.getString(ID), BsonTimestamps.fromBson(document.getDate(TIME))))
          .into(new ArrayList<>());
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Reading recent login failures", failure);
    }
  }

  @Override
  public void remove(String key, String failureId) {
    try {
      failures.deleteOne(and(eq(ID, failureId), eq(KEY, key)));
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Removing a login failure", failure);
    }
  }

  @Override
  public void clear(String key) {
    try {
      failures.deleteMany(eq(KEY, key));
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Clearing login failures", failure);
    }
  }
}
