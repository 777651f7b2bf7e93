package io.croupier.application.service;

import io.croupier.application.port.in.RequestOrigin;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.application.port.out.AuditLog;
import io.croupier.application.port.out.AuditOutcome;
import io.croupier.domain.Organization;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds audit events with a random id and the current time in whole milliseconds, the precision
 * stores keep, so that a page cursor made from an event matches the stored event exactly.
 */
final class AuditTrail {

  private final AuditLog log;
  private final Clock clock;

  AuditTrail(AuditLog log, Clock clock) {
    this.log = Objects.requireNonNull(log, "log");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Records an event about an organization; see {@link #record(Subject, List)}. */
  void record(Subject subject) {
    record(subject, List.of());
  }

  /** Records an event with the names of the fields it changed. */
  void record(Subject subject, List<String> changedFields) {
    log.record(
        new AuditEvent(
            UUID.randomUUID().toString(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            subject.organizationId(),
            subject.organizationName(),
            subject.actor(),
            subject.action(),
            subject.outcome(),
            subject.origin().clientAddress(),
            subject.origin().requestId(),
            changedFields));
  }

  /**
   * Subject of an event: the action and its outcome, the actor, the organization (id and name, both
   * null when unknown) and the origin of the request.
   */
  record Subject(
      AuditAction action,
      AuditOutcome outcome,
      String actor,
      String organizationId,
      String organizationName,
      RequestOrigin origin) {

    Subject {
      Objects.requireNonNull(origin, "origin");
    }

    /** Returns a successful action on the organization. */
    static Subject success(
        AuditAction action, String actor, Organization organization, RequestOrigin origin) {
      return new Subject(
          action,
          AuditOutcome.SUCCESS,
          actor,
          organization.id(),
          organization.name().value(),
          origin);
    }
  }
}
