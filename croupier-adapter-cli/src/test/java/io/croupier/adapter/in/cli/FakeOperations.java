package io.croupier.adapter.in.cli;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.port.in.ClearLockoutUseCase;
import io.croupier.application.port.in.CreateOrganizationUseCase;
import io.croupier.application.port.in.DeleteOrganizationUseCase;
import io.croupier.application.port.in.GetOrganizationUseCase;
import io.croupier.application.port.in.ImportResult;
import io.croupier.application.port.in.ListAuditEventsUseCase;
import io.croupier.application.port.in.ListOrganizationsUseCase;
import io.croupier.application.port.in.LogInUseCase;
import io.croupier.application.port.in.MoveOrganizationUseCase;
import io.croupier.application.port.in.ResolveOrganizationAdminUseCase;
import io.croupier.application.port.in.TransferDocumentsUseCase;
import io.croupier.application.port.in.UpdateOrganizationUseCase;
import io.croupier.application.service.MoveOrganizationService;
import io.croupier.application.service.TenantDocumentsService;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.MovePhase;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantMove;
import io.croupier.domain.TenantTier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The use cases on the application's in-memory ports, for tests that need a state or a failure that
 * a real store cannot produce on demand, such as a move under way or a store that stops responding.
 * Every command of a test opens the same instance, as it would open the same store.
 */
final class FakeOperations implements Operations {

  final FakePorts ports = FakePorts.create();

  private final TenantDocumentsService documents =
      new TenantDocumentsService(
          ports.organizations(), ports.tenants(), ports.journal(), ports.clock());
  private final MoveOrganizationService moves =
      new MoveOrganizationService(
          ports.organizations(), ports.tenants(), ports.journal(), ports.clock(), Duration.ZERO);
  private int opened;
  private int closed;
  private int exportFailsAfter = -1;
  private RuntimeException exportFailure;

  /** Returns a factory that opens this instance for every command. */
  OperationsFactory factory() {
    return selection -> {
      opened++;
      return this;
    };
  }

  /** Returns how many commands opened the store. */
  int opened() {
    return opened;
  }

  /** Returns how many commands closed the store. */
  int closed() {
    return closed;
  }

  /**
   * Makes every later export fail with the failure once it has passed on {@code count} documents.
   */
  void failExportAfter(int count, RuntimeException failure) {
    exportFailsAfter = count;
    exportFailure = failure;
  }

  /** Returns the active organization with the name. */
  Organization organization(String name) {
    return ports.organizations().findByName(new OrganizationName(name)).orElseThrow();
  }

  /** Stores {@code count} documents {@code doc-0}, {@code doc-1}, ... in the organization. */
  List<TenantDocument> addDocuments(String name, int count) {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    List<TenantDocument> added = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      Instant createdAt = start.plusSeconds(index);
      added.add(
          new TenantDocument(
              "doc-" + index,
              createdAt,
              createdAt.plusMillis(250),
              DocumentBody.of(Map.of("index", index, "label", "Document " + index))));
    }
    documents.importDocuments(new OrganizationName(name), added.iterator());
    return added;
  }

  /** Returns every document of the organization in creation order. */
  List<TenantDocument> documents(String name) {
    List<TenantDocument> found = new ArrayList<>();
    documents.export(new OrganizationName(name), found::add);
    return found;
  }

  /**
   * Records a move of the organization as under way in the given phase, as another process would.
   */
  void startMove(String name, TenantTier target, MovePhase phase) {
    Organization organization = organization(name);
    Instant now = ports.clock().instant();
    TenantMove move = TenantMove.begin(organization.tier(), target, now).inPhase(phase, now);
    ports
        .organizations()
        .updatePlacement(organization, organization.withMove(Optional.of(move), now));
  }

  @Override
  public CreateOrganizationUseCase createOrganization() {
    return ports.createOrganizationService();
  }

  @Override
  public GetOrganizationUseCase getOrganization() {
    return ports.getOrganizationService();
  }

  @Override
  public UpdateOrganizationUseCase updateOrganization() {
    return ports.updateOrganizationService();
  }

  @Override
  public DeleteOrganizationUseCase deleteOrganization() {
    return ports.deleteOrganizationService();
  }

  @Override
  public ListOrganizationsUseCase listOrganizations() {
    return ports.listOrganizationsService();
  }

  @Override
  public ResolveOrganizationAdminUseCase resolveOrganizationAdmin() {
    return ports.resolveOrganizationAdminService();
  }

  @Override
  public ListAuditEventsUseCase listAuditEvents() {
    return ports.listAuditEventsService();
  }

  @Override
  public ClearLockoutUseCase clearLockout() {
    return ports.clearLockoutService();
  }

  @Override
  public LogInUseCase logIn() {
    return ports.logInService();
  }

  @Override
  public TransferDocumentsUseCase transferDocuments() {
    if (exportFailure == null) {
      return documents;
    }
    return new TransferDocumentsUseCase() {
      @Override
      public long export(OrganizationName name, Consumer<TenantDocument> sink) {
        int[] passed = {0};
        return documents.export(
            name,
            document -> {
              if (passed[0] == exportFailsAfter) {
                throw exportFailure;
              }
              passed[0]++;
              sink.accept(document);
            });
      }

      @Override
      public ImportResult importDocuments(
          OrganizationName name, Iterator<TenantDocument> documentsToImport) {
        return documents.importDocuments(name, documentsToImport);
      }
    };
  }

  @Override
  public MoveOrganizationUseCase moveOrganization() {
    return moves;
  }

  @Override
  public void close() {
    closed++;
  }
}
