package io.croupier.adapter.out.mongo;

import com.mongodb.client.model.Filters;
import io.croupier.domain.TenantDocument;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * BSON mapping of {@link TenantDocument}. In a collection of the organization's own a document is
 * {@code {_id, created_at, updated_at, body}}, with the document id as {@code _id}. In the shared
 * collection it also carries {@code org_id} and {@code doc_id}, and its {@code _id} is {@code
 * <org_id>/<doc_id>}, so that two organizations can hold documents with the same id, as after an
 * export of one organization is imported into another.
 */
final class TenantDocumentMapping {

  static final String ID = "_id";
  static final String ORGANIZATION_ID = "org_id";
  static final String DOCUMENT_ID = "doc_id";
  static final String CREATED_AT = "created_at";
  static final String UPDATED_AT = "updated_at";
  static final String BODY = "body";

  /** Separator of the organization id and the document id in a shared-collection {@code _id}. */
  private static final char SEPARATOR = '/';

  private TenantDocumentMapping() {}

  /** Returns the document as stored in a collection of the organization's own. */
  static Document toOwnDocument(TenantDocument document) {
    return withContent(new Document(ID, document.id()), document);
  }

  /** Returns the document as stored in the shared collection. */
  static Document toSharedDocument(String organizationId, TenantDocument document) {
    Document stored =
        new Document(ID, sharedId(organizationId, document.id()))
            .append(ORGANIZATION_ID, organizationId)
            .append(DOCUMENT_ID, document.id());
    return withContent(stored, document);
  }

  private static Document withContent(Document stored, TenantDocument document) {
    return stored
        .append(CREATED_AT, BsonTimestamps.toBson(document.createdAt()))
        .append(UPDATED_AT, BsonTimestamps.toBson(document.updatedAt()))
        .append(BODY, BsonBodies.toBson(document.body()));
  }

  /**
   * Returns the {@code _id} of a document in the shared collection. Document ids contain no {@code
   * /}, so the last {@code /} separates the parts and two pairs never share an {@code _id}.
   */
  static String sharedId(String organizationId, String documentId) {
    return organizationId + SEPARATOR + documentId;
  }

  /**
   * Returns the filter on the documents of one organization in the shared collection. It matches
   * the {@code org_id} and the {@code _id} range from {@code <org_id>/} included to {@code
   * <org_id>0} excluded. Since {@code 0} is the character after {@code /}, that range contains
   * every string that starts with {@code <org_id>/}. The embedded store reads only that range of
   * its primary key, where it would read the whole collection for the {@code org_id} alone (see
   * {@link IdRangeH2Collection}). Organization ids are UUIDs, without {@code /}, so the range
   * contains no other organization's documents, and if it did, the {@code org_id} condition would
   * drop them.
   */
  static Bson sharedOwner(String organizationId) {
    return Filters.and(
        Filters.eq(ORGANIZATION_ID, organizationId),
        Filters.gte(ID, organizationId + SEPARATOR),
        Filters.lt(ID, organizationId + (char) (SEPARATOR + 1)));
  }

  /** Returns the document stored in BSON whose id is in the field {@code idField}. */
  static TenantDocument fromDocument(Document stored, String idField) {
    return new TenantDocument(
        stored.getString(idField),
        BsonTimestamps.fromBson(stored.getDate(CREATED_AT)),
        BsonTimestamps.fromBson(stored.getDate(UPDATED_AT)),
        BsonBodies.fromBson(stored.get(BODY, Document.class)));
  }
}
