package io.croupier.adapter.out.mongo;

import io.croupier.application.port.out.RefreshTokenState;
import io.croupier.application.port.out.StoredRefreshToken;
import org.bson.Document;

/**
 * BSON mapping of {@link StoredRefreshToken} in the {@code refresh_tokens} collection. The token
 * hash is the {@code _id}, so the always-present unique {@code _id} index keeps hashes unique.
 */
final class RefreshTokenDocuments {

  static final String COLLECTION = "refresh_tokens";
  static final String TOKEN_HASH = "_id";
  static final String SESSION_ID = "session_id";
  static final String ADMIN_ID = "admin_id";
  static final String ORGANIZATION_ID = "organization_id";
  static final String CREDENTIALS_VERSION = "credentials_version";
  static final String STATE = "state";
  static final String ISSUED_AT = "issued_at";
  static final String EXPIRES_AT = "expires_at";
  static final String CHANGED_AT = "changed_at";

  private RefreshTokenDocuments() {}

  static Document toDocument(StoredRefreshToken token) {
    return new Document(TOKEN_HASH, token.tokenHash())
        .append(SESSION_ID, token.sessionId())
        .append(ADMIN_ID, token.adminId())
        .append(ORGANIZATION_ID, token.organizationId())
        .append(CREDENTIALS_VERSION, token.credentialsVersion())
        .append(STATE, token.state().name())
        .append(ISSUED_AT, BsonTimestamps.toBson(token.issuedAt()))
        .append(EXPIRES_AT, BsonTimestamps.toBson(token.expiresAt()));
  }

  static StoredRefreshToken fromDocument(Document document) {
    Number credentialsVersion = document.get(CREDENTIALS_VERSION, Number.class);
    return new StoredRefreshToken(
        document.getString(TOKEN_HASH),
        document.getString(SESSION_ID),
        document.getString(ADMIN_ID),
        document.getString(ORGANIZATION_ID),
        credentialsVersion.longValue(),
        BsonTimestamps.fromBson(document.getDate(ISSUED_AT)),
        BsonTimestamps.fromBson(document.getDate(EXPIRES_AT)),
        RefreshTokenState.valueOf(document.getString(STATE)));
  }
}
