package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.port.in.AuditEventPage;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.ListAuditEventsUseCase;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.UpdateOrganizationCommand;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.application.port.out.AuditOutcome;
import io.croupier.domain.InvalidField;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNotFound;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListAuditEventsServiceTest {

  private final FakePorts ports = FakePorts.create();
  private final ListAuditEventsService service = ports.listAuditEventsService();
  private OrganizationDetails acme;
  private AuthenticatedAdmin caller;

  @BeforeEach
  void createOrganizations() {
    acme = Given.organization(ports, "acme");
    Given.organization(ports, "beta");
    caller = Given.adminOf(acme);
  }

  /** Records events of acme, {@code perMillisecond} of them at each of several times. */
  private void recordEvents(int count, int perMillisecond) {
    Instant time = ports.clock().instant();
    for (int i = 0; i < count; i++) {
      if (i % perMillisecond == 0) {
        time = time.plusMillis(1);
      }
      ports
          .auditLog()
          .record(
              new AuditEvent(
                  UUID.randomUUID().toString(),
                  time,
                  acme.organization().id(),
                  "acme",
                  "admin",
                  AuditAction.LOGIN_SUCCEEDED,
                  AuditOutcome.SUCCESS,
                  null,
                  null,
                  List.of()));
    }
  }

  private List<AuditEvent> ownEventsNewestFirst() {
    return ports.auditLog().all().stream()
        .filter(event -> acme.organization().id().equals(event.organizationId()))
        .sorted(Comparator.comparing(AuditEvent::time).thenComparing(AuditEvent::id).reversed())
        .toList();
  }

  private List<AuditEvent> readAllPages(int limit) {
    List<AuditEvent> read = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      AuditEventPage page = service.listOwn(caller, cursor, limit);
      assertThat(page.events()).hasSizeLessThanOrEqualTo(limit);
      read.addAll(page.events());
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return read;
  }

  @Test
  void pagesWithoutLossOrDuplicates() {
    // given events that share milliseconds, so that pages split ties
    recordEvents(23, 3);

    // when
    List<AuditEvent> read = readAllPages(4);

    // then
    assertThat(read).containsExactlyElementsOf(ownEventsNewestFirst());
  }

  @Test
  void pageOfOneWalksEveryEvent() {
    // given
    recordEvents(5, 5);

    // when
    List<AuditEvent> read = readAllPages(1);

    // then
    assertThat(read).containsExactlyElementsOf(ownEventsNewestFirst());
  }

  @Test
  void fullLastPageHasNoCursor() {
    // given acme's creation event and five more
    recordEvents(5, 1);

    // when
    AuditEventPage first = service.listOwn(caller, Optional.empty(), 3);
    AuditEventPage second = service.listOwn(caller, first.nextCursor(), 3);

    // then
    assertThat(second.events()).hasSize(3);
    assertThat(second.nextCursor()).isEmpty();
  }

  @Test
  void pageOneShortOfAllHasCursor() {
    // given six events in all
    recordEvents(5, 1);

    // when
    AuditEventPage page = service.listOwn(caller, Optional.empty(), 5);

    // then
    assertThat(page.events()).hasSize(5);
    assertThat(page.nextCursor()).isPresent();
  }

  @Test
  void newerEventsDoNotShiftLaterPages() {
    // given
    recordEvents(6, 2);
    List<AuditEvent> before = ownEventsNewestFirst();
    AuditEventPage first = service.listOwn(caller, Optional.empty(), 3);
    ports.clock().advance(Duration.ofMinutes(1));
    recordEvents(4, 1);

    // when
    AuditEventPage second = service.listOwn(caller, first.nextCursor(), 3);

    // then
    assertThat(second.events()).containsExactlyElementsOf(before.subList(3, 6));
  }

  @Test
  void showsOnlyOwnOrganization() {
    // when
    AuditEventPage page = service.listOwn(caller, Optional.empty(), 50);

    // then
    assertThat(page.events())
        .extracting(AuditEvent::organizationId)
        .containsOnly(acme.organization().id());
  }

  @Test
  void acceptsLimitOfOne() {
    assertThat(service.listOwn(caller, Optional.empty(), 1).events()).hasSize(1);
  }

  @Test
  void acceptsMaximumLimit() {
    assertThat(service.listOwn(caller, Optional.empty(), ListAuditEventsUseCase.MAX_LIMIT).events())
        .hasSize(1);
  }

  @Test
  void rejectsLimitOfZero() {
    assertThatExceptionOfType(InvalidField.class)
        .isThrownBy(() -> service.listOwn(caller, Optional.empty(), 0))
        .satisfies(error -> assertThat(error.field()).isEqualTo("limit"));
  }

  @Test
  void rejectsLimitAboveMaximum() {
    assertThatExceptionOfType(InvalidField.class)
        .isThrownBy(
            () -> service.listOwn(caller, Optional.empty(), ListAuditEventsUseCase.MAX_LIMIT + 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "***", "bm8tY29sb24", "OmlkLW9ubHk", "MTIz", "eDppZA"})
  void rejectsMalformedCursor(String cursor) {
    assertThatExceptionOfType(InvalidField.class)
        .isThrownBy(() -> service.listOwn(caller, Optional.of(cursor), 10))
        .satisfies(error -> assertThat(error.field()).isEqualTo("cursor"));
  }

  @Test
  void operatorListsByName() {
    // when
    AuditEventPage page =
        service.listByOrganizationName(OrganizationName.of("acme"), Optional.empty(), 50);

    // then
    assertThat(page.events()).containsExactlyElementsOf(ownEventsNewestFirst());
  }

  @Test
  void operatorListsDeletedOrganizationByName() {
    // given
    ports.clock().advance(Duration.ofSeconds(1));
    ports.deleteOrganizationService().delete(caller, Optional.empty());

    // when
    AuditEventPage page =
        service.listByOrganizationName(OrganizationName.of("acme"), Optional.empty(), 50);

    // then
    assertThat(page.events())
        .extracting(AuditEvent::action)
        .containsExactly(AuditAction.ORGANIZATION_DELETED, AuditAction.ORGANIZATION_CREATED);
  }

  @Test
  void operatorFindsRenamedOrganization() {
    // given
    ports.clock().advance(Duration.ofSeconds(1));
    ports
        .updateOrganizationService()
        .update(UpdateOrganizationCommand.of(caller, "acme-labs", null, null));

    // when
    AuditEventPage page =
        service.listByOrganizationName(OrganizationName.of("acme-labs"), Optional.empty(), 50);

    // then
    assertThat(page.events())
        .extracting(AuditEvent::action)
        .containsExactly(AuditAction.ORGANIZATION_UPDATED, AuditAction.ORGANIZATION_CREATED);
  }

  @Test
  void operatorGetsNotFoundForUnknownName() {
    assertThatExceptionOfType(OrganizationNotFound.class)
        .isThrownBy(
            () ->
                service.listByOrganizationName(
                    OrganizationName.of("nobody"), Optional.empty(), 50));
  }

  @Test
  void cursorIsOpaqueBase64Url() {
    // given
    recordEvents(3, 1);

    // when
    String cursor = service.listOwn(caller, Optional.empty(), 1).nextCursor().orElseThrow();

    // then
    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(Base64.getUrlDecoder().decode(cursor)).isNotEmpty();
  }
}
