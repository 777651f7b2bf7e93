package io.croupier.application.service;

import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.DocumentPage;
import io.croupier.application.port.in.DocumentsUseCase;
import io.croupier.application.port.in.ImportResult;
import io.croupier.application.port.in.ListDocumentsQuery;
import io.croupier.application.port.in.TransferDocumentsUseCase;
import io.croupier.application.port.out.DocumentPosition;
import io.croupier.application.port.out.MoveJournal;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.TenantDocuments;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.DocumentNotFound;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.MovePhase;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNotFound;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantMove;
import io.croupier.domain.TenantSwitching;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads and writes an organization's documents in the tier its metadata names. The metadata is read
 * on every call, never cached, so that a call sees a switch between tiers at once: writes are
 * refused while the switch runs, and reads and writes go to the new tier once it is done. While a
 * move copies the data, every write is noted in the {@link MoveJournal} before and after it runs,
 * so that the move copies the written documents again.
 */
public final class TenantDocumentsService implements DocumentsUseCase, TransferDocumentsUseCase {

  private static final int EXPORT_BATCH = 500;

  private final OrganizationRepository organizations;
  private final TenantStorage tenants;
  private final MoveJournal journal;
  private final Clock clock;

  public TenantDocumentsService(
      OrganizationRepository organizations,
      TenantStorage tenants,
      MoveJournal journal,
      Clock clock) {
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public TenantDocument create(AuthenticatedAdmin caller, DocumentBody body) {
    Objects.requireNonNull(body, "body");
    Organization organization = writable(callerOrganization(caller));
    Instant now = now();
    TenantDocument document = new TenantDocument(UUID.randomUUID().toString(), now, now, body);
    journaled(
        organization,
        document.id(),
        () -> {
          documentsOf(organization).insert(document);
          return document;
        });
    return document;
  }

  @Override
  public TenantDocument get(AuthenticatedAdmin caller, String id) {
    TenantDocument.checkId(id);
    return documentsOf(callerOrganization(caller))
        .find(id)
        .orElseThrow(() -> new DocumentNotFound(id));
  }

  @Override
  public DocumentPage list(AuthenticatedAdmin caller, ListDocumentsQuery query) {
    Objects.requireNonNull(query, "query");
    Optional<DocumentPosition> after = query.after().map(DocumentCursor::decode);
    TenantDocuments documents = documentsOf(callerOrganization(caller));

    // One extra document shows whether another page follows, without a second query.
    List<TenantDocument> found = documents.page(after, query.limit() + 1);
    if (found.size() <= query.limit()) {
      return new DocumentPage(found, Optional.empty());
    }
    List<TenantDocument> page = found.subList(0, query.limit());
    String next = DocumentCursor.encode(DocumentPosition.of(page.get(page.size() - 1)));
    return new DocumentPage(page, Optional.of(next));
  }

  @Override
  public TenantDocument replace(AuthenticatedAdmin caller, String id, DocumentBody body) {
    TenantDocument.checkId(id);
    Objects.requireNonNull(body, "body");
    Organization organization = writable(callerOrganization(caller));
    TenantDocuments documents = documentsOf(organization);

    return journaled(
        organization,
        id,
        () -> {
          TenantDocument existing = documents.find(id).orElseThrow(() -> new DocumentNotFound(id));
          TenantDocument replaced = existing.replacedBy(body, now());
          if (!documents.replace(replaced)) {
            throw new DocumentNotFound(id);
          }
          return replaced;
        });
  }

  @Override
  public void delete(AuthenticatedAdmin caller, String id) {
    TenantDocument.checkId(id);
    Organization organization = writable(callerOrganization(caller));
    boolean deleted = journaled(organization, id, () -> documentsOf(organization).delete(id));
    if (!deleted) {
      throw new DocumentNotFound(id);
    }
  }

  @Override
  public long export(OrganizationName name, Consumer<TenantDocument> sink) {
    Objects.requireNonNull(sink, "sink");
    TenantDocuments documents = documentsOf(activeByName(name));
    long count = 0;
    Optional<DocumentPosition> after = Optional.empty();
    while (true) {
      List<TenantDocument> page = documents.page(after, EXPORT_BATCH);
      page.forEach(sink);
      count += page.size();
      if (page.size() < EXPORT_BATCH) {
        return count;
      }
      after = Optional.of(DocumentPosition.of(page.get(page.size() - 1)));
    }
  }

  @Override
  public ImportResult importDocuments(OrganizationName name, Iterator<TenantDocument> documents) {
    Objects.requireNonNull(documents, "documents");
    activeByName(name);
    long created = 0;
    long replaced = 0;
    while (documents.hasNext()) {
      TenantDocument document = documents.next();
      // The metadata is read for each document, so an import that runs into a move's final
      // switch stops there instead of writing to the old tier.
      Organization organization = writable(activeByName(name));
      boolean existed =
          journaled(organization, document.id(), () -> documentsOf(organization).put(document));
      if (existed) {
        replaced++;
      } else {
        created++;
      }
    }
    return new ImportResult(created, replaced);
  }

  private Organization callerOrganization(AuthenticatedAdmin caller) {
    Objects.requireNonNull(caller, "caller");
    return organizations
        .findById(caller.organizationId())
        .filter(Organization::isActive)
        .orElseThrow(InvalidToken::new);
  }

  private Organization activeByName(OrganizationName name) {
    Objects.requireNonNull(name, "name");
    return organizations
        .findByName(name)
        .filter(Organization::isActive)
        .orElseThrow(() -> new OrganizationNotFound(name.value()));
  }

  private static Organization writable(Organization organization) {
    if (organization.move().filter(TenantMove::blocksWrites).isPresent()) {
      throw new TenantSwitching(organization.name());
    }
    // A rename in the collection tier renames the collection that the write would address, and a
    // write that reaches the old name after that creates a collection that nothing reads.
    if (organization.isRenaming() && TenantPlacement.of(organization).addressedByName()) {
      throw TenantSwitching.renaming(organization.name());
    }
    return organization;
  }

  /**
   * Runs a write of one document, noting it in the journal first and last while a move copies the
   * organization's data. A note that fails after the write leaves the entry marked in progress,
   * which the move's final switch copies all the same, so that failure does not fail the write.
   */
  private <T> T journaled(Organization organization, String documentId, Supplier<T> write) {
    boolean copying =
        organization.move().filter(move -> move.phase() == MovePhase.COPYING).isPresent();
    if (!copying) {
      return write.get();
    }
    journal.writeBegins(organization.id(), documentId);
    T result;
    try {
      result = write.get();
    } catch (RuntimeException failure) {
      endQuietly(organization, documentId);
      throw failure;
    }
    endQuietly(organization, documentId);
    return result;
  }

  private void endQuietly(Organization organization, String documentId) {
    try {
      journal.writeEnded(organization.id(), documentId);
    } catch (RuntimeException ignored) {
      // The entry stays in progress; the final switch copies the document after its settle wait.
    }
  }

  private TenantDocuments documentsOf(Organization organization) {
    return tenants.documents(TenantPlacement.of(organization));
  }

  /** Returns the time in whole milliseconds, the precision that the store keeps. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
