package io.croupier.adapter.out.mongo;

import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationState;
import org.bson.Document;

/** BSON mapping of {@link Organization} in the {@code organizations} collection. */
final class OrganizationDocuments {

  static final String COLLECTION = "organizations";
  static final String ID = "_id";
  static final String NAME = "organization_name";
  static final String COLLECTION_NAME = "collection_name";
  static final String ADMIN_ID = "admin_id";
  static final String STATE = "state";
  static final String CREATED_AT = "created_at";
  static final String UPDATED_AT = "updated_at";

  private OrganizationDocuments() {}

  static Document toDocument(Organization organization) {
    return new Document(ID, organization.id())
        .append(NAME, organization.name().value())
        .append(COLLECTION_NAME, MongoTenantStorage.collectionName(organization.name()))
        .append(ADMIN_ID, organization.adminId())
        .append(STATE, organization.state().name())
        .append(CREATED_AT, BsonTimestamps.toBson(organization.createdAt()))
        .append(UPDATED_AT, BsonTimestamps.toBson(organization.updatedAt()));
  }

  static Organization fromDocument(Document document) {
    return new Organization(
        document.getString(ID),
        new OrganizationName(document.getString(NAME)),
        document.getString(ADMIN_ID),
        OrganizationState.valueOf(document.getString(STATE)),
        BsonTimestamps.fromBson(document.getDate(CREATED_AT)),
        BsonTimestamps.fromBson(document.getDate(UPDATED_AT)));
  }
}
