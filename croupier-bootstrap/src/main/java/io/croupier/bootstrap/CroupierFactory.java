package io.croupier.bootstrap;

import io.croupier.adapter.in.http.TrustedProxies;
import io.croupier.adapter.out.mongo.MongoConnection;
import io.croupier.application.port.in.AuthenticateTokenUseCase;
import io.croupier.application.port.in.CheckHealthUseCase;
import io.croupier.application.port.in.ClearLockoutUseCase;
import io.croupier.application.port.in.CreateOrganizationUseCase;
import io.croupier.application.port.in.DeleteOrganizationUseCase;
import io.croupier.application.port.in.DocumentsUseCase;
import io.croupier.application.port.in.GetOrganizationUseCase;
import io.croupier.application.port.in.ListAuditEventsUseCase;
import io.croupier.application.port.in.ListOrganizationsUseCase;
import io.croupier.application.port.in.LogInUseCase;
import io.croupier.application.port.in.LogOutUseCase;
import io.croupier.application.port.in.RecoverOrganizationsUseCase;
import io.croupier.application.port.in.RefreshSessionUseCase;
import io.croupier.application.port.in.UpdateOrganizationUseCase;
import io.croupier.library.CroupierLibrary;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Provides the server's use cases from one {@link CroupierLibrary}, built by {@link LibraryWiring}
 * as the command line builds it; the store comes from {@link StoreFactory}.
 */
@Factory
final class CroupierFactory {

  @Singleton
  Clock clock() {
    return LibraryWiring.clock();
  }

  // Created at start-up, so that a missing or short secret, or any other invalid setting, stops
  // the server before it listens.
  @Context
  CroupierLibrary croupierLibrary(
      CroupierSettings settings, MongoConnection connection, Clock clock) {
    return LibraryWiring.withKeys(connection, settings, clock).build();
  }

  // Created at start-up, so that an invalid entry stops the server before it listens.
  @Context
  TrustedProxies trustedProxies(CroupierSettings settings) {
    return settings.trustedProxies();
  }

  @Singleton
  CreateOrganizationUseCase createOrganization(CroupierLibrary library) {
    return library.createOrganization();
  }

  @Singleton
  GetOrganizationUseCase getOrganization(CroupierLibrary library) {
    return library.getOrganization();
  }

  @Singleton
  UpdateOrganizationUseCase updateOrganization(CroupierLibrary library) {
    return library.updateOrganization();
  }

  @Singleton
  DeleteOrganizationUseCase deleteOrganization(CroupierLibrary library) {
    return library.deleteOrganization();
  }

  @Singleton
  ListOrganizationsUseCase listOrganizations(CroupierLibrary library) {
    return library.listOrganizations();
  }

  // Created at start-up, because its first use computes the decoy hash with one bcrypt run.
  @Context
  LogInUseCase logIn(CroupierLibrary library) {
    return library.logIn();
  }

  @Singleton
  RefreshSessionUseCase refreshSession(CroupierLibrary library) {
    return library.refreshSession();
  }

  @Singleton
  LogOutUseCase logOut(CroupierLibrary library) {
    return library.logOut();
  }

  @Singleton
  AuthenticateTokenUseCase authenticateToken(CroupierLibrary library) {
    return library.authenticateToken();
  }

  @Singleton
  ListAuditEventsUseCase listAuditEvents(CroupierLibrary library) {
    return library.listAuditEvents();
  }

  @Singleton
  ClearLockoutUseCase clearLockout(CroupierLibrary library) {
    return library.clearLockout();
  }

  @Singleton
  CheckHealthUseCase checkHealth(CroupierLibrary library) {
    return library.checkHealth();
  }

  @Singleton
  DocumentsUseCase documents(CroupierLibrary library) {
    return library.documents();
  }

  @Singleton
  RecoverOrganizationsUseCase recoverOrganizations(CroupierLibrary library) {
    return library.recoverOrganizations();
  }
}
