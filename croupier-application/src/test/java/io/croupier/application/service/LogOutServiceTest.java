package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.fakes.FakeTokenService;
import io.croupier.application.port.in.LoginResult;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.RequestOrigin;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.application.port.out.TokenClaims;
import io.croupier.domain.InvalidToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogOutServiceTest {

  private static final RequestOrigin ORIGIN = new RequestOrigin("203.0.113.7", "req-5");

  private final FakePorts ports = FakePorts.create();
  private final LogOutService service = ports.logOutService();
  private OrganizationDetails acme;
  private LoginResult login;

  @BeforeEach
  void createOrganizationAndLogIn() {
    acme = Given.organization(ports, "acme");
    login = ports.logInService().logIn(Given.emailOf("acme"), Given.PASSWORD);
  }

  private void assertAccessRejected(String accessToken) {
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> ports.authenticateTokenService().authenticate(accessToken));
  }

  private TokenClaims claimsOf(LoginResult result) {
    return ports.tokens().verify(result.accessToken());
  }

  @Test
  void revokesAccessToken() {
    // when
    service.logOut(login.accessToken(), ORIGIN);

    // then
    assertAccessRejected(login.accessToken());
  }

  @Test
  void keepsTokenIdRevokedUntilExpiryPlusMargin() {
    // when
    service.logOut(login.accessToken(), ORIGIN);

    // then
    TokenClaims claims = claimsOf(login);
    assertThat(ports.revokedTokens().tokenRevokedUntil(claims.tokenId()))
        .contains(claims.expiresAt().plus(SessionRevocation.CLOCK_SKEW_MARGIN));
  }

  @Test
  void keepsSessionRevokedForTokenLifetime() {
    // given
    ports.clock().advance(Duration.ofMinutes(20));
    Instant now = ports.clock().instant();

    // when
    service.logOut(login.accessToken(), ORIGIN);

    // then
    Instant expected =
        now.plus(FakeTokenService.DEFAULT_LIFETIME).plus(SessionRevocation.CLOCK_SKEW_MARGIN);
    assertThat(ports.revokedTokens().sessionRevokedUntil(claimsOf(login).sessionId()))
        .contains(expected);
  }

  @Test
  void revokesRefreshTokensOfSession() {
    // when
    service.logOut(login.accessToken(), ORIGIN);

    // then
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> ports.refreshSessionService().refresh(login.refreshToken(), ORIGIN));
  }

  @Test
  void revokesOtherAccessTokensOfSession() {
    // given
    LoginResult refreshed = ports.refreshSessionService().refresh(login.refreshToken(), ORIGIN);

    // when
    service.logOut(refreshed.accessToken(), ORIGIN);

    // then
    assertAccessRejected(login.accessToken());
  }

  @Test
  void leavesOtherSessionsAlone() {
    // given
    LoginResult other = ports.logInService().logIn(Given.emailOf("acme"), Given.PASSWORD);

    // when
    service.logOut(login.accessToken(), ORIGIN);

    // then
    assertThat(ports.authenticateTokenService().authenticate(other.accessToken()).adminId())
        .isEqualTo(acme.organization().adminId());
    assertThat(ports.refreshSessionService().refresh(other.refreshToken(), ORIGIN).adminId())
        .isEqualTo(acme.organization().adminId());
  }

  @Test
  void tokenWithoutSessionRevokesOnlyItself() {
    // given
    Instant now = ports.clock().instant();
    TokenClaims claims = claimsOf(login);
    String withoutSession =
        FakeTokenService.encode(
            new TokenClaims(
                "token-without-session",
                claims.adminId(),
                claims.organizationId(),
                "acme",
                1,
                now,
                now.plus(Duration.ofMinutes(5))));

    // when
    service.logOut(withoutSession, ORIGIN);

    // then
    assertAccessRejected(withoutSession);
    assertThat(ports.authenticateTokenService().authenticate(login.accessToken()).adminId())
        .isEqualTo(acme.organization().adminId());
  }

  @Test
  void rejectsSecondLogout() {
    // given
    service.logOut(login.accessToken(), ORIGIN);

    // when / then
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> service.logOut(login.accessToken(), ORIGIN));
  }

  @Test
  void rejectsExpiredToken() {
    // given
    ports.clock().advance(FakeTokenService.DEFAULT_LIFETIME);

    // when / then
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> service.logOut(login.accessToken(), ORIGIN));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  ", "not-a-token"})
  void rejectsMissingOrMalformedToken(String token) {
    assertThatExceptionOfType(InvalidToken.class).isThrownBy(() -> service.logOut(token, ORIGIN));
  }

  @Test
  void recordsLogout() {
    // when
    service.logOut(login.accessToken(), ORIGIN);

    // then
    List<AuditEvent> logouts = ports.auditLog().withAction(AuditAction.LOGOUT);
    assertThat(logouts).hasSize(1);
    assertThat(logouts.get(0).actor()).isEqualTo(acme.organization().adminId());
    assertThat(logouts.get(0).organizationName()).isEqualTo("acme");
    assertThat(logouts.get(0).clientAddress()).isEqualTo("203.0.113.7");
  }
}
