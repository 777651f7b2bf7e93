package io.croupier.application.fakes;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.application.port.out.AuditLog;
import io.croupier.application.port.out.AuditPosition;
import io.croupier.domain.OrganizationName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Audit log in a list. Like the real adapters it never throws from {@link #record}: after {@link
 * #failWrites()}, it drops every event, as an adapter does when its store fails, and counts it.
 */
public final class InMemoryAuditLog implements AuditLog {

  private static final Comparator<AuditEvent> NEWEST_FIRST =
      Comparator.comparing(AuditEvent::time).thenComparing(AuditEvent::id).reversed();

  private final List<AuditEvent> events = new ArrayList<>();
  private final FailurePlan failures;
  private boolean failWrites;
  private int droppedEvents;

  public InMemoryAuditLog(FailurePlan failures) {
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  @Override
  public synchronized void record(AuditEvent event) {
    if (failWrites) {
      droppedEvents++;
      return;
    }
    events.add(event);
  }

  @Override
  public synchronized List<AuditEvent> findPage(
      String organizationId, Optional<AuditPosition> after, int limit) {
    failures.check(Operation.AUDIT_READ);
    return events.stream()
        .filter(event -> organizationId.equals(event.organizationId()))
        .filter(event -> after.map(position -> sortsAfter(event, position)).orElse(true))
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Optional<String> findOrganizationIdByName(OrganizationName name) {
    failures.check(Operation.AUDIT_READ);
    return events.stream()
        .filter(event -> name.value().equals(event.organizationName()))
        .filter(event -> event.organizationId() != null)
        .sorted(NEWEST_FIRST)
        .map(AuditEvent::organizationId)
        .findFirst();
  }

  /** Makes every later write fail, so that the log drops the event. */
  public synchronized void failWrites() {
    failWrites = true;
  }

  /** Returns how many events were dropped since {@link #failWrites()}. */
  public synchronized int droppedEvents() {
    return droppedEvents;
  }

  /** Returns every stored event, in the order of recording. */
  public synchronized List<AuditEvent> all() {
    return List.copyOf(events);
  }

  /** Returns the stored events with the action, in the order of recording. */
  public synchronized List<AuditEvent> withAction(AuditAction action) {
    return events.stream().filter(event -> event.action() == action).toList();
  }

  private static boolean sortsAfter(AuditEvent event, AuditPosition position) {
    int byTime = event.time().compareTo(position.time());
    return byTime < 0 || (byTime == 0 && event.id().compareTo(position.id()) < 0);
  }
}
