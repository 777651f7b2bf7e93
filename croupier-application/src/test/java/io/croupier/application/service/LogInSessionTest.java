package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.croupier.application.fakes.FakePasswordHasher;
import io.croupier.application.fakes.FakePorts;
import io.croupier.application.port.in.LoginResult;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.RequestOrigin;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.application.port.out.AuditOutcome;
import io.croupier.application.port.out.RefreshTokenState;
import io.croupier.application.port.out.StoredRefreshToken;
import io.croupier.application.port.out.TokenClaims;
import io.croupier.domain.AdminUser;
import io.croupier.domain.AuthenticationFailed;
import io.croupier.domain.LoginLimits;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogInSessionTest {

  private static final String EMAIL = Given.emailOf("acme");
  private static final RequestOrigin ORIGIN = new RequestOrigin("203.0.113.7", "req-42");

  private final FakePorts ports = FakePorts.create();
  private LogInService service;
  private OrganizationDetails acme;

  @BeforeEach
  void createOrganizationAndService() {
    acme = Given.organization(ports, "acme");
    service = ports.logInService();
    ports.hasher().resetCounts();
  }

  private AdminUser storedAdmin() {
    return ports.admins().findById(acme.organization().adminId()).orElseThrow();
  }

  private List<AuditEvent> events(AuditAction action) {
    return ports.auditLog().withAction(action);
  }

  @Test
  void returnsOpaqueRefreshToken() {
    // when
    LoginResult result = service.logIn(EMAIL, Given.PASSWORD);

    // then 32 bytes in base64url without padding take 43 characters
    assertThat(result.refreshToken()).matches("[A-Za-z0-9_-]{43}");
  }

  @Test
  void refreshTokenLivesFourteenDaysByDefault() {
    // when
    LoginResult result = service.logIn(EMAIL, Given.PASSWORD);

    // then
    assertThat(result.refreshExpiresIn()).isEqualTo(Duration.ofDays(14));
    StoredRefreshToken stored = ports.refreshTokens().all().get(0);
    assertThat(stored.expiresAt()).isEqualTo(ports.clock().instant().plus(Duration.ofDays(14)));
  }

  @Test
  void refreshTokenLifetimeIsConfigurable() {
    // given
    LogInService shortSessions =
        new LogInService(
            ports.admins(),
            ports.organizations(),
            ports.hasher(),
            ports.tokens(),
            ports.refreshTokens(),
            ports.loginFailures(),
            ports.auditLog(),
            LoginLimits.DEFAULT,
            Duration.ofHours(8),
            ports.clock());

    // when
    LoginResult result = shortSessions.logIn(EMAIL, Given.PASSWORD);

    // then
    assertThat(result.refreshExpiresIn()).isEqualTo(Duration.ofHours(8));
  }

  @Test
  void rejectsZeroRefreshTokenLifetime() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new LogInService(
                    ports.admins(),
                    ports.organizations(),
                    ports.hasher(),
                    ports.tokens(),
                    ports.refreshTokens(),
                    ports.loginFailures(),
                    ports.auditLog(),
                    LoginLimits.DEFAULT,
                    Duration.ZERO,
                    ports.clock()));
  }

  @Test
  void storesOnlyHashOfRefreshToken() {
    // when
    LoginResult result = service.logIn(EMAIL, Given.PASSWORD);

    // then
    StoredRefreshToken stored = ports.refreshTokens().all().get(0);
    assertThat(stored.tokenHash()).isEqualTo(RefreshTokenCodec.hash(result.refreshToken()));
    assertThat(stored.tokenHash()).isNotEqualTo(result.refreshToken());
    assertThat(stored.tokenHash()).matches("[0-9a-f]{64}");
  }

  @Test
  void storesActiveRefreshTokenOfAdmin() {
    // when
    service.logIn(EMAIL, Given.PASSWORD);

    // then
    StoredRefreshToken stored = ports.refreshTokens().all().get(0);
    assertThat(stored.state()).isEqualTo(RefreshTokenState.ACTIVE);
    assertThat(stored.adminId()).isEqualTo(acme.organization().adminId());
    assertThat(stored.organizationId()).isEqualTo(acme.organization().id());
    assertThat(stored.credentialsVersion()).isEqualTo(1);
  }

  @Test
  void accessTokenCarriesSessionOfRefreshToken() {
    // when
    LoginResult result = service.logIn(EMAIL, Given.PASSWORD);

    // then
    TokenClaims claims = ports.tokens().verify(result.accessToken());
    assertThat(claims.sessionId()).isEqualTo(ports.refreshTokens().all().get(0).sessionId());
  }

  @Test
  void everyLoginStartsNewSession() {
    // when
    LoginResult first = service.logIn(EMAIL, Given.PASSWORD);
    LoginResult second = service.logIn(EMAIL, Given.PASSWORD);

    // then
    String firstSession = ports.tokens().verify(first.accessToken()).sessionId();
    String secondSession = ports.tokens().verify(second.accessToken()).sessionId();
    assertThat(firstSession).isNotEqualTo(secondSession);
    assertThat(first.refreshToken()).isNotEqualTo(second.refreshToken());
  }

  @Test
  void toStringHidesBothTokens() {
    // given
    LoginResult result = service.logIn(EMAIL, Given.PASSWORD);

    // when
    String printed = result.toString();

    // then
    assertThat(printed).doesNotContain(result.accessToken());
    assertThat(printed).doesNotContain(result.refreshToken());
    assertThat(printed).contains(result.adminId());
  }

  @Test
  void rehashesWhenCostChanged() {
    // given
    ports.hasher().setCost(12);

    // when
    service.logIn(EMAIL, Given.PASSWORD);

    // then
    assertThat(FakePasswordHasher.costOf(storedAdmin().passwordHash()))
        .isEqualTo(OptionalInt.of(12));
    assertThat(ports.hasher().hashCalls()).isEqualTo(1);
  }

  @Test
  void rehashKeepsCredentialsVersionAndTokens() {
    // given
    String tokenBefore = Given.tokenOf(ports, "acme");
    ports.hasher().setCost(12);

    // when
    service.logIn(EMAIL, Given.PASSWORD);

    // then
    assertThat(storedAdmin().credentialsVersion()).isEqualTo(1);
    assertThat(ports.authenticateTokenService().authenticate(tokenBefore).adminId())
        .isEqualTo(acme.organization().adminId());
  }

  @Test
  void rehashedPasswordStillLogsIn() {
    // given
    ports.hasher().setCost(12);
    service.logIn(EMAIL, Given.PASSWORD);
    ports.hasher().resetCounts();

    // when
    LoginResult result = service.logIn(EMAIL, Given.PASSWORD);

    // then
    assertThat(result.adminId()).isEqualTo(acme.organization().adminId());
    assertThat(ports.hasher().hashCalls()).isZero();
  }

  @Test
  void noRehashWithoutCostChange() {
    // given
    String hashBefore = storedAdmin().passwordHash();

    // when
    service.logIn(EMAIL, Given.PASSWORD);

    // then
    assertThat(storedAdmin().passwordHash()).isEqualTo(hashBefore);
    assertThat(ports.hasher().hashCalls()).isZero();
  }

  @Test
  void failedLoginNeverRehashes() {
    // given
    ports.hasher().setCost(12);
    String hashBefore = storedAdmin().passwordHash();

    // when
    assertThatExceptionOfType(AuthenticationFailed.class)
        .isThrownBy(() -> service.logIn(EMAIL, "Wrong1234"));

    // then
    assertThat(storedAdmin().passwordHash()).isEqualTo(hashBefore);
  }

  @Test
  void recordsSuccessWithOrigin() {
    // when
    service.logIn(EMAIL, Given.PASSWORD, ORIGIN);

    // then
    List<AuditEvent> successes = events(AuditAction.LOGIN_SUCCEEDED);
    assertThat(successes).hasSize(1);
    AuditEvent event = successes.get(0);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.actor()).isEqualTo(acme.organization().adminId());
    assertThat(event.organizationId()).isEqualTo(acme.organization().id());
    assertThat(event.organizationName()).isEqualTo("acme");
    assertThat(event.clientAddress()).isEqualTo("203.0.113.7");
    assertThat(event.requestId()).isEqualTo("req-42");
    assertThat(event.time()).isEqualTo(ports.clock().instant());
  }

  @Test
  void recordsFailureOfKnownAdmin() {
    // when
    assertThatExceptionOfType(AuthenticationFailed.class)
        .isThrownBy(() -> service.logIn(EMAIL, "Wrong1234", ORIGIN));

    // then
    List<AuditEvent> failures = events(AuditAction.LOGIN_FAILED);
    assertThat(failures).hasSize(1);
    AuditEvent event = failures.get(0);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILURE);
    assertThat(event.actor()).isEqualTo(acme.organization().adminId());
    assertThat(event.organizationId()).isEqualTo(acme.organization().id());
    assertThat(event.organizationName()).isEqualTo("acme");
  }

  @Test
  void recordsFailureOfUnknownEmailWithoutOrganization() {
    // when
    assertThatExceptionOfType(AuthenticationFailed.class)
        .isThrownBy(() -> service.logIn(" Nobody@Acme.io ", Given.PASSWORD, ORIGIN));

    // then
    AuditEvent event = events(AuditAction.LOGIN_FAILED).get(0);
    assertThat(event.actor()).isEqualTo("nobody@acme.io");
    assertThat(event.organizationId()).isNull();
    assertThat(event.organizationName()).isNull();
  }

  @Test
  void eventsNeverHoldPassword() {
    // when
    assertThatExceptionOfType(AuthenticationFailed.class)
        .isThrownBy(() -> service.logIn(EMAIL, "Wrong1234", ORIGIN));
    service.logIn(EMAIL, Given.PASSWORD, ORIGIN);

    // then
    assertThat(ports.auditLog().all().toString())
        .doesNotContain("Wrong1234")
        .doesNotContain(Given.PASSWORD);
  }

  @Test
  void failedAuditWriteKeepsLogin() {
    // given
    ports.auditLog().failWrites();

    // when
    LoginResult result = service.logIn(EMAIL, Given.PASSWORD, ORIGIN);

    // then
    assertThat(ports.authenticateTokenService().authenticate(result.accessToken()).adminId())
        .isEqualTo(acme.organization().adminId());
    assertThat(ports.auditLog().droppedEvents()).isEqualTo(1);
  }
}
