package io.croupier.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.application.port.out.AuditLog;
import io.croupier.application.port.out.AuditPosition;
import io.croupier.domain.OrganizationName;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audit events in the {@code audit_events} collection of the master database. Each event keeps an
 * {@code expires_at} of its time plus the retention, which the TTL index removes it at; reads skip
 * expired events themselves, because TTL deletion lags and the embedded store never runs it. A
 * failed write is logged with the event's id and action and then ignored, as the port requires.
 */
public final class MongoAuditLog implements AuditLog {

  /** How long events are kept when no retention is configured. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(365);

  private static final Logger LOG = LoggerFactory.getLogger(MongoAuditLog.class);

  private final MongoCollection<Document> events;
  private final Duration retention;
  private final Clock clock;

  /** Creates the log on the master database with the {@link #DEFAULT_RETENTION}. */
  public MongoAuditLog(MongoDatabase database, Clock clock) {
    this(database, DEFAULT_RETENTION, clock);
  }

  /**
   * Creates the log on the master database. A changed retention applies to events recorded from
   * then on; stored events keep the expiry they were written with.
   *
   * @throws IllegalArgumentException if the retention is not positive
   */
  public MongoAuditLog(MongoDatabase database, Duration retention, Clock clock) {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(retention, "retention");
    if (retention.isZero() || retention.isNegative()) {
      throw new IllegalArgumentException("Audit retention must be positive, was " + retention);
    }
    this.events = database.getCollection(AuditEventDocuments.COLLECTION);
    this.retention = retention;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns how long an event recorded now is kept. */
  public Duration retention() {
    return retention;
  }

  @Override
  public void record(AuditEvent event) {
    try {
      events.insertOne(AuditEventDocuments.toDocument(event, event.time().plus(retention)));
    } catch (RuntimeException failure) {
      LOG.error(
          "Recording audit event {} ({}) of organization {} failed; the event is lost",
          event.id(),
          event.action().code(),
          event.organizationId(),
          failure);
    }
  }

  @Override
  public List<AuditEvent> findPage(
      String organizationId, Optional<AuditPosition> after, int limit) {
    List<Bson> filters = new ArrayList<>();
    filters.add(eq(AuditEventDocuments.ORGANIZATION_ID, organizationId));
    filters.add(unexpired());
    after.ifPresent(position -> filters.add(sortsAfter(position)));

    try {
      return events
          .find(and(filters))
          .sort(Sorts.descending(AuditEventDocuments.TIME, AuditEventDocuments.ID))
          .limit(limit)
          .map(AuditEventDocuments::fromDocument)
          .into(new ArrayList<>());
    } catch (MongoException failure) {
      throw MongoFailures.unavailable(
          "Reading the audit events of organization with id '" + organizationId + "'", failure);
    }
  }

  @Override
  public Optional<String> findOrganizationIdByName(OrganizationName name) {
    Document document;
    try {
      document =
          events
              .find(
                  and(
                      eq(AuditEventDocuments.ORGANIZATION_NAME, name.value()),
                      ne(AuditEventDocuments.ORGANIZATION_ID, null),
                      unexpired()))
              .sort(Sorts.descending(AuditEventDocuments.TIME, AuditEventDocuments.ID))
              .first();
    } catch (MongoException failure) {
      throw MongoFailures.unavailable(
          "Reading the audit events of organization '" + name + "'", failure);
    }
    return Optional.ofNullable(document)
        .map(found -> found.getString(AuditEventDocuments.ORGANIZATION_ID));
  }

  private Bson unexpired() {
    return gt(AuditEventDocuments.EXPIRES_AT, BsonTimestamps.toBson(clock.instant()));
  }

  /** Matches events older than the position, or as old with a smaller id. */
  private static Bson sortsAfter(AuditPosition position) {
    Date time = BsonTimestamps.toBson(position.time());
    return or(
        lt(AuditEventDocuments.TIME, time),
        and(eq(AuditEventDocuments.TIME, time), lt(AuditEventDocuments.ID, position.id())));
  }
}
