package io.croupier.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.mongodb.client.MongoDatabase;
import io.croupier.application.fakes.FailurePlan;
import io.croupier.application.fakes.FakePasswordHasher;
import io.croupier.application.fakes.FakeTokenService;
import io.croupier.application.fakes.TestClock;
import io.croupier.application.port.in.AuditEventPage;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.LoginResult;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.RequestOrigin;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.application.service.AuthenticateTokenService;
import io.croupier.application.service.CreateOrganizationService;
import io.croupier.application.service.DeleteOrganizationService;
import io.croupier.application.service.ListAuditEventsService;
import io.croupier.application.service.LogInService;
import io.croupier.application.service.LogOutService;
import io.croupier.application.service.RefreshSessionService;
import io.croupier.domain.AuthenticationFailed;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.LoginLimits;
import io.croupier.domain.LoginLockedOut;
import io.croupier.domain.TenantTier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session, lockout and audit services running on the Mongo adapters of the embedded store. */
class SessionLifecycleTest {

  private static final String PASSWORD = "Secret123";
  private static final RequestOrigin ORIGIN = new RequestOrigin("203.0.113.7", "req-1");

  @TempDir static Path dataFolder;

  private static EmbeddedTestStore store;
  private static int organizationNumber;

  private final TestClock clock = new TestClock(TestData.CREATED_AT);
  private final FailurePlan failures = new FailurePlan();
  private final FakeTokenService tokens = new FakeTokenService(clock, failures);
  private final FakePasswordHasher hasher = new FakePasswordHasher(failures);
  private LogInService logIn;
  private RefreshSessionService refresh;
  private LogOutService logOut;
  private AuthenticateTokenService authenticate;
  private DeleteOrganizationService delete;
  private ListAuditEventsService auditEvents;
  private OrganizationDetails organization;
  private String email;

  @BeforeAll
  static void startStore() {
    store = EmbeddedTestStore.start(dataFolder);
  }

  @AfterAll
  static void stopStore() {
    store.close();
  }

  @BeforeEach
  void createOrganizationAndServices() {
    MongoDatabase database = store.masterDatabase();
    MongoOrganizationRepository organizations = new MongoOrganizationRepository(database);
    MongoAdminRepository admins = new MongoAdminRepository(database);
    MongoTenantStorage tenants = new MongoTenantStorage(store.client(), database);
    MongoRefreshTokenStore refreshTokens = new MongoRefreshTokenStore(database);
    MongoRevokedTokens revokedTokens = new MongoRevokedTokens(database);
    MongoAuditLog auditLog = new MongoAuditLog(database, clock);
    logIn =
        new LogInService(
            admins,
            organizations,
            hasher,
            tokens,
            refreshTokens,
            new MongoLoginFailureLog(database),
            auditLog,
            LoginLimits.DEFAULT,
            LogInService.DEFAULT_REFRESH_TOKEN_LIFETIME,
            clock);
    refresh =
        new RefreshSessionService(
            admins, organizations, tokens, refreshTokens, revokedTokens, auditLog, clock);
    logOut =
        new LogOutService(
            tokens, tokens, organizations, refreshTokens, revokedTokens, auditLog, clock);
    authenticate =
        new AuthenticateTokenService(tokens, admins, organizations, revokedTokens, clock);
    delete = new DeleteOrganizationService(organizations, admins, tenants, auditLog, clock);
    auditEvents = new ListAuditEventsService(auditLog, organizations);

    organizationNumber++;
    String name = "session-" + organizationNumber + "-" + System.nanoTime() % 100000;
    email = "admin@" + name + ".example.com";
    organization =
        new CreateOrganizationService(
                organizations, admins, tenants, hasher, auditLog, clock, TenantTier.COLLECTION)
            .create(CreateOrganizationCommand.of(name, email, PASSWORD), ORIGIN);
  }

  private AuthenticatedAdmin caller() {
    return new AuthenticatedAdmin(
        organization.organization().adminId(), organization.organization().id());
  }

  @Test
  void refreshRotatesAndReuseRevokesSession() {
    // given
    LoginResult login = logIn.logIn(email, PASSWORD, ORIGIN);
    LoginResult refreshed = refresh.refresh(login.refreshToken(), ORIGIN);

    // when
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> refresh.refresh(login.refreshToken(), ORIGIN));

    // then
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> refresh.refresh(refreshed.refreshToken(), ORIGIN));
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> authenticate.authenticate(refreshed.accessToken()));
  }

  @Test
  void logoutRevokesTokenAndSession() {
    // given
    LoginResult login = logIn.logIn(email, PASSWORD, ORIGIN);

    // when
    logOut.logOut(login.accessToken(), ORIGIN);

    // then
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> authenticate.authenticate(login.accessToken()));
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> refresh.refresh(login.refreshToken(), ORIGIN));
  }

  @Test
  void locksAccountAfterFiveFailuresWithoutHashCheck() {
    // given
    for (int i = 0; i < 5; i++) {
      assertThatExceptionOfType(AuthenticationFailed.class)
          .isThrownBy(() -> logIn.logIn(email, "Wrong1234", ORIGIN));
      clock.advance(Duration.ofSeconds(1));
    }
    hasher.resetCounts();

    // when
    LoginLockedOut error =
        assertThatExceptionOfType(LoginLockedOut.class)
            .isThrownBy(() -> logIn.logIn(email, PASSWORD, ORIGIN))
            .actual();

    // then
    assertThat(error.retryAfter()).isEqualTo(Duration.ofMinutes(15).minusSeconds(5));
    assertThat(hasher.matchesCalls()).isZero();
  }

  @Test
  void deletedOrganizationEventsReadableByName() {
    // given
    clock.advance(Duration.ofSeconds(1));
    logIn.logIn(email, PASSWORD, ORIGIN);
    clock.advance(Duration.ofSeconds(1));
    delete.delete(caller(), Optional.empty(), ORIGIN);

    // when
    AuditEventPage page =
        auditEvents.listByOrganizationName(organization.organization().name(), Optional.empty(), 2);
    AuditEventPage next =
        auditEvents.listByOrganizationName(
            organization.organization().name(), page.nextCursor(), 2);

    // then
    assertThat(page.events())
        .extracting(AuditEvent::action)
        .containsExactly(AuditAction.ORGANIZATION_DELETED, AuditAction.LOGIN_SUCCEEDED);
    assertThat(next.events())
        .extracting(AuditEvent::action)
        .containsExactly(AuditAction.ORGANIZATION_CREATED);
    assertThat(next.nextCursor()).isEmpty();
  }
}
