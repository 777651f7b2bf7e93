package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.port.in.ListOrganizationsQuery;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.OrganizationPage;
import io.croupier.domain.InvalidField;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListOrganizationsServiceTest {

  private final FakePorts ports = FakePorts.create();
  private final ListOrganizationsService service = ports.listOrganizationsService();

  private List<String> names(OrganizationPage page) {
    return page.organizations().stream()
        .map(details -> details.organization().name().value())
        .toList();
  }

  private void createOneSecondApart(String... names) {
    for (String name : names) {
      Given.organization(ports, name);
      ports.clock().advance(Duration.ofSeconds(1));
    }
  }

  @Test
  void listsNewestFirst() {
    // given
    createOneSecondApart("alpha", "bravo", "charlie");

    // when
    OrganizationPage page = service.list(ListOrganizationsQuery.firstPage(10));

    // then
    assertThat(names(page)).containsExactly("charlie", "bravo", "alpha");
  }

  @Test
  void countsEveryActiveOrganization() {
    // given
    createOneSecondApart("alpha", "bravo", "charlie");

    // when
    OrganizationPage page = service.list(ListOrganizationsQuery.firstPage(1));

    // then
    assertThat(page.total()).isEqualTo(3);
  }

  @Test
  void showsLocationButNoAdminEmail() {
    // given
    createOneSecondApart("alpha");

    // when
    OrganizationDetails listed =
        service.list(ListOrganizationsQuery.firstPage(1)).organizations().get(0);

    // then
    assertThat(listed.location().collectionName()).isEqualTo("org_alpha");
    assertThat(listed.adminEmail()).isEmpty();
  }

  @Test
  void lastPageHasNoCursor() {
    // given
    createOneSecondApart("alpha", "bravo");

    // when
    OrganizationPage page = service.list(ListOrganizationsQuery.firstPage(2));

    // then
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void fullPageBeforeMoreHasCursor() {
    // given
    createOneSecondApart("alpha", "bravo", "charlie");

    // when
    OrganizationPage page = service.list(ListOrganizationsQuery.firstPage(2));

    // then
    assertThat(page.nextCursor()).isPresent();
  }

  @Test
  void cursorContinuesAfterLastOrganization() {
    // given
    createOneSecondApart("alpha", "bravo", "charlie");
    OrganizationPage first = service.list(ListOrganizationsQuery.firstPage(2));

    // when
    OrganizationPage second =
        service.list(ListOrganizationsQuery.after(first.nextCursor().orElseThrow(), 2));

    // then
    assertThat(names(second)).containsExactly("alpha");
    assertThat(second.nextCursor()).isEmpty();
  }

  @Test
  void pagesThroughOrganizationsCreatedInOneMillisecond() {
    // given: the clock does not advance, so only the id orders them
    for (int i = 0; i < 25; i++) {
      Given.organization(ports, "same-time-" + i);
    }
    Set<String> seen = new HashSet<>();
    List<String> order = new ArrayList<>();
    Optional<String> cursor = Optional.empty();

    // when
    do {
      OrganizationPage page = service.list(new ListOrganizationsQuery(4, cursor));
      page.organizations().forEach(details -> order.add(details.organization().id()));
      page.organizations().forEach(details -> seen.add(details.organization().id()));
      cursor = page.nextCursor();
    } while (cursor.isPresent());

    // then
    assertThat(order).hasSize(25);
    assertThat(seen).hasSize(25);
    assertThat(order).isSortedAccordingTo((left, right) -> right.compareTo(left));
  }

  @Test
  void leavesOutPendingAndDeletingOrganizations() {
    // given
    createOneSecondApart("alpha");
    Given.storedDirectly(ports, "pending", OrganizationState.PENDING);
    Given.storedDirectly(ports, "deleting", OrganizationState.DELETING);

    // when
    OrganizationPage page = service.list(ListOrganizationsQuery.firstPage(10));

    // then
    assertThat(names(page)).containsExactly("alpha");
    assertThat(page.total()).isEqualTo(1);
  }

  @Test
  void listsNothingInEmptyStore() {
    // when
    OrganizationPage page = service.list(ListOrganizationsQuery.firstPage(20));

    // then
    assertThat(page.organizations()).isEmpty();
    assertThat(page.total()).isZero();
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void cursorRoundTripsThroughEncoding() {
    // given
    Organization organization = Given.storedDirectly(ports, "acme", OrganizationState.ACTIVE);

    // when
    String cursor = ListOrganizationsService.encode(organization);

    // then
    assertThat(ListOrganizationsService.decode(cursor).id()).isEqualTo(organization.id());
    assertThat(ListOrganizationsService.decode(cursor).createdAt())
        .isEqualTo(organization.createdAt());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not base64!", "bm8tc2VwYXJhdG9y", "OmlkLW9ubHk", "MTIzOg", "eDppZA"})
  void rejectsMalformedCursor(String cursor) {
    // when
    InvalidField error =
        assertThatExceptionOfType(InvalidField.class)
            .isThrownBy(() -> service.list(ListOrganizationsQuery.after(cursor, 10)))
            .actual();

    // then
    assertThat(error.field()).isEqualTo("after");
  }

  @Test
  void rejectsCursorOverMaximumLength() {
    // given
    String tooLong =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(("1:" + "x".repeat(400)).getBytes(StandardCharsets.UTF_8));

    // when
    InvalidField error =
        assertThatExceptionOfType(InvalidField.class)
            .isThrownBy(() -> service.list(ListOrganizationsQuery.after(tooLong, 10)))
            .actual();

    // then
    assertThat(tooLong.length()).isGreaterThan(ListOrganizationsService.MAX_CURSOR_LENGTH);
    assertThat(error.field()).isEqualTo("after");
  }
}
