package io.croupier.adapter.in.cli;

import io.croupier.adapter.out.mongo.MongoConnection;
import io.croupier.application.port.in.ClearLockoutUseCase;
import io.croupier.application.port.in.CreateOrganizationUseCase;
import io.croupier.application.port.in.DeleteOrganizationUseCase;
import io.croupier.application.port.in.GetOrganizationUseCase;
import io.croupier.application.port.in.ListAuditEventsUseCase;
import io.croupier.application.port.in.ListOrganizationsUseCase;
import io.croupier.application.port.in.LogInUseCase;
import io.croupier.application.port.in.MoveOrganizationUseCase;
import io.croupier.application.port.in.ResolveOrganizationAdminUseCase;
import io.croupier.application.port.in.TransferDocumentsUseCase;
import io.croupier.application.port.in.UpdateOrganizationUseCase;
import io.croupier.library.CroupierLibrary;
import java.time.Duration;

/**
 * The use cases of {@link CroupierLibrary} on a connection that {@link MongoConnection#openOrJoin}
 * opened, as the executable wires them, with a fixed JWT secret and the cheapest bcrypt cost.
 */
final class LibraryOperations implements Operations {

  static final String JWT_SECRET = "cli-test-signing-secret-of-at-least-32-bytes";
  static final Duration TIMEOUT = Duration.ofMillis(500);

  private final CroupierLibrary library;
  private final MongoConnection connection;

  private LibraryOperations(CroupierLibrary library, MongoConnection connection) {
    this.library = library;
    this.connection = connection;
  }

  /** Opens the selected store the way the executable does. */
  static Operations open(StoreSelection selection) {
    MongoConnection connection =
        MongoConnection.openOrJoin(selection.mongodbUri(), selection.dataDir(), TIMEOUT, TIMEOUT);
    try {
      CroupierLibrary library =
          CroupierLibrary.builder(connection.client(), connection.database())
              .bcryptCost(4)
              .jwtSecret(JWT_SECRET)
              .build();
      return new LibraryOperations(library, connection);
    } catch (RuntimeException failure) {
      connection.close();
      throw failure;
    }
  }

  @Override
  public CreateOrganizationUseCase createOrganization() {
    return library.createOrganization();
  }

  @Override
  public GetOrganizationUseCase getOrganization() {
    return library.getOrganization();
  }

  @Override
  public UpdateOrganizationUseCase updateOrganization() {
    return library.updateOrganization();
  }

  @Override
  public DeleteOrganizationUseCase deleteOrganization() {
    return library.deleteOrganization();
  }

  @Override
  public ListOrganizationsUseCase listOrganizations() {
    return library.listOrganizations();
  }

  @Override
  public ResolveOrganizationAdminUseCase resolveOrganizationAdmin() {
    return library.resolveOrganizationAdmin();
  }

  @Override
  public ListAuditEventsUseCase listAuditEvents() {
    return library.listAuditEvents();
  }

  @Override
  public TransferDocumentsUseCase transferDocuments() {
    return library.transferDocuments();
  }

  @Override
  public MoveOrganizationUseCase moveOrganization() {
    return library.moveOrganization();
  }

  @Override
  public ClearLockoutUseCase clearLockout() {
    return library.clearLockout();
  }

  @Override
  public LogInUseCase logIn() {
    return library.logIn();
  }

  @Override
  public void close() {
    connection.close();
  }
}
