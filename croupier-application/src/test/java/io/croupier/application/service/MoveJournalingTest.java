package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.fakes.FakePorts;
import io.croupier.application.fakes.ObservedTenantStorage;
import io.croupier.application.fakes.SimulatedFailure;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.MoveProgress;
import io.croupier.application.port.out.JournalEntry;
import io.croupier.application.port.out.MoveJournal;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.MovePhase;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantTier;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Checks that a move copies the documents written while it runs through the journal, and that its
 * final switch reads only those documents instead of every document of the organization.
 */
class MoveJournalingTest {

  private static final OrganizationName ACME = OrganizationName.of("acme");
  private static final int DOCUMENTS = 2000;

  private final FakePorts ports = FakePorts.create();
  private final AtomicLong readWhileSwitching = new AtomicLong();
  private final AtomicLong readInTotal = new AtomicLong();
  private final ObservedTenantStorage storage =
      new ObservedTenantStorage(ports.tenants(), this::counted, this::counted);
  private final HookedJournal journal = new HookedJournal();
  private final TenantDocumentsService documents =
      new TenantDocumentsService(ports.organizations(), storage, journal, ports.clock());
  private final MoveOrganizationService mover =
      new MoveOrganizationService(
          ports.organizations(), storage, journal, ports.clock(), Duration.ZERO);
  private final Map<String, DocumentBody> expected = new HashMap<>();
  private AuthenticatedAdmin acme;

  private void acmeWithDocuments(TenantTier tier) {
    acme = Given.adminOf(Given.organization(ports, "acme", tier));
    for (int index = 0; index < DOCUMENTS; index++) {
      create(index);
    }
  }

  private String create(int number) {
    DocumentBody body = DocumentBody.of(Map.of("n", number));
    TenantDocument created = documents.create(acme, body);
    expected.put(created.id(), body);
    ports.clock().advance(Duration.ofMillis(1));
    return created.id();
  }

  /** Writes through the service: one create, one replace and one delete. */
  private void writeThree() {
    create(-1);
    String replaced = expected.keySet().iterator().next();
    DocumentBody body = DocumentBody.of(Map.of("replaced", true));
    documents.replace(acme, replaced, body);
    expected.put(replaced, body);
    String deleted =
        expected.keySet().stream().filter(id -> !id.equals(replaced)).findFirst().orElseThrow();
    documents.delete(acme, deleted);
    expected.remove(deleted);
  }

  private Map<String, DocumentBody> bodiesIn(TenantTier tier) {
    TenantPlacement placement = new TenantPlacement(acme.organizationId(), ACME, tier);
    return ports.tenants().documents(placement).page(Optional.empty(), Integer.MAX_VALUE).stream()
        .collect(Collectors.toMap(TenantDocument::id, TenantDocument::body));
  }

  /** Counts the documents read, and those read during the final switch. */
  private void counted(int documents) {
    readInTotal.addAndGet(documents);
    if (acme != null && switching()) {
      readWhileSwitching.addAndGet(documents);
    }
  }

  private boolean switching() {
    return ports
        .organizations()
        .findById(acme.organizationId())
        .flatMap(organization -> organization.move())
        .filter(move -> move.phase() == MovePhase.SWITCHING)
        .isPresent();
  }

  @Test
  void copiesWritesMadeAfterFullComparison() {
    // given
    acmeWithDocuments(TenantTier.COLLECTION);
    journal.onFirstPage = this::writeThree;

    // when
    mover.move(ACME, TenantTier.SHARED, MoveProgress.NONE);

    // then
    assertThat(bodiesIn(TenantTier.SHARED)).isEqualTo(expected);
  }

  @Test
  void switchReadsOnlyJournaledDocuments() {
    // given
    acmeWithDocuments(TenantTier.SHARED);
    journal.onFirstPage = this::writeThree;

    // when
    mover.move(ACME, TenantTier.DATABASE, MoveProgress.NONE);

    // then
    assertThat(readWhileSwitching.get()).isLessThanOrEqualTo(6);
    assertThat(readInTotal.get()).isGreaterThan(DOCUMENTS);
  }

