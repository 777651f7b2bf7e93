package io.croupier.bootstrap;

import com.mongodb.client.MongoDatabase;
import io.croupier.adapter.out.security.SigningKeySource;
import io.croupier.application.port.in.AuthenticateTokenUseCase;
import io.croupier.application.port.in.CheckHealthUseCase;
import io.croupier.application.port.in.CreateOrganizationUseCase;
import io.croupier.application.port.in.DeleteOrganizationUseCase;
import io.croupier.application.port.in.GetOrganizationUseCase;
import io.croupier.application.port.in.ListOrganizationsUseCase;
import io.croupier.application.port.in.LogInUseCase;
import io.croupier.application.port.in.UpdateOrganizationUseCase;
import io.croupier.library.CroupierLibrary;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Provides the server's use cases from one {@link CroupierLibrary}, the wiring that the command
 * line and embedding applications use as well; the store comes from {@link StoreFactory}.
 */
@Factory
final class CroupierFactory {

  // Millisecond ticks, the precision MongoDB stores, so a response shows the time a later read
  // returns.
  @Singleton
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
  }

  // Created at start-up, so that a missing or short secret stops the server before it listens.
  @Context
  CroupierLibrary croupierLibrary(CroupierSettings settings, MongoDatabase database, Clock clock) {
    return CroupierLibrary.builder(database)
        .signingKey(
            SigningKeySource.resolve(
                settings.jwtSecret(),
                settings.jwtSecretFile(),
                settings.mongodbUri().isEmpty(),
                settings.dataDir()))
        .bcryptCost(settings.bcryptCost())
        .tokenLifetime(settings.tokenTtl())
        .clock(clock)
        .build();
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
  AuthenticateTokenUseCase authenticateToken(CroupierLibrary library) {
    return library.authenticateToken();
  }

  @Singleton
  CheckHealthUseCase checkHealth(CroupierLibrary library) {
    return library.checkHealth();
  }
}
