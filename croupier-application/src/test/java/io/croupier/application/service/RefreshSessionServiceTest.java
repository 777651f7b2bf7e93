package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.port.in.LoginResult;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.RequestOrigin;
import io.croupier.application.port.in.UpdateOrganizationCommand;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.application.port.out.AuditOutcome;
import io.croupier.application.port.out.RefreshTokenState;
import io.croupier.application.port.out.StoredRefreshToken;
import io.croupier.domain.InvalidToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RefreshSessionServiceTest {

  private static final RequestOrigin ORIGIN = new RequestOrigin("203.0.113.7", "req-9");

  private final FakePorts ports = FakePorts.create();
  private final RefreshSessionService service = ports.refreshSessionService();
  private OrganizationDetails acme;
  private LoginResult login;

  @BeforeEach
  void createOrganizationAndLogIn() {
    acme = Given.organization(ports, "acme");
    login = ports.logInService().logIn(Given.emailOf("acme"), Given.PASSWORD);
  }

  private LoginResult refresh(String token) {
    return service.refresh(token, ORIGIN);
  }

  private void assertRejected(String token) {
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> refresh(token))
        .withMessageContaining("refresh token");
  }

  private void assertAccessRejected(String accessToken) {
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> ports.authenticateTokenService().authenticate(accessToken));
  }

  private String sessionOf(LoginResult result) {
    return ports.tokens().verify(result.accessToken()).sessionId();
  }

  @Test
  void issuesAccessTokenThatAuthenticates() {
    // when
    LoginResult refreshed = refresh(login.refreshToken());

    // then
    assertThat(ports.authenticateTokenService().authenticate(refreshed.accessToken()).adminId())
        .isEqualTo(acme.organization().adminId());
    assertThat(refreshed.organizationName().value()).isEqualTo("acme");
  }

  @Test
  void issuesNewRefreshTokenOfSameSession() {
    // when
    LoginResult refreshed = refresh(login.refreshToken());

    // then
    assertThat(refreshed.refreshToken()).isNotEqualTo(login.refreshToken());
    assertThat(sessionOf(refreshed)).isEqualTo(sessionOf(login));
    assertThat(ports.refreshTokens().session(sessionOf(login))).hasSize(2);
  }

  @Test
  void marksPresentedTokenRotated() {
    // when
    refresh(login.refreshToken());

    // then
    StoredRefreshToken presented =
        ports
            .refreshTokens()
            .findByHash(RefreshTokenCodec.hash(login.refreshToken()))
            .orElseThrow();
    assertThat(presented.state()).isEqualTo(RefreshTokenState.ROTATED);
  }

  @Test
  void successorExpiresWithSession() {
    // given
    ports.clock().advance(Duration.ofDays(3));

    // when
    LoginResult refreshed = refresh(login.refreshToken());

    // then
    assertThat(refreshed.refreshExpiresIn()).isEqualTo(Duration.ofDays(11));
  }

  @Test
  void successorRefreshesAgain() {
    // given
    LoginResult refreshed = refresh(login.refreshToken());

    // when
    LoginResult again = refresh(refreshed.refreshToken());

    // then
    assertThat(sessionOf(again)).isEqualTo(sessionOf(login));
  }

  @Test
  void rotatedTokenStopsWorking() {
    // given
    refresh(login.refreshToken());

    // when / then
    assertRejected(login.refreshToken());
  }

  @Test
  void reuseRevokesWholeSession() {
    // given
    LoginResult refreshed = refresh(login.refreshToken());

    // when
    assertRejected(login.refreshToken());

    // then
    assertRejected(refreshed.refreshToken());
    assertAccessRejected(refreshed.accessToken());
    assertAccessRejected(login.accessToken());
    assertThat(ports.refreshTokens().session(sessionOf(login)))
        .extracting(StoredRefreshToken::state)
        .containsOnly(RefreshTokenState.REVOKED);
  }

  @Test
  void reuseLeavesOtherSessionsAlone() {
    // given
    LoginResult other = ports.logInService().logIn(Given.emailOf("acme"), Given.PASSWORD);
    refresh(login.refreshToken());

    // when
    assertRejected(login.refreshToken());

    // then
    assertThat(refresh(other.refreshToken()).adminId()).isEqualTo(acme.organization().adminId());
  }

  @Test
  void recordsReuse() {
    // given
    refresh(login.refreshToken());

    // when
    assertRejected(login.refreshToken());

    // then
    List<AuditEvent> reuses = ports.auditLog().withAction(AuditAction.REFRESH_REUSE);
    assertThat(reuses).hasSize(1);
    assertThat(reuses.get(0).outcome()).isEqualTo(AuditOutcome.FAILURE);
    assertThat(reuses.get(0).organizationId()).isEqualTo(acme.organization().id());
    assertThat(reuses.get(0).clientAddress()).isEqualTo("203.0.113.7");
  }

  @Test
  void recordsRefresh() {
    // when
    refresh(login.refreshToken());

    // then
    List<AuditEvent> refreshes = ports.auditLog().withAction(AuditAction.REFRESH);
    assertThat(refreshes).hasSize(1);
    assertThat(refreshes.get(0).actor()).isEqualTo(acme.organization().adminId());
    assertThat(refreshes.get(0).requestId()).isEqualTo("req-9");
  }

  @Test
  void revokedTokenCountsAsReuse() {
    // given
    ports.logOutService().logOut(login.accessToken(), RequestOrigin.unknown());

    // when
    assertRejected(login.refreshToken());

    // then
    assertThat(ports.auditLog().withAction(AuditAction.REFRESH_REUSE)).hasSize(1);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "short", "not base64url but forty-three characters long"})
  void rejectsMalformedToken(String token) {
    assertRejected(token);
  }

  @Test
  void rejectsUnknownTokenWithoutRevoking() {
    // when
    assertRejected(RefreshTokenCodec.newToken());

    // then
    assertThat(ports.auditLog().withAction(AuditAction.REFRESH_REUSE)).isEmpty();
    assertThat(refresh(login.refreshToken()).adminId()).isNotBlank();
  }

  @Test
  void acceptsTokenJustBeforeExpiry() {
    // given
    ports.clock().advance(LogInService.DEFAULT_REFRESH_TOKEN_LIFETIME.minusMillis(1));

    // when
    LoginResult refreshed = refresh(login.refreshToken());

    // then
    assertThat(refreshed.refreshExpiresIn()).isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void rejectsTokenAtExpiry() {
    // given
    ports.clock().advance(LogInService.DEFAULT_REFRESH_TOKEN_LIFETIME);

    // when / then
    assertRejected(login.refreshToken());
  }

  @Test
  void expiredRotatedTokenIsNoReuse() {
    // given
    refresh(login.refreshToken());
    ports.clock().advance(LogInService.DEFAULT_REFRESH_TOKEN_LIFETIME);

    // when
    assertRejected(login.refreshToken());

    // then
    assertThat(ports.auditLog().withAction(AuditAction.REFRESH_REUSE)).isEmpty();
  }

  @Test
  void rejectsAfterPasswordChange() {
    // given
    ports
        .updateOrganizationService()
        .update(UpdateOrganizationCommand.of(Given.adminOf(acme), null, null, "Changed123"));

    // when / then
    assertRejected(login.refreshToken());
  }

  @Test
  void keepsWorkingAfterEmailChange() {
    // given
    ports
        .updateOrganizationService()
        .update(UpdateOrganizationCommand.of(Given.adminOf(acme), null, "new@acme.io", null));

    // when
    LoginResult refreshed = refresh(login.refreshToken());

    // then
    assertThat(refreshed.adminId()).isEqualTo(acme.organization().adminId());
  }

  @Test
  void rejectsAfterOrganizationDeleted() {
    // given
    ports.deleteOrganizationService().delete(Given.adminOf(acme), Optional.empty());

    // when / then
    assertRejected(login.refreshToken());
  }

  @Test
  void carriesNewNameAfterRename() {
    // given
    ports
        .updateOrganizationService()
        .update(UpdateOrganizationCommand.of(Given.adminOf(acme), "acme-labs", null, null));

    // when
    LoginResult refreshed = refresh(login.refreshToken());

    // then
    assertThat(refreshed.organizationName().value()).isEqualTo("acme-labs");
  }

  @Test
  void revocationRacingWithRefreshRevokesSuccessor() {
    // given a logout that has written its revocation entry but not yet marked the refresh tokens
    String session = sessionOf(login);
    ports.revokedTokens().revokeSession(session, ports.clock().instant().plusSeconds(3600));

    // when
    assertRejected(login.refreshToken());

    // then
    assertThat(ports.refreshTokens().session(session))
        .extracting(StoredRefreshToken::state)
        .doesNotContain(RefreshTokenState.ACTIVE);
  }

  /**
   * Every loser of the race presents a token that is rotated by then, which counts as reuse and
   * revokes the session. The winner returns only if it checked for a revocation before the first
   * loser wrote one, so at most one refresh succeeds and the session ends either way.
   */
  @Test
  void concurrentRefreshesLetAtMostOneWin() throws Exception {
    // given
    int contenders = 8;
    ExecutorService pool = Executors.newFixedThreadPool(contenders);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<LoginResult>> outcomes = new ArrayList<>();
    Callable<LoginResult> attempt =
        () -> {
          start.await();
          return refresh(login.refreshToken());
        };
    for (int i = 0; i < contenders; i++) {
      outcomes.add(pool.submit(attempt));
    }

    // when
    start.countDown();
    int wins = 0;
    int rejections = 0;
    for (Future<LoginResult> outcome : outcomes) {
      try {
        outcome.get(10, TimeUnit.SECONDS);
        wins++;
      } catch (ExecutionException failed) {
        assertThat(failed.getCause()).isInstanceOf(InvalidToken.class);
        rejections++;
      }
    }
    pool.shutdown();

    // then
    assertThat(wins).isLessThanOrEqualTo(1);
    assertThat(wins + rejections).isEqualTo(contenders);
    assertThat(ports.refreshTokens().session(sessionOf(login)))
        .extracting(StoredRefreshToken::state)
        .doesNotContain(RefreshTokenState.ACTIVE);
  }
}