  @Test
  void switchCopiesWriteWhoseEndNoteFailed() {
    // given
    acmeWithDocuments(TenantTier.DATABASE);
    journal.onFirstPage =
        () -> {
          ports.failures().failOn(Operation.JOURNAL_WRITE_ENDED);
          create(-2);
          ports.failures().clear();
        };

    // when
    mover.move(ACME, TenantTier.COLLECTION, MoveProgress.NONE);

    // then
    assertThat(bodiesIn(TenantTier.COLLECTION)).isEqualTo(expected);
  }

  @Test
  void refusesWriteWhoseBeginNoteFailed() {
    // given
    acmeWithDocuments(TenantTier.COLLECTION);
    Map<String, DocumentBody> before = Map.copyOf(expected);
    journal.onFirstPage =
        () -> {
          ports.failures().failOn(Operation.JOURNAL_WRITE_BEGINS);
          assertThatExceptionOfType(SimulatedFailure.class)
              .isThrownBy(() -> documents.create(acme, DocumentBody.of(Map.of("lost", true))));
          ports.failures().clear();
        };

    // when
    mover.move(ACME, TenantTier.SHARED, MoveProgress.NONE);

    // then
    assertThat(bodiesIn(TenantTier.SHARED)).isEqualTo(before);
  }

  @Test
  void clearsJournalAfterMove() {
    // given
    acmeWithDocuments(TenantTier.COLLECTION);
    journal.onFirstPage = this::writeThree;

    // when
    mover.move(ACME, TenantTier.SHARED, MoveProgress.NONE);

    // then
    assertThat(ports.journal().entries(acme.organizationId())).isEmpty();
  }

  @Test
  void notesNothingOutsideMove() {
    // given
    acmeWithDocuments(TenantTier.COLLECTION);

    // when
    writeThree();

    // then
    assertThat(ports.journal().notes()).isZero();
  }

  @Test
  void notesEachWriteTwiceDuringMove() {
    // given
    acmeWithDocuments(TenantTier.COLLECTION);
    journal.onFirstPage = this::writeThree;

    // when
    mover.move(ACME, TenantTier.SHARED, MoveProgress.NONE);

    // then
    assertThat(ports.journal().notes()).isEqualTo(6);
  }

  @Test
  void comparesOnlyAfterSettleSinceStart() {
    // given
    Duration settle = Duration.ofMillis(300);
    MoveOrganizationService patient =
        new MoveOrganizationService(ports.organizations(), storage, journal, ports.clock(), settle);
    acmeWithDocuments(TenantTier.COLLECTION);
    AtomicLong firstReport = new AtomicLong();
    AtomicLong comparing = new AtomicLong();

    // when
    patient.move(
        ACME,
        TenantTier.SHARED,
        (phase, copied, total) -> {
          firstReport.compareAndSet(0, System.nanoTime());
          if (phase.equals("comparing")) {
            comparing.set(System.nanoTime());
          }
        });

    // then
    assertThat(Duration.ofNanos(comparing.get() - firstReport.get()))
        .isGreaterThan(settle.dividedBy(2));
  }

  /** The fake journal, which runs a step once, right before the move first reads a page of it. */
  private final class HookedJournal implements MoveJournal {

    private Runnable onFirstPage = () -> {};

    @Override
    public void writeBegins(String organizationId, String documentId) {
      ports.journal().writeBegins(organizationId, documentId);
    }

    @Override
    public void writeEnded(String organizationId, String documentId) {
      ports.journal().writeEnded(organizationId, documentId);
    }

    @Override
    public List<JournalEntry> page(
        String organizationId, Optional<String> afterDocumentId, int limit) {
      Runnable step = onFirstPage;
      onFirstPage = () -> {};
      step.run();
      return ports.journal().page(organizationId, afterDocumentId, limit);
    }

    @Override
    public boolean remove(JournalEntry entry) {
      return ports.journal().remove(entry);
    }

    @Override
    public void clear(String organizationId) {
      ports.journal().clear(organizationId);
    }
  }
}
