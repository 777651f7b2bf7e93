package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.ImportResult;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.MovePhase;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNotFound;
import io.croupier.domain.OrganizationState;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantSwitching;
import io.croupier.domain.TenantTier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TransferDocumentsTest {

  private static final OrganizationName ACME = OrganizationName.of("acme");
  private static final Instant PAST = Instant.parse("2020-06-01T12:00:00Z");

  private final FakePorts ports = FakePorts.create();
  private final TenantDocumentsService service =
      new TenantDocumentsService(
          ports.organizations(), ports.tenants(), ports.journal(), ports.clock());

  private static DocumentBody body(int number) {
    return DocumentBody.of(Map.of("n", number));
  }

  /** Returns documents made elsewhere, one second apart, with update times after creation. */
  private static List<TenantDocument> foreignDocuments(int count) {
    List<TenantDocument> documents = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      Instant created = PAST.plusSeconds(index);
      documents.add(
          new TenantDocument("doc-" + index, created, created.plusMillis(500), body(index)));
    }
    return documents;
  }

  private AuthenticatedAdmin acmeIn(TenantTier tier) {
    return Given.adminOf(Given.organization(ports, "acme", tier));
  }

  private List<TenantDocument> storedDocuments(AuthenticatedAdmin admin) {
    Organization organization = ports.organizations().findById(admin.organizationId()).get();
    return ports
        .tenants()
        .documents(TenantPlacement.of(organization))
        .page(Optional.empty(), Integer.MAX_VALUE);
  }

  private List<TenantDocument> createDocuments(AuthenticatedAdmin admin, int count) {
    List<TenantDocument> created = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      created.add(service.create(admin, body(index)));
      ports.clock().advance(Duration.ofMillis(1));
    }
    return created;
  }

  @ParameterizedTest
  @EnumSource(TenantTier.class)
  void exportPassesDocumentsInCreationOrder(TenantTier tier) {
    // given
    AuthenticatedAdmin admin = acmeIn(tier);
    List<TenantDocument> created = createDocuments(admin, 5);
    List<TenantDocument> exported = new ArrayList<>();

    // when
    long count = service.export(ACME, exported::add);

    // then
    assertThat(exported).isEqualTo(created);
    assertThat(count).isEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 499, 500, 501, 1001})
  void exportCountsEveryDocumentAcrossBatches(int documents) {
    // given
    AuthenticatedAdmin admin = acmeIn(TenantTier.COLLECTION);
    List<TenantDocument> created = createDocuments(admin, documents);
    List<TenantDocument> exported = new ArrayList<>();

    // when
    long count = service.export(ACME, exported::add);

    // then
    assertThat(count).isEqualTo(documents);
    assertThat(exported).isEqualTo(created);
  }

  @Test
  void exportOfUnknownOrganizationIsNotFound() {
    // when / then
    assertThatExceptionOfType(OrganizationNotFound.class)
        .isThrownBy(() -> service.export(ACME, document -> {}))
        .withMessageContaining("'acme'");
  }

  @Test
  void exportOfPendingOrganizationIsNotFound() {
    // given
    Given.storedDirectly(ports, "acme", OrganizationState.PENDING);

    // when / then
    assertThatExceptionOfType(OrganizationNotFound.class)
        .isThrownBy(() -> service.export(ACME, document -> {}));
  }

  @ParameterizedTest
  @EnumSource(TenantTier.class)
  void importKeepsIdsAndTimes(TenantTier tier) {
    // given
    AuthenticatedAdmin admin = acmeIn(tier);
    List<TenantDocument> documents = foreignDocuments(3);

    // when
    ImportResult result = service.importDocuments(ACME, documents.iterator());

    // then
    assertThat(storedDocuments(admin)).isEqualTo(documents);
    assertThat(service.get(admin, "doc-1")).isEqualTo(documents.get(1));
    assertThat(result).isEqualTo(new ImportResult(3, 0));
  }

  @Test
  void importReplacesDocumentsWithSameId() {
    // given
    AuthenticatedAdmin admin = acmeIn(TenantTier.COLLECTION);
    service.importDocuments(ACME, foreignDocuments(2).iterator());
    TenantDocument changed =
        new TenantDocument("doc-1", PAST, PAST.plusSeconds(60), DocumentBody.of(Map.of("x", 1)));
    TenantDocument added = new TenantDocument("doc-9", PAST, PAST, body(9));

    // when
    ImportResult result = service.importDocuments(ACME, List.of(changed, added).iterator());

    // then
    assertThat(result.created()).isEqualTo(1);
    assertThat(result.replaced()).isEqualTo(1);
    assertThat(result.total()).isEqualTo(2);
    assertThat(service.get(admin, "doc-1")).isEqualTo(changed);
    assertThat(storedDocuments(admin)).hasSize(3);
  }

  @Test
  void repeatedImportReplacesEverythingAndAddsNothing() {
    // given
    AuthenticatedAdmin admin = acmeIn(TenantTier.SHARED);
    List<TenantDocument> documents = foreignDocuments(4);
    service.importDocuments(ACME, documents.iterator());

    // when
    ImportResult again = service.importDocuments(ACME, documents.iterator());

    // then
    assertThat(again).isEqualTo(new ImportResult(0, 4));
    assertThat(storedDocuments(admin)).isEqualTo(documents);
  }

  @Test
  void exportThenImportCopiesOrganizationExactly() {
    // given
    AuthenticatedAdmin acme = acmeIn(TenantTier.DATABASE);
    List<TenantDocument> created = createDocuments(acme, 7);
    AuthenticatedAdmin beta = Given.adminOf(Given.organization(ports, "beta", TenantTier.SHARED));
    List<TenantDocument> exported = new ArrayList<>();
    service.export(ACME, exported::add);

    // when
    ImportResult result = service.importDocuments(OrganizationName.of("beta"), exported.iterator());

    // then
    assertThat(result).isEqualTo(new ImportResult(7, 0));
    assertThat(storedDocuments(beta)).isEqualTo(created);
  }

  @Test
  void importStopsWhenSwitchStarts() {
    // given: the switch starts while the third document is read from the input
    AuthenticatedAdmin admin = acmeIn(TenantTier.COLLECTION);
    List<TenantDocument> documents = foreignDocuments(5);
    Iterator<TenantDocument> input =
        new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < documents.size();
          }

          @Override
          public TenantDocument next() {
            if (next == 2) {
              Given.moveUnderWay(
                  ports, admin.organizationId(), TenantTier.SHARED, MovePhase.SWITCHING);
            }
            return documents.get(next++);
          }
        };

    // when
    assertThatExceptionOfType(TenantSwitching.class)
        .isThrownBy(() -> service.importDocuments(ACME, input));

    // then
    assertThat(storedDocuments(admin)).isEqualTo(documents.subList(0, 2));
  }

  @Test
  void importProceedsWhileCopying() {
    // given
    AuthenticatedAdmin admin = acmeIn(TenantTier.COLLECTION);
    Given.moveUnderWay(ports, admin.organizationId(), TenantTier.SHARED, MovePhase.COPYING);

    // when
    ImportResult result = service.importDocuments(ACME, foreignDocuments(2).iterator());

    // then
    assertThat(result.created()).isEqualTo(2);
  }

  @Test
  void importIntoDeletingOrganizationIsNotFound() {
    // given
    Given.storedDirectly(ports, "acme", OrganizationState.DELETING);

    // when / then
    assertThatExceptionOfType(OrganizationNotFound.class)
        .isThrownBy(() -> service.importDocuments(ACME, foreignDocuments(1).iterator()));
  }

  @Test
  void importIntoUnknownOrganizationIsNotFound() {
    // when / then
    assertThatExceptionOfType(OrganizationNotFound.class)
        .isThrownBy(() -> service.importDocuments(ACME, foreignDocuments(1).iterator()));
  }

  @Test
  void emptyImportIntoUnknownOrganizationIsNotFound() {
    // given
    Iterator<TenantDocument> nothing = List.<TenantDocument>of().iterator();

    // when / then
    assertThatExceptionOfType(OrganizationNotFound.class)
        .as(
            "importDocuments must report an unknown organization even for empty input, as its"
                + " contract states; it looks the organization up only per document")
        .isThrownBy(() -> service.importDocuments(ACME, nothing));
  }
}
