package io.croupier.adapter.out.mongo;

import io.croupier.domain.AdminUser;
import io.croupier.domain.EmailAddress;
import org.bson.Document;

/** BSON mapping of {@link AdminUser} in the {@code admin_users} collection. */
final class AdminDocuments {

  static final String COLLECTION = "admin_users";
  static final String ID = "_id";
  static final String ORGANIZATION_ID = "organization_id";
  static final String EMAIL = "email";
  static final String PASSWORD_HASH = "password_hash";
  static final String CREDENTIALS_VERSION = "credentials_version";
  static final String CREATED_AT = "created_at";
  static final String UPDATED_AT = "updated_at";

  private AdminDocuments() {}

  static Document toDocument(AdminUser admin) {
    return new Document(ID, admin.id())
        .append(ORGANIZATION_ID, admin.organizationId())
        .append(EMAIL, admin.email().value())
        .append(PASSWORD_HASH, admin.passwordHash())
        .append(CREDENTIALS_VERSION, admin.credentialsVersion())
        .append(CREATED_AT, BsonTimestamps.toBson(admin.createdAt()))
        .append(UPDATED_AT, BsonTimestamps.toBson(admin.updatedAt()));
  }

  static AdminUser fromDocument(Document document) {
    // A 32-bit number is read as well, in case a document was written by hand or by a shell.
    Number credentialsVersion = document.get(CREDENTIALS_VERSION, Number.class);
    return new AdminUser(
        document.getString(ID),
        document.getString(ORGANIZATION_ID),
        new EmailAddress(document.getString(EMAIL)),
        document.getString(PASSWORD_HASH),
        credentialsVersion.longValue(),
        BsonTimestamps.fromBson(document.getDate(CREATED_AT)),
        BsonTimestamps.fromBson(document.getDate(UPDATED_AT)));
  }
}
