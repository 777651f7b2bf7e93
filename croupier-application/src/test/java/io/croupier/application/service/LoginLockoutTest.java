package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.fakes.InMemoryLoginFailureLog;
import io.croupier.application.port.in.LoginResult;
import io.croupier.application.port.in.RequestOrigin;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.application.port.out.LoginFailure;
import io.croupier.application.port.out.LoginFailureLog;
import io.croupier.domain.AuthenticationFailed;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.LoginLimits;
import io.croupier.domain.LoginLockedOut;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginLockoutTest {

  private static final String EMAIL = Given.emailOf("acme");
  private static final String WRONG = "Wrong1234";
  private static final Duration ACCOUNT_WINDOW = LoginLimits.DEFAULT.accountWindow();
  private static final Duration ADDRESS_WINDOW = LoginLimits.DEFAULT.addressWindow();
  private static final RequestOrigin FROM_ADDRESS = new RequestOrigin("203.0.113.7", "req-1");

  private final FakePorts ports = FakePorts.create();
  private LogInService service;

  @BeforeEach
  void createOrganizationAndService() {
    Given.organization(ports, "acme");
    Given.organization(ports, "beta");
    service = ports.logInService();
    ports.hasher().resetCounts();
  }

  private void failTimes(String email, int times, RequestOrigin origin) {
    for (int i = 0; i < times; i++) {
      assertThatExceptionOfType(AuthenticationFailed.class)
          .isThrownBy(() -> service.logIn(email, WRONG, origin));
    }
  }

  private void failTimes(int times) {
    failTimes(EMAIL, times, RequestOrigin.unknown());
  }

  private LoginLockedOut lockedOut(String email, RequestOrigin origin) {
    return assertThatExceptionOfType(LoginLockedOut.class)
        .isThrownBy(() -> service.logIn(email, Given.PASSWORD, origin))
        .actual();
  }

  @Test
  void allowsLoginAfterFourFailures() {
    // given
    failTimes(4);

    // when
    LoginResult result = service.logIn(EMAIL, Given.PASSWORD);

    // then
    assertThat(result.organizationName().value()).isEqualTo("acme");
  }

  @Test
  void locksAccountAfterFiveFailures() {
    // given
    failTimes(5);

    // when / then
    lockedOut(EMAIL, RequestOrigin.unknown());
  }

  @Test
  void lockedAttemptRunsNoHashCheck() {
    // given
    failTimes(5);
    ports.hasher().resetCounts();

    // when
    lockedOut(EMAIL, RequestOrigin.unknown());

    // then
    assertThat(ports.hasher().matchesCalls()).isZero();
  }

  @Test
  void lockedAttemptRecordsNoFailure() {
    // given
    failTimes(5);

    // when
    lockedOut(EMAIL, RequestOrigin.unknown());

    // then
    assertThat(ports.loginFailures().all(LoginThrottle.accountKey(EMAIL))).hasSize(5);
  }

  @Test
  void retryAfterEndsWithOldestFailure() {
    // given five failures one minute apart, the first at the start
    Instant first = ports.clock().instant();
    for (int i = 0; i < 5; i++) {
      failTimes(1);
      ports.clock().advance(Duration.ofMinutes(1));
    }

    // when
    LoginLockedOut error = lockedOut(EMAIL, RequestOrigin.unknown());

    // then the lock ends when the first failure is 15 minutes old
    Duration expected = Duration.between(ports.clock().instant(), first.plus(ACCOUNT_WINDOW));
    assertThat(error.retryAfter()).isEqualTo(expected);
    assertThat(error.retryAfter()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void staysLockedJustBeforeWindowEnds() {
    // given
    failTimes(5);
    ports.clock().advance(ACCOUNT_WINDOW.minusMillis(1));

    // when
    LoginLockedOut error = lockedOut(EMAIL, RequestOrigin.unknown());

    // then
    assertThat(error.retryAfter()).isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void unlocksWhenWindowEnds() {
    // given
    failTimes(5);
    ports.clock().advance(ACCOUNT_WINDOW);

    // when
    LoginResult result = service.logIn(EMAIL, Given.PASSWORD);

    // then
    assertThat(result.organizationName().value()).isEqualTo("acme");
  }

  @Test
  void failureOlderThanWindowNoLongerCounts() {
    // given four failures that leave the window just now, and four recent ones
    failTimes(4);
    ports.clock().advance(ACCOUNT_WINDOW);
    failTimes(4);

    // when
    LoginResult result = service.logIn(EMAIL, Given.PASSWORD);

    // then
    assertThat(result.adminId()).isNotBlank();
  }

  @Test
  void successClearsAccountFailures() {
    // given
    failTimes(4);
    service.logIn(EMAIL, Given.PASSWORD);
    failTimes(4);

    // when
    LoginResult result = service.logIn(EMAIL, Given.PASSWORD);

    // then
    assertThat(result.adminId()).isNotBlank();
    assertThat(ports.loginFailures().all(LoginThrottle.accountKey(EMAIL))).isEmpty();
  }

  @Test
  void locksUnknownEmailToo() {
    // given
    failTimes("nobody@acme.io", 5, RequestOrigin.unknown());
    ports.hasher().resetCounts();

    // when
    lockedOut("nobody@acme.io", RequestOrigin.unknown());

    // then
    assertThat(ports.hasher().matchesCalls()).isZero();
  }

  @Test
  void unknownEmailBelowLimitCostsOneVerification() {
    // given
    failTimes("nobody@acme.io", 4, RequestOrigin.unknown());
    ports.hasher().resetCounts();

    // when
    assertThatExceptionOfType(AuthenticationFailed.class)
        .isThrownBy(() -> service.logIn("nobody@acme.io", Given.PASSWORD));

    // then
    assertThat(ports.hasher().matchesCalls()).isEqualTo(1);
  }

  @Test
  void countsEmailInAnyCase() {
    // given
    failTimes("  ADMIN@Acme.IO ", 5, RequestOrigin.unknown());

    // when / then
    lockedOut(EMAIL, RequestOrigin.unknown());
  }

  @Test
  void lockOfOneAccountLeavesOthersAlone() {
    // given
    failTimes(5);

    // when
    LoginResult result = service.logIn(Given.emailOf("beta"), Given.PASSWORD);

    // then
    assertThat(result.organizationName().value()).isEqualTo("beta");
  }

  @Test
  void allowsAddressAfterTwentyNineFailures() {
    // given failures for many accounts from one address, none reaching the account limit
    for (int i = 0; i < 29; i++) {
      failTimes("user" + i + "@acme.io", 1, FROM_ADDRESS);
    }
    ports.hasher().resetCounts();

    // when
    LoginResult result = service.logIn(EMAIL, Given.PASSWORD, FROM_ADDRESS);

    // then
    assertThat(result.adminId()).isNotBlank();
    assertThat(ports.hasher().matchesCalls()).isEqualTo(1);
  }

  @Test
  void locksAddressAfterThirtyFailures() {
    // given
    for (int i = 0; i < 30; i++) {
      failTimes("user" + i + "@acme.io", 1, FROM_ADDRESS);
    }
    ports.hasher().resetCounts();

    // when
    LoginLockedOut error = lockedOut(EMAIL, FROM_ADDRESS);

    // then
    assertThat(error.retryAfter()).isEqualTo(ADDRESS_WINDOW);
    assertThat(ports.hasher().matchesCalls()).isZero();
  }

  @Test
  void addressLockLeavesOtherAddressesAlone() {
    // given
    for (int i = 0; i < 30; i++) {
      failTimes("user" + i + "@acme.io", 1, FROM_ADDRESS);
    }

    // when
    LoginResult result =
        service.logIn(EMAIL, Given.PASSWORD, new RequestOrigin("198.51.100.1", null));

    // then
    assertThat(result.adminId()).isNotBlank();
  }

  @Test
  void unknownAddressSkipsAddressLimit() {
    // given
    for (int i = 0; i < 30; i++) {
      failTimes("user" + i + "@acme.io", 1, RequestOrigin.unknown());
    }

    // when
    LoginResult result = service.logIn(EMAIL, Given.PASSWORD);

    // then
    assertThat(result.adminId()).isNotBlank();
  }

  @Test
  void blankAddressSkipsAddressLimit() {
    // given
    RequestOrigin blank = new RequestOrigin(" ", null);
    for (int i = 0; i < 30; i++) {
      failTimes("user" + i + "@acme.io", 1, blank);
    }

    // when
    LoginResult result = service.logIn(EMAIL, Given.PASSWORD, blank);

    // then
    assertThat(result.adminId()).isNotBlank();
  }

  @Test
  void successRemovesOnlyItsOwnAddressRecord() {
    // given
    for (int i = 0; i < 3; i++) {
      failTimes("user" + i + "@acme.io", 1, FROM_ADDRESS);
    }

    // when
    service.logIn(EMAIL, Given.PASSWORD, FROM_ADDRESS);

    // then
    assertThat(ports.loginFailures().all("address:203.0.113.7")).hasSize(3);
  }

  @Test
  void retryAfterIsLongerOfBothLocks() {
    // given the account locked for 15 minutes and the address for one
    failTimes(EMAIL, 5, FROM_ADDRESS);
    for (int i = 0; i < 25; i++) {
      failTimes("user" + i + "@acme.io", 1, FROM_ADDRESS);
    }

    // when
    LoginLockedOut error = lockedOut(EMAIL, FROM_ADDRESS);

    // then
    assertThat(error.retryAfter()).isEqualTo(ACCOUNT_WINDOW);
  }

  @Test
  void recordsLockoutWhenFailureReachesAccountLimit() {
    // given
    failTimes(4);
    assertThat(ports.auditLog().withAction(AuditAction.LOCKOUT)).isEmpty();

    // when
    failTimes(1);

    // then
    List<AuditEvent> lockouts = ports.auditLog().withAction(AuditAction.LOCKOUT);
    assertThat(lockouts).hasSize(1);
    assertThat(lockouts.get(0).changedFields()).containsExactly("account");
  }

  @Test
  void recordsLockoutWhenFailureReachesAddressLimit() {
    // given
    for (int i = 0; i < 29; i++) {
      failTimes("user" + i + "@acme.io", 1, FROM_ADDRESS);
    }
    assertThat(ports.auditLog().withAction(AuditAction.LOCKOUT)).isEmpty();

    // when
    failTimes("user-last@acme.io", 1, FROM_ADDRESS);

    // then
    List<AuditEvent> lockouts = ports.auditLog().withAction(AuditAction.LOCKOUT);
    assertThat(lockouts).hasSize(1);
    assertThat(lockouts.get(0).changedFields()).containsExactly("client_address");
    assertThat(lockouts.get(0).clientAddress()).isEqualTo("203.0.113.7");
  }

  @Test
  void lockedAttemptsRecordNoEvent() {
    // given
    failTimes(5);
    int events = ports.auditLog().all().size();

    // when
    lockedOut(EMAIL, RequestOrigin.unknown());

    // then
    assertThat(ports.auditLog().all()).hasSize(events);
  }

  @Test
  void concurrentAttemptsCountedPastLimitWithdraw() {
    // given four failures, and a concurrent attempt that records itself between this attempt's
    // first check and its own record
    failTimes(4);
    LoginFailureLog racing = racingLog(ports.loginFailures());
    LogInService racingService =
        new LogInService(
            ports.admins(),
            ports.organizations(),
            ports.hasher(),
            ports.tokens(),
            ports.refreshTokens(),
            racing,
            ports.auditLog(),
            LoginLimits.DEFAULT,
            LogInService.DEFAULT_REFRESH_TOKEN_LIFETIME,
            ports.clock());
    ports.hasher().resetCounts();

    // when
    assertThatExceptionOfType(LoginLockedOut.class)
        .isThrownBy(() -> racingService.logIn(EMAIL, Given.PASSWORD));

    // then
    assertThat(ports.hasher().matchesCalls()).isZero();
    assertThat(ports.loginFailures().all(LoginThrottle.accountKey(EMAIL))).hasSize(5);
  }

  @Test
  void clearedLockoutAllowsLogin() {
    // given
    failTimes(5);

    // when
    ports.clearLockoutService().clear(EmailAddress.of(EMAIL));

    // then
    assertThat(service.logIn(EMAIL, Given.PASSWORD).adminId()).isNotBlank();
  }

  /** Returns a log in which another attempt records a failure just before the first record. */
  private static LoginFailureLog racingLog(InMemoryLoginFailureLog log) {
    AtomicBoolean raced = new AtomicBoolean();
    return new LoginFailureLog() {
      @Override
      public String record(String key, Instant time, Instant expiresAt) {
        if (raced.compareAndSet(false, true)) {
          log.record(key, time, expiresAt);
        }
        return log.record(key, time, expiresAt);
      }

      @Override
      public List<LoginFailure> recent(String key, Instant since, int limit) {
        return log.recent(key, since, limit);
      }

      @Override
      public void remove(String key, String failureId) {
        log.remove(key, failureId);
      }

      @Override
      public void clear(String key) {
        log.clear(key);
      }
    };
  }
}
