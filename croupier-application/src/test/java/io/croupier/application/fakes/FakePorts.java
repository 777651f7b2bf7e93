package io.croupier.application.fakes;

import io.croupier.application.service.AuthenticateTokenService;
import io.croupier.application.service.CreateOrganizationService;
import io.croupier.application.service.DeleteOrganizationService;
import io.croupier.application.service.GetOrganizationService;
import io.croupier.application.service.LogInService;
import io.croupier.application.service.UpdateOrganizationService;

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
    FakePasswordHasher hasher,
    FakeTokenService tokens) {

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
        new FakePasswordHasher(failures),
        new FakeTokenService(clock, failures));
  }

  /** Returns a copy of everything the fakes store, comparable with {@code equals}. */
  public StoredState storedState() {
    return new StoredState(organizations.snapshot(), admins.snapshot(), tenants.snapshot());
  }

  public CreateOrganizationService createOrganizationService() {
    return new CreateOrganizationService(organizations, admins, tenants, hasher, clock);
  }

  public GetOrganizationService getOrganizationService() {
    return new GetOrganizationService(organizations, admins, tenants);
  }

  public UpdateOrganizationService updateOrganizationService() {
    return new UpdateOrganizationService(organizations, admins, tenants, hasher, clock);
  }

  public DeleteOrganizationService deleteOrganizationService() {
    return new DeleteOrganizationService(organizations, admins, tenants, clock);
  }

  /** Creates the login service, which hashes its decoy password once on creation. */
  public LogInService logInService() {
    return new LogInService(admins, organizations, hasher, tokens);
  }

  public AuthenticateTokenService authenticateTokenService() {
    return new AuthenticateTokenService(tokens, admins, organizations);
  }
}
