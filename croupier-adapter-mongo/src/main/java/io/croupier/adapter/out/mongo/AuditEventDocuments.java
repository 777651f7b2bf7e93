package io.croupier.adapter.out.mongo;

import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.application.port.out.AuditOutcome;
import java.time.Instant;
import java.util.List;
import org.bson.Document;

/**
 * BSON mapping of {@link AuditEvent} in the {@code audit_events} collection, with the {@code
 * expires_at} that the TTL index removes the event at.
 */
final class AuditEventDocuments {

  static final String COLLECTION = "audit_events";
  static final String ID = "_id";
  static final String TIME = "time";
  static final String EXPIRES_AT = "expires_at";
  static final String ORGANIZATION_ID = "organization_id";
  static final String ORGANIZATION_NAME = "organization_name";
  static final String ACTOR = "actor";
  static final String ACTION = "action";
  static final String OUTCOME = "outcome";
  static final String CLIENT_ADDRESS = "client_address";
  static final String REQUEST_ID = "request_id";
  static final String CHANGED_FIELDS = "changed_fields";

  private AuditEventDocuments() {}

  static Document toDocument(AuditEvent event, Instant expiresAt) {
    return new Document(ID, event.id())
        .append(TIME, BsonTimestamps.toBson(event.time()))
        .append(EXPIRES_AT, BsonTimestamps.toBson(expiresAt))
        .append(ORGANIZATION_ID, event.organizationId())
        .append(ORGANIZATION_NAME, event.organizationName())
        .append(ACTOR, event.actor())
        .append(ACTION, event.action().code())
        .append(OUTCOME, event.outcome().code())
        .append(CLIENT_ADDRESS, event.clientAddress())
        .append(REQUEST_ID, event.requestId())
        .append(CHANGED_FIELDS, event.changedFields());
  }

  static AuditEvent fromDocument(Document document) {
    return new AuditEvent(
        document.getString(ID),
        BsonTimestamps.fromBson(document.getDate(TIME)),
        document.getString(ORGANIZATION_ID),
        document.getString(ORGANIZATION_NAME),
        document.getString(ACTOR),
        AuditAction.fromCode(document.getString(ACTION)),
        AuditOutcome.fromCode(document.getString(OUTCOME)),
        document.getString(CLIENT_ADDRESS),
        document.getString(REQUEST_ID),
        document.getList(CHANGED_FIELDS, String.class, List.of()));
  }
}
