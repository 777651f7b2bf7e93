package io.croupier.bootstrap;

import io.croupier.adapter.in.cli.Operations;
import io.croupier.adapter.in.cli.StoreSelection;
import io.croupier.adapter.out.mongo.MongoConnection;
import io.croupier.adapter.out.security.InvalidSigningKeyConfiguration;
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
import java.time.Clock;

/**
 * The command line's use cases: a {@link CroupierLibrary} on the selected store, opened with {@link
 * MongoConnection#openOrJoin} so that a running server's embedded store is shared, and wired by
 * {@link LibraryWiring} as the server wires it. The JWT secrets are resolved only for {@code admin
 * login}, so that the other commands neither need one nor generate one.
 */
final class CommandLineOperations implements Operations {

  private final MongoConnection connection;
  private final CroupierSettings settings;
  private final Clock clock;
  private final CroupierLibrary library;

  private CommandLineOperations(
      MongoConnection connection, CroupierSettings settings, Clock clock, CroupierLibrary library) {
    this.connection = connection;
    this.settings = settings;
    this.clock = clock;
    this.library = library;
  }

  /**
   * Opens the store that the command selected, with the other settings from the environment. The
   * selection replaces the store settings, so that the secret generated for an embedded store is
   * looked up in the selected data folder.
   */
  static Operations open(StoreSelection selection, CroupierSettings settings) {
    settings.setMongodbUri(selection.mongodbUri().orElse(null));
    settings.setDataDir(selection.dataDir().toString());
    MongoConnection connection =
        MongoConnection.openOrJoin(
            selection.mongodbUri(),
            selection.dataDir(),
            settings.storeTimeout(),
            settings.storeTimeout());
    try {
      Clock clock = LibraryWiring.clock();
      CroupierLibrary library = LibraryWiring.withoutKeys(connection, settings, clock).build();
      return new CommandLineOperations(connection, settings, clock, library);
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

  /**
   * {@inheritDoc}
   *
   * <p>Resolves the secret as the server does, so that the token works against a server with the
   * same settings: on the embedded store without a configured secret, that is the secret generated
   * in the data folder.
   */
  @Override
  public LogInUseCase logIn() {
    CroupierLibrary.Builder builder;
    try {
      builder = LibraryWiring.withKeys(connection, settings, clock);
    } catch (InvalidSigningKeyConfiguration invalid) {
      throw new IllegalArgumentException(invalid.getMessage(), invalid);
    }
    return builder.build().logIn();
  }

  @Override
  public void close() {
    connection.close();
  }
}
