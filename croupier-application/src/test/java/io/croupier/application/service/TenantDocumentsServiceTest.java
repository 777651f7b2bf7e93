package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.fakes.InMemoryTenantStorage;
import io.croupier.application.fakes.StoredState;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.DocumentPage;
import io.croupier.application.port.in.ListDocumentsQuery;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.DocumentNotFound;
import io.croupier.domain.InvalidField;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.MovePhase;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationState;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantSwitching;
import io.croupier.domain.TenantTier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TenantDocumentsServiceTest {

  private final FakePorts ports = FakePorts.create();
  private final TenantDocumentsService service =
      new TenantDocumentsService(
          ports.organizations(), ports.tenants(), ports.journal(), ports.clock());

  private static DocumentBody body(int number) {
    return DocumentBody.of(Map.of("n", number));
  }

  private static ListDocumentsQuery firstPage(int limit) {
    return new ListDocumentsQuery(limit, Optional.empty());
  }

  private static String encoded(String plain) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  private AuthenticatedAdmin adminIn(String name, TenantTier tier) {
    return Given.adminOf(Given.organization(ports, name, tier));
  }

  private Organization organizationOf(AuthenticatedAdmin admin) {
    return ports.organizations().findById(admin.organizationId()).orElseThrow();
  }

  /** Returns every document stored where the organization's metadata places its data. */
  private List<TenantDocument> storedDocuments(AuthenticatedAdmin admin) {
    TenantPlacement placement = TenantPlacement.of(organizationOf(admin));
    return ports.tenants().documents(placement).page(Optional.empty(), Integer.MAX_VALUE);
  }

  /** Creates documents one millisecond apart and returns them in creation order. */
  private List<TenantDocument> createDocuments(AuthenticatedAdmin admin, int count) {
    List<TenantDocument> created = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      created.add(service.create(admin, body(index)));
      ports.clock().advance(Duration.ofMillis(1));
    }
    return created;
  }

  /** Reads every page with the limit and returns the pages in order. */
  private List<DocumentPage> allPages(AuthenticatedAdmin admin, int limit) {
    List<DocumentPage> pages = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      DocumentPage page = service.list(admin, new ListDocumentsQuery(limit, cursor));
      pages.add(page);
      cursor = page.nextCursor();
    } while (cursor.isPresent() && pages.size() <= 100);
    return pages;
  }

  private static List<TenantDocument> documentsOf(List<DocumentPage> pages) {
    return pages.stream().flatMap(page -> page.documents().stream()).toList();
  }

  @ParameterizedTest
  @EnumSource(TenantTier.class)
  void createStoresDocumentWhereOrganizationDataLives(TenantTier tier) {
    // given
    AuthenticatedAdmin admin = adminIn("acme", tier);

    // when
    TenantDocument created = service.create(admin, body(1));

    // then
    assertThat(storedDocuments(admin)).containsExactly(created);
    assertThat(ports.tenants().collectionNames())
        .contains(InMemoryTenantStorage.key(TenantPlacement.of(organizationOf(admin))));
  }

  @Test
  void createTruncatesTimesToMilliseconds() {
    // given
    AuthenticatedAdmin admin = adminIn("acme", TenantTier.COLLECTION);
    ports.clock().set(Instant.parse("2025-03-01T10:00:00.123456789Z"));

    // when
    TenantDocument created = service.create(admin, body(1));

    // then
    assertThat(created.createdAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00.123Z"));
    assertThat(created.updatedAt()).isEqualTo(created.createdAt());
  }

  @Test
  void createGivesEachDocumentNewId() {
    // given
    AuthenticatedAdmin admin = adminIn("acme", TenantTier.COLLECTION);

    // when
    TenantDocument first = service.create(admin, body(1));
    TenantDocument second = service.create(admin, body(1));

    // then
    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(TenantDocument.checkId(first.id())).isEqualTo(first.id());
  }

  @ParameterizedTest
  @EnumSource(TenantTier.class)
  void getReturnsStoredDocument(TenantTier tier) {
    // given
    AuthenticatedAdmin admin = adminIn("acme", tier);
    TenantDocument created = service.create(admin, body(1));

    // when
    TenantDocument found = service.get(admin, created.id());

    // then
    assertThat(found).isEqualTo(created);
  }

  @ParameterizedTest
  @EnumSource(TenantTier.class)
  void getOfAnotherOrganizationsDocumentIsNotFound(TenantTier tier) {
    // given
    AuthenticatedAdmin acme = adminIn("acme", tier);
    AuthenticatedAdmin beta = adminIn("beta", tier);
    TenantDocument betaDocument = service.create(beta, body(1));

    // when
    DocumentNotFound error =
        assertThatExceptionOfType(DocumentNotFound.class)
            .isThrownBy(() -> service.get(acme, betaDocument.id()))
            .actual();

    // then
    assertThat(error.getMessage()).contains("'" + betaDocument.id() + "'");
  }

  @ParameterizedTest
  @EnumSource(TenantTier.class)
  void listShowsOnlyCallersDocuments(TenantTier tier) {
    // given
    AuthenticatedAdmin acme = adminIn("acme", tier);
    AuthenticatedAdmin beta = adminIn("beta", tier);
    TenantDocument acmeDocument = service.create(acme, body(1));
    service.create(beta, body(2));

    // when
    DocumentPage page = service.list(acme, firstPage(10));

    // then
    assertThat(page.documents()).containsExactly(acmeDocument);
  }

  @ParameterizedTest
  @EnumSource(TenantTier.class)
  void replaceOfAnotherOrganizationsDocumentIsNotFound(TenantTier tier) {
    // given
    AuthenticatedAdmin acme = adminIn("acme", tier);
    AuthenticatedAdmin beta = adminIn("beta", tier);
    TenantDocument betaDocument = service.create(beta, body(1));

    // when
    assertThatExceptionOfType(DocumentNotFound.class)
        .isThrownBy(() -> service.replace(acme, betaDocument.id(), body(2)));

    // then
    assertThat(storedDocuments(beta)).containsExactly(betaDocument);
    assertThat(storedDocuments(acme)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TenantTier.class)
  void deleteOfAnotherOrganizationsDocumentIsNotFound(TenantTier tier) {
    // given
    AuthenticatedAdmin acme = adminIn("acme", tier);
    AuthenticatedAdmin beta = adminIn("beta", tier);
    TenantDocument betaDocument = service.create(beta, body(1));

    // when
    assertThatExceptionOfType(DocumentNotFound.class)
        .isThrownBy(() -> service.delete(acme, betaDocument.id()));

    // then
    assertThat(storedDocuments(beta)).containsExactly(betaDocument);
  }

  @Test
  void getAcrossTiersIsNotFound() {
    // given
    AuthenticatedAdmin acme = adminIn("acme", TenantTier.SHARED);
    AuthenticatedAdmin beta = adminIn("beta", TenantTier.DATABASE);
    TenantDocument betaDocument = service.create(beta, body(1));

    // when / then
    assertThatExceptionOfType(DocumentNotFound.class)
        .isThrownBy(() -> service.get(acme, betaDocument.id()));
  }

  @ParameterizedTest
  @EnumSource(TenantTier.class)
  void replaceKeepsCreationTimeAndSetsUpdateTime(TenantTier tier) {
    // given
    AuthenticatedAdmin admin = adminIn("acme", tier);
    TenantDocument created = service.create(admin, body(1));
    Instant later = ports.clock().advance(Duration.ofMinutes(5));

    // when
    TenantDocument replaced = service.replace(admin, created.id(), body(2));

    // then
    assertThat(replaced.createdAt()).isEqualTo(created.createdAt());
    assertThat(replaced.updatedAt()).isEqualTo(later);
    assertThat(replaced.body()).isEqualTo(body(2));
    assertThat(storedDocuments(admin)).containsExactly(replaced);
  }

  @Test
  void replaceOfUnknownIdIsNotFound() {
    // given
    AuthenticatedAdmin admin = adminIn("acme", TenantTier.COLLECTION);

    // when / then
    assertThatExceptionOfType(DocumentNotFound.class)
        .isThrownBy(() -> service.replace(admin, "missing", body(1)));
    assertThat(storedDocuments(admin)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TenantTier.class)
  void deleteRemovesDocumentOnce(TenantTier tier) {
    // given
    AuthenticatedAdmin admin = adminIn("acme", tier);
    TenantDocument created = service.create(admin, body(1));

    // when
    service.delete(admin, created.id());

    // then
    assertThat(storedDocuments(admin)).isEmpty();
    assertThatExceptionOfType(DocumentNotFound.class)
        .isThrownBy(() -> service.delete(admin, created.id()));
  }

  @Test
  void getOfUnknownIdIsNotFound() {
    // given
    AuthenticatedAdmin admin = adminIn("acme", TenantTier.COLLECTION);

    // when / then
    assertThatExceptionOfType(DocumentNotFound.class)
        .isThrownBy(() -> service.get(admin, UUID.randomUUID().toString()));
  }

  @Test
  void getOfMalformedIdIsInvalidField() {
    // given
    AuthenticatedAdmin admin = adminIn("acme", TenantTier.COLLECTION);

    // when
    InvalidField error =
        assertThatExceptionOfType(InvalidField.class)
            .isThrownBy(() -> service.get(admin, "../etc"))
            .actual();

    // then
    assertThat(error.field()).isEqualTo("id");
  }

  @Test
  void firstPageOfLimitOneHasNextCursor() {
    // given
    AuthenticatedAdmin admin = adminIn("acme", TenantTier.COLLECTION);
    List<TenantDocument> created = createDocuments(admin, 2);

    // when
    DocumentPage page = service.list(admin, firstPage(1));

    // then
    assertThat(page.documents()).containsExactly(created.get(0));
    assertThat(page.nextCursor()).isPresent();
  }

  @Test
  void exactLastPageHasNoCursor() {
    // given
    AuthenticatedAdmin admin = adminIn("acme", TenantTier.COLLECTION);
    List<TenantDocument> created = createDocuments(admin, 3);

    // when
    DocumentPage page = service.list(admin, firstPage(3));

    // then
    assertThat(page.documents()).isEqualTo(created);
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void pageBeforeLastHasCursor() {
    // given
    AuthenticatedAdmin admin = adminIn("acme", TenantTier.COLLECTION);
    createDocuments(admin, 3);

    // when
    DocumentPage page = service.list(admin, firstPage(2));

    // then
    assertThat(page.documents()).hasSize(2);
    assertThat(page.nextCursor()).isPresent();
  }

  @Test
  void emptyOrganizationHasEmptyLastPage() {
    // given
    AuthenticatedAdmin admin = adminIn("acme", TenantTier.SHARED);

    // when
    DocumentPage page = service.list(admin, firstPage(1));

    // then
    assertThat(page.documents()).isEmpty();
    assertThat(page.nextCursor()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TenantTier.class)
  void pagesReturnEveryDocumentOnceInCreationOrder(TenantTier tier) {
    // given
    AuthenticatedAdmin admin = adminIn("acme", tier);
    List<TenantDocument> created = createDocuments(admin, 10);

    // when
    List<DocumentPage> pages = allPages(admin, 3);

    // then
    assertThat(pages).extracting(page -> page.documents().size()).containsExactly(3, 3, 3, 1);
    assertThat(documentsOf(pages)).isEqualTo(created);
  }

  @Test
  void pagesOrderDocumentsOfSameTimeById() {
    // given: the clock does not move, so every document has the same creation time
    AuthenticatedAdmin admin = adminIn("acme", TenantTier.COLLECTION);
    List<String> ids = new ArrayList<>();
    for (int index = 0; index < 7; index++) {
      ids.add(service.create(admin, body(index)).id());
    }

    // when
    List<DocumentPage> pages = allPages(admin, 2);

    // then
    assertThat(documentsOf(pages))
        .extracting(TenantDocument::id)
        .isEqualTo(ids.stream().sorted().toList());
  }

  @Test
  void documentCreatedWhilePagingAppearsOnLaterPage() {
    // given
    AuthenticatedAdmin admin = adminIn("acme", TenantTier.COLLECTION);
    createDocuments(admin, 2);
    DocumentPage first = service.list(admin, firstPage(1));
    TenantDocument added = service.create(admin, body(99));

    // when
    DocumentPage rest = service.list(admin, new ListDocumentsQuery(10, first.nextCursor()));

    // then
    assertThat(rest.documents()).hasSize(2);
    assertThat(rest.documents()).endsWith(added);
    assertThat(rest.documents()).doesNotContainAnyElementsOf(first.documents());
  }

  static Stream<String> malformedCursors() {
    return Stream.of(
        "not base64!",
        encoded("nocolon"),
        encoded(":id-1"),
        encoded("1700000000000:"),
        encoded("x:id-1"),
        encoded("12:bad id"),
        encoded("99999999999999999999:id-1"));
  }

  @ParameterizedTest
  @MethodSource("malformedCursors")
  void rejectsMalformedCursor(String cursor) {
    // given
    AuthenticatedAdmin admin = adminIn("acme", TenantTier.COLLECTION);

    // when
    InvalidField error =
        assertThatExceptionOfType(InvalidField.class)
            .isThrownBy(() -> service.list(admin, new ListDocumentsQuery(5, Optional.of(cursor))))
            .actual();

    // then
    assertThat(error.field()).isEqualTo("after");
    assertThat(error.getMessage()).contains("cursor is invalid");
  }

  @Test
  void acceptsHandMadeCursorOfValidShape() {
    // given
    AuthenticatedAdmin admin = adminIn("acme", TenantTier.COLLECTION);
    List<TenantDocument> created = createDocuments(admin, 2);
    TenantDocument first = created.get(0);
    String cursor = encoded(first.createdAt().toEpochMilli() + ":" + first.id());

    // when
    DocumentPage page = service.list(admin, new ListDocumentsQuery(5, Optional.of(cursor)));

    // then
    assertThat(page.documents()).containsExactly(created.get(1));
  }

  @Test
  void rejectsWritesWhileSwitching() {
    // given
    AuthenticatedAdmin admin = adminIn("acme", TenantTier.COLLECTION);
    TenantDocument existing = service.create(admin, body(1));
    Given.moveUnderWay(ports, admin.organizationId(), TenantTier.DATABASE, MovePhase.SWITCHING);
    StoredState before = ports.storedState();

    // when / then
    assertThatExceptionOfType(TenantSwitching.class)
        .isThrownBy(() -> service.create(admin, body(2)))
        .withMessageContaining("retry the write in 2 seconds");
    assertThatExceptionOfType(TenantSwitching.class)
        .isThrownBy(() -> service.replace(admin, existing.id(), body(3)));
    assertThatExceptionOfType(TenantSwitching.class)
        .isThrownBy(() -> service.delete(admin, existing.id()));
    assertThat(ports.storedState()).isEqualTo(before);
    assertThat(storedDocuments(admin)).containsExactly(existing);
  }

  @Test
  void servesReadsWhileSwitching() {
    // given
    AuthenticatedAdmin admin = adminIn("acme", TenantTier.COLLECTION);
    TenantDocument existing = service.create(admin, body(1));
    Given.moveUnderWay(ports, admin.organizationId(), TenantTier.SHARED, MovePhase.SWITCHING);

    // when
    TenantDocument found = service.get(admin, existing.id());
    DocumentPage page = service.list(admin, firstPage(5));

    // then
    assertThat(found).isEqualTo(existing);
    assertThat(page.documents()).containsExactly(existing);
  }

  @Test
  void acceptsWritesToSourceTierWhileCopying() {
    // given
    AuthenticatedAdmin admin = adminIn("acme", TenantTier.COLLECTION);
    Given.moveUnderWay(ports, admin.organizationId(), TenantTier.DATABASE, MovePhase.COPYING);

    // when
    TenantDocument created = service.create(admin, body(1));

    // then
    assertThat(storedDocuments(admin)).containsExactly(created);
    assertThat(organizationOf(admin).tier()).isEqualTo(TenantTier.COLLECTION);
  }

  @Test
  void acceptsWritesToTargetTierWhileCleaning() {
    // given
    AuthenticatedAdmin admin = adminIn("acme", TenantTier.COLLECTION);
    Organization cleaning =
        Given.moveUnderWay(ports, admin.organizationId(), TenantTier.DATABASE, MovePhase.CLEANING);
    ports.tenants().create(TenantPlacement.of(cleaning));

    // when
    TenantDocument created = service.create(admin, body(1));

    // then
    assertThat(ports.tenants().documents(TenantPlacement.of(cleaning)).find(created.id()))
        .contains(created);
    assertThat(ports.tenants().documentCount(cleaning.name())).hasValue(0);
  }

  @Test
  void callerOfPendingOrganizationHasInvalidToken() {
    // given
    Organization pending = Given.storedDirectly(ports, "acme", OrganizationState.PENDING);
    AuthenticatedAdmin admin = new AuthenticatedAdmin(pending.adminId(), pending.id());

    // when / then
    assertThatExceptionOfType(InvalidToken.class).isThrownBy(() -> service.create(admin, body(1)));
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> service.list(admin, firstPage(1)));
  }

  @Test
  void callerOfDeletingOrganizationHasInvalidToken() {
    // given
    Organization deleting = Given.storedDirectly(ports, "acme", OrganizationState.DELETING);
    AuthenticatedAdmin admin = new AuthenticatedAdmin(deleting.adminId(), deleting.id());

    // when / then
    assertThatExceptionOfType(InvalidToken.class).isThrownBy(() -> service.get(admin, "doc-1"));
  }

  @Test
  void callerOfDeletedOrganizationHasInvalidToken() {
    // given
    AuthenticatedAdmin admin = adminIn("acme", TenantTier.COLLECTION);
    TenantDocument created = service.create(admin, body(1));
    ports.deleteOrganizationService().delete(admin, Optional.empty());

    // when / then
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> service.get(admin, created.id()));
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> service.delete(admin, created.id()));
  }
}
