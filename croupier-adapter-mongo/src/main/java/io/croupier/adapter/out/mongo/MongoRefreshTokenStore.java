package io.croupier.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.croupier.application.port.out.RefreshTokenState;
import io.croupier.application.port.out.RefreshTokenStore;
import io.croupier.application.port.out.StoredRefreshToken;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;

/**
 * Refresh tokens in the {@code refresh_tokens} collection of the master database, by hash. A
 * rotation is one {@code updateOne} whose filter requires the active state, which MongoDB applies
 * atomically to the one document, so of concurrent rotations exactly one matches. Expired tokens
 * are removed by the TTL index on {@code expires_at} that {@link MongoSchema} makes; rotation
 * checks the expiry itself, because TTL deletion runs only about once a minute and the embedded
 * store never runs it. Messages never contain a token hash.
 */
public final class MongoRefreshTokenStore implements RefreshTokenStore {

  private final MongoCollection<Document> tokens;

  /** Creates the store on the master database; must not be null. */
  public MongoRefreshTokenStore(MongoDatabase database) {
    Objects.requireNonNull(database, "database");
    this.tokens = database.getCollection(RefreshTokenDocuments.COLLECTION);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if a token with the hash is already stored
   */
  @Override
  public void insert(StoredRefreshToken token) {
    try {
      tokens.insertOne(RefreshTokenDocuments.toDocument(token));
    } catch (MongoException failure) {
      if (MongoFailures.isDuplicateKey(failure)) {
        throw new IllegalStateException("A refresh token with the same hash is already stored");
      }
      throw MongoFailures.unavailable(
          "Storing a refresh token of session '" + token.sessionId() + "'", failure);
    }
  }

  @Override
  public Optional<StoredRefreshToken> findByHash(String tokenHash) {
    Document document;
    try {
      document = tokens.find(eq(RefreshTokenDocuments.TOKEN_HASH, tokenHash)).first();
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Reading a refresh token", failure);
    }
    return Optional.ofNullable(document).map(RefreshTokenDocuments::fromDocument);
  }

  @Override
  public boolean markRotated(String tokenHash, Instant now) {
    try {
      long matched =
          tokens
              .updateOne(
                  and(
                      eq(RefreshTokenDocuments.TOKEN_HASH, tokenHash),
                      eq(RefreshTokenDocuments.STATE, RefreshTokenState.ACTIVE.name()),
                      gt(RefreshTokenDocuments.EXPIRES_AT, BsonTimestamps.toBson(now))),
                  combine(
                      set(RefreshTokenDocuments.STATE, RefreshTokenState.ROTATED.name()),
                      set(RefreshTokenDocuments.CHANGED_AT, BsonTimestamps.toBson(now))))
              .getMatchedCount();
      return matched == 1;
    } catch (MongoException failure) {
      throw MongoFailures.unavailable("Rotating a refresh token", failure);
    }
  }

  @Override
  public void revokeSession(String sessionId, Instant now) {
    try {
      tokens.updateMany(
          and(
              eq(RefreshTokenDocuments.SESSION_ID, sessionId),
              ne(RefreshTokenDocuments.STATE, RefreshTokenState.REVOKED.name())),
          combine(
              set(RefreshTokenDocuments.STATE, RefreshTokenState.REVOKED.name()),
              set(RefreshTokenDocuments.CHANGED_AT, BsonTimestamps.toBson(now))));
    } catch (MongoException failure) {
      throw MongoFailures.unavailable(
          "Revoking the refresh tokens of session '" + sessionId + "'", failure);
    }
  }
}
