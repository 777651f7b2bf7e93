package io.croupier.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.croupier.application.fakes.TestClock;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.application.port.out.AuditOutcome;
import io.croupier.application.port.out.AuditPosition;
import io.croupier.domain.OrganizationName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link MongoAuditLog} store must show. */
public abstract class AuditLogContract {

  private static final Instant NOW = TestData.CREATED_AT;
  private static final Duration RETENTION = Duration.ofDays(30);

  private final TestClock clock = new TestClock(NOW);
  private MongoAuditLog log;
  private String organizationId;

  /** Returns the master database with the master collections prepared. */
  protected abstract MongoDatabase masterDatabase();

  @BeforeEach
  void createLog() {
    log = new MongoAuditLog(masterDatabase(), RETENTION, clock);
    organizationId = UUID.randomUUID().toString();
  }

  private AuditEvent event(Instant time, String organization, String name) {
    return new AuditEvent(
        UUID.randomUUID().toString(),
        time,
        organization,
        name,
        "admin-1",
        AuditAction.ORGANIZATION_UPDATED,
        AuditOutcome.SUCCESS,
        "203.0.113.7",
        "req-1",
        List.of("organization_name", "password"));
  }

  private AuditEvent recorded(Instant time) {
    AuditEvent event = event(time, organizationId, "acme");
    log.record(event);
    return event;
  }

  private static List<AuditEvent> newestFirst(List<AuditEvent> events) {
    return events.stream()
        .sorted(Comparator.comparing(AuditEvent::time).thenComparing(AuditEvent::id).reversed())
        .toList();
  }

  @Test
  void storesEveryField() {
    // given
    AuditEvent event = recorded(NOW);

    // when
    List<AuditEvent> page = log.findPage(organizationId, Optional.empty(), 10);

    // then
    assertThat(page).containsExactly(event);
  }

  @Test
  void storesNullParts() {
    // given
    AuditEvent event =
        new AuditEvent(
            UUID.randomUUID().toString(),
            NOW,
            organizationId,
            null,
            "nobody@example.com",
            AuditAction.LOGIN_FAILED,
            AuditOutcome.FAILURE,
            null,
            null,
            List.of());
    log.record(event);

    // when
    List<AuditEvent> page = log.findPage(organizationId, Optional.empty(), 10);

    // then
    assertThat(page).containsExactly(event);
  }

  @Test
  void returnsNewestFirstWithTiesById() {
    // given
    List<AuditEvent> events = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      events.add(recorded(NOW.plusMillis(i / 2)));
    }

    // when
    List<AuditEvent> page = log.findPage(organizationId, Optional.empty(), 10);

    // then
    assertThat(page).containsExactlyElementsOf(newestFirst(events));
  }

  @Test
  void pagesAfterPositionWithoutLossOrDuplicates() {
    // given
    List<AuditEvent> events = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      events.add(recorded(NOW.plusMillis(i / 3)));
    }

    // when
    List<AuditEvent> read = new ArrayList<>();
    Optional<AuditPosition> after = Optional.empty();
    List<AuditEvent> page;
    do {
      page = log.findPage(organizationId, after, 4);
      read.addAll(page);
      after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).position());
    } while (!page.isEmpty());

    // then
    assertThat(read).containsExactlyElementsOf(newestFirst(events));
  }

  @Test
  void keepsOrganizationsApart() {
    // given
    recorded(NOW);
    log.record(event(NOW, UUID.randomUUID().toString(), "beta"));

    // when / then
    assertThat(log.findPage(organizationId, Optional.empty(), 10)).hasSize(1);
  }

  @Test
  void hidesEventPastRetention() {
    // given
    recorded(NOW);
    clock.set(NOW.plus(RETENTION));

    // when / then
    assertThat(log.findPage(organizationId, Optional.empty(), 10)).isEmpty();
  }

  @Test
  void showsEventJustBeforeRetentionEnds() {
    // given
    recorded(NOW);
    clock.set(NOW.plus(RETENTION).minusMillis(1));

    // when / then
    assertThat(log.findPage(organizationId, Optional.empty(), 10)).hasSize(1);
  }

  @Test
  void findsOrganizationOfNewestEventWithName() {
    // given
    String name = "gone-" + UUID.randomUUID().toString().substring(0, 8);
    String older = UUID.randomUUID().toString();
    log.record(event(NOW, older, name));
    log.record(event(NOW.plusSeconds(1), organizationId, name));

    // when
    Optional<String> found = log.findOrganizationIdByName(new OrganizationName(name));

    // then
    assertThat(found).contains(organizationId);
  }

  @Test
  void skipsEventsWithoutOrganizationWhenFindingByName() {
    // given
    String name = "anon-" + UUID.randomUUID().toString().substring(0, 8);
    log.record(event(NOW, organizationId, name));
    log.record(event(NOW.plusSeconds(1), null, name));

    // when
    Optional<String> found = log.findOrganizationIdByName(new OrganizationName(name));

    // then
    assertThat(found).contains(organizationId);
  }

  @Test
  void findsNoOrganizationForUnknownName() {
    assertThat(log.findOrganizationIdByName(new OrganizationName("never-used-name"))).isEmpty();
  }
}
