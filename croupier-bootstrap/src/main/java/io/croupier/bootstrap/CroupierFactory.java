package io.croupier.bootstrap;

import io.croupier.adapter.out.security.BcryptPasswordHasher;
import io.croupier.adapter.out.security.JwtTokenService;
import io.croupier.adapter.out.security.SigningKey;
import io.croupier.adapter.out.security.SigningKeySource;
import io.croupier.application.port.in.AuthenticateTokenUseCase;
import io.croupier.application.port.in.CheckHealthUseCase;
import io.croupier.application.port.in.CreateOrganizationUseCase;
import io.croupier.application.port.in.DeleteOrganizationUseCase;
import io.croupier.application.port.in.GetOrganizationUseCase;
import io.croupier.application.port.in.LogInUseCase;
import io.croupier.application.port.in.UpdateOrganizationUseCase;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.PasswordHasher;
import io.croupier.application.port.out.StoreProbe;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.application.service.AuthenticateTokenService;
import io.croupier.application.service.CheckHealthService;
import io.croupier.application.service.CreateOrganizationService;
import io.croupier.application.service.DeleteOrganizationService;
import io.croupier.application.service.GetOrganizationService;
import io.croupier.application.service.LogInService;
import io.croupier.application.service.UpdateOrganizationService;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Wires the use-case services to the security adapters; storage comes from {@link StoreFactory}. */
@Factory
final class CroupierFactory {

  // Millisecond ticks, the precision MongoDB stores, so a response shows the time a later read
  // returns.
  @Singleton
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
  }

  @Singleton
  PasswordHasher passwordHasher(CroupierSettings settings) {
    return new BcryptPasswordHasher(settings.bcryptCost());
  }

  // Created at start-up, so that a missing or short secret stops the server before it listens.
  @Context
  JwtTokenService tokenService(CroupierSettings settings, Clock clock) {
    SigningKey key =
        SigningKeySource.resolve(
            settings.jwtSecret(),
            settings.jwtSecretFile(),
            settings.mongodbUri().isEmpty(),
            settings.dataDir());
    return new JwtTokenService(
        key,
        JwtTokenService.DEFAULT_ISSUER,
        settings.tokenTtl(),
        JwtTokenService.MAX_CLOCK_SKEW,
        clock);
  }

  @Singleton
  CreateOrganizationUseCase createOrganization(
      OrganizationRepository organizations,
      AdminRepository admins,
      TenantStorage tenants,
      PasswordHasher hasher,
      Clock clock) {
    return new CreateOrganizationService(organizations, admins, tenants, hasher, clock);
  }

  @Singleton
  GetOrganizationUseCase getOrganization(
      OrganizationRepository organizations, AdminRepository admins, TenantStorage tenants) {
    return new GetOrganizationService(organizations, admins, tenants);
  }

  @Singleton
  UpdateOrganizationUseCase updateOrganization(
      OrganizationRepository organizations,
      AdminRepository admins,
      TenantStorage tenants,
      PasswordHasher hasher,
      Clock clock) {
    return new UpdateOrganizationService(organizations, admins, tenants, hasher, clock);
  }

  @Singleton
  DeleteOrganizationUseCase deleteOrganization(
      OrganizationRepository organizations,
      AdminRepository admins,
      TenantStorage tenants,
      Clock clock) {
    return new DeleteOrganizationService(organizations, admins, tenants, clock);
  }

  // Created at start-up, because its constructor computes the decoy hash with one bcrypt run.
  @Context
  LogInUseCase logIn(
      AdminRepository admins,
      OrganizationRepository organizations,
      PasswordHasher hasher,
      JwtTokenService tokens) {
    return new LogInService(admins, organizations, hasher, tokens);
  }

  @Singleton
  AuthenticateTokenUseCase authenticateToken(
      JwtTokenService tokens, AdminRepository admins, OrganizationRepository organizations) {
    return new AuthenticateTokenService(tokens, admins, organizations);
  }

  @Singleton
  CheckHealthUseCase checkHealth(StoreProbe probe) {
    return new CheckHealthService(probe, "croupier", Croupier.version());
  }
}
