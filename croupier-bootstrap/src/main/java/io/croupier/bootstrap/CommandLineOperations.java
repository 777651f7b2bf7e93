package io.croupier.bootstrap;

import io.croupier.adapter.in.cli.Operations;
import io.croupier.adapter.in.cli.StoreSelection;
import io.croupier.adapter.out.mongo.MongoConnection;
import io.croupier.adapter.out.security.InvalidSigningKeyConfiguration;
import io.croupier.adapter.out.security.SigningKey;
import io.croupier.adapter.out.security.SigningKeySource;
import io.croupier.application.port.in.CreateOrganizationUseCase;
import io.croupier.application.port.in.DeleteOrganizationUseCase;
import io.croupier.application.port.in.GetOrganizationUseCase;
import io.croupier.application.port.in.ListOrganizationsUseCase;
import io.croupier.application.port.in.LogInUseCase;
import io.croupier.application.port.in.ResolveOrganizationAdminUseCase;
import io.croupier.application.port.in.UpdateOrganizationUseCase;
import io.croupier.library.CroupierLibrary;
import java.time.Clock;
import java.time.Duration;

/**
 * The command line's use cases: a {@link CroupierLibrary} on the selected store, opened with {@link
 * MongoConnection#openOrJoin} so that a running server's embedded store is shared. The JWT secret
 * is resolved only for {@code admin login}, so that the other commands neither need one nor
 * generate one.
 */
final class CommandLineOperations implements Operations {

  private final MongoConnection connection;
  private final StoreSelection selection;
  private final CroupierSettings settings;
  private final CroupierLibrary library;

  private CommandLineOperations(
      MongoConnection connection,
      StoreSelection selection,
      CroupierSettings settings,
      CroupierLibrary library) {
    this.connection = connection;
    this.selection = selection;
    this.settings = settings;
    this.library = library;
  }

  /** Opens the store that the command selected, with the other settings from the environment. */
  static Operations open(StoreSelection selection, CroupierSettings settings) {
    MongoConnection connection =
        MongoConnection.openOrJoin(
            selection.mongodbUri(),
            selection.dataDir(),
            MongoConnection.DEFAULT_SERVER_SELECTION_TIMEOUT,
            MongoConnection.DEFAULT_CONNECT_TIMEOUT);
    try {
      CroupierLibrary library = builder(connection, settings).build();
      return new CommandLineOperations(connection, selection, settings, library);
    } catch (RuntimeException failure) {
      connection.close();
      throw failure;
    }
  }

  private static CroupierLibrary.Builder builder(
      MongoConnection connection, CroupierSettings settings) {
    return CroupierLibrary.builder(connection.database())
        .bcryptCost(settings.bcryptCost())
        .tokenLifetime(settings.tokenTtl())
        .clock(Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)));
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

  /**
   * {@inheritDoc}
   *
   * <p>Resolves the secret as the server does, so that the token works against a server with the
   * same settings: on the embedded store without a configured secret, that is the secret generated
   * in the data folder.
   */
  @Override
  public LogInUseCase logIn() {
    SigningKey key;
    try {
      key =
          SigningKeySource.resolve(
              settings.jwtSecret(),
              settings.jwtSecretFile(),
              selection.mongodbUri().isEmpty(),
              selection.dataDir());
    } catch (InvalidSigningKeyConfiguration invalid) {
      throw new IllegalArgumentException(invalid.getMessage(), invalid);
    }
    return builder(connection, settings).signingKey(key).build().logIn();
  }

  @Override
  public void close() {
    connection.close();
  }
}
