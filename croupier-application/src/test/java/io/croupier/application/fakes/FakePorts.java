package io.croupier.application.fakes;

import io.croupier.application.service.AuthenticateTokenService;
import io.croupier.application.service.ClearLockoutService;
import io.croupier.application.service.CreateOrganizationService;
import io.croupier.application.service.DeleteOrganizationService;
import io.croupier.application.service.GetOrganizationService;
import io.croupier.application.service.ListAuditEventsService;
import io.croupier.application.service.ListOrganizationsService;
import io.croupier.application.service.LogInService;
import io.croupier.application.service.LogOutService;
import io.croupier.application.service.RefreshSessionService;
import io.croupier.application.service.ResolveOrganizationAdminService;
import io.croupier.application.service.UpdateOrganizationService;
import io.croupier.domain.LoginLimits;
import io.croupier.domain.TenantTier;
import java.time.Duration;

/**
 * Every fake port, wired to one {@link FailurePlan} and one {@link TestClock}, with factories for
 * the services built on them.
 */
public record FakePorts(
    FailurePlan failures,
    TestClock clock,
    InMemoryOrganizationRepository organizations,
    InMemoryAdminRepository admins,
    InMemoryTenantStorage tenants,
    InMemoryMoveJournal journal,
    FakePasswordHasher hasher,
    FakeTokenService tokens,
    InMemoryRefreshTokenStore refreshTokens,
    InMemoryRevokedTokens revokedTokens,
    InMemoryLoginFailureLog loginFailures,
    InMemoryAuditLog auditLog) {

  /** Creates empty fakes with no planned failure and a clock at {@link TestClock#DEFAULT_START}. */
  public static FakePorts create() {
    FailurePlan failures = new FailurePlan();
    TestClock clock = new TestClock();
    return new FakePorts(
        failures,
        clock,
        new InMemoryOrganizationRepository(failures),
        new InMemoryAdminRepository(failures),
        new InMemoryTenantStorage(failures),
        new InMemoryMoveJournal(failures),
        new FakePasswordHasher(failures),
        new FakeTokenService(clock, failures),
        new InMemoryRefreshTokenStore(failures),
        new InMemoryRevokedTokens(failures),
        new InMemoryLoginFailureLog(failures),
        new InMemoryAuditLog(failures));
  }

  /** Returns a copy of everything the fakes store, comparable with {@code equals}. */
  public StoredState storedState() {
    return new StoredState(organizations.snapshot(), admins.snapshot(), tenants.snapshot());
  }

  public CreateOrganizationService createOrganizationService() {
    return new CreateOrganizationService(
        organizations, admins, tenants, hasher, auditLog, clock, TenantTier.COLLECTION);
  }

  public GetOrganizationService getOrganizationService() {
    return new GetOrganizationService(organizations, admins, tenants);
  }

  /** Creates the update service with no wait before a rename in the collection tier. */
  public UpdateOrganizationService updateOrganizationService() {
    return updateOrganizationService(Duration.ZERO);
  }

  /** Creates the update service that waits {@code settle} before a collection-tier rename. */
  public UpdateOrganizationService updateOrganizationService(Duration settle) {
    return new UpdateOrganizationService(
        organizations, admins, tenants, hasher, auditLog, clock, settle);
  }

  public DeleteOrganizationService deleteOrganizationService() {
    return new DeleteOrganizationService(organizations, admins, tenants, auditLog, clock);
  }

  /**
   * Creates the login service with the default limits and refresh-token lifetime; it hashes its
   * decoy password once on creation.
   */
  public LogInService logInService() {
    return logInService(LoginLimits.DEFAULT);
  }

  /** Creates the login service with the limits; it hashes its decoy password once on creation. */
  public LogInService logInService(LoginLimits limits) {
    return new LogInService(
        admins,
        organizations,
        hasher,
        tokens,
        refreshTokens,
        loginFailures,
        auditLog,
        limits,
        LogInService.DEFAULT_REFRESH_TOKEN_LIFETIME,
        clock);
  }

  public RefreshSessionService refreshSessionService() {
    return new RefreshSessionService(
        admins, organizations, tokens, refreshTokens, revokedTokens, auditLog, clock);
  }

  public LogOutService logOutService() {
    return new LogOutService(
        tokens, tokens, organizations, refreshTokens, revokedTokens, auditLog, clock);
  }

  public ClearLockoutService clearLockoutService() {
    return new ClearLockoutService(loginFailures, admins, organizations, auditLog, clock);
  }

  public ListAuditEventsService listAuditEventsService() {
    return new ListAuditEventsService(auditLog, organizations);
  }

  public ListOrganizationsService listOrganizationsService() {
    return new ListOrganizationsService(organizations, tenants);
  }

  public ResolveOrganizationAdminService resolveOrganizationAdminService() {
    return new ResolveOrganizationAdminService(organizations, admins);
  }

  public AuthenticateTokenService authenticateTokenService() {
    return new AuthenticateTokenService(tokens, admins, organizations, revokedTokens, clock);
  }
}
