package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.fakes.FakePorts;
import io.croupier.application.port.in.LoginResult;
import io.croupier.application.port.in.RequestOrigin;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.PasswordHasher;
import io.croupier.application.port.out.PasswordHashingBusy;
import io.croupier.domain.LoginLimits;
import io.croupier.domain.Password;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logins while the password hasher is at capacity: rejected, and never counted as failures. */
class LoginHashingBusyTest {

  private static final String EMAIL = Given.emailOf("acme");
  private static final RequestOrigin FROM_ADDRESS = new RequestOrigin("203.0.113.7", "req-1");

  private final FakePorts ports = FakePorts.create();
  private final LoadedHasher hasher = new LoadedHasher(ports.hasher());
  private LogInService service;

  /** The fake hasher with switches that make it report itself at capacity or due for re-hash. */
  private static final class LoadedHasher implements PasswordHasher {

    private final PasswordHasher delegate;
    private volatile boolean fullBeforeStart;
    private volatile boolean fullOnVerification;
    private volatile boolean fullAfterMatch;
    private volatile boolean needsRehash;

    LoadedHasher(PasswordHasher delegate) {
      this.delegate = delegate;
    }

    @Override
    public void checkCapacity() {
      if (fullBeforeStart) {
        throw new PasswordHashingBusy(1);
      }
    }

    @Override
    public String hash(Password password) {
      if (fullOnVerification) {
        throw new PasswordHashingBusy(1);
      }
      return delegate.hash(password);
    }

    @Override
    public boolean matches(Password candidate, String hash) {
      if (fullOnVerification) {
        throw new PasswordHashingBusy(1);
      }
      fullOnVerification = fullAfterMatch;
      return delegate.matches(candidate, hash);
    }

    @Override
    public boolean needsRehash(String hash) {
      return needsRehash;
    }
  }

  @BeforeEach
  void createOrganizationAndService() {
    Given.organization(ports, "acme");
    service =
        new LogInService(
            ports.admins(),
            ports.organizations(),
            hasher,
            ports.tokens(),
            ports.refreshTokens(),
            ports.loginFailures(),
            ports.auditLog(),
            LoginLimits.DEFAULT,
            LogInService.DEFAULT_REFRESH_TOKEN_LIFETIME,
            ports.clock());
    ports.hasher().resetCounts();
  }

  private void rejectTimes(int times) {
    for (int i = 0; i < times; i++) {
      assertThatExceptionOfType(PasswordHashingBusy.class)
          .isThrownBy(() -> service.logIn(EMAIL, Given.PASSWORD, FROM_ADDRESS));
    }
  }

  @Test
  void fullHasherRejectsBeforeStoreWork() {
    // given
    hasher.fullBeforeStart = true;
    int readsBefore = ports.failures().calls(Operation.ADMIN_FIND_BY_EMAIL);
    int failureReadsBefore = ports.failures().calls(Operation.LOGIN_FAILURE_READ);

    // when
    rejectTimes(1);

    // then
    assertThat(ports.failures().calls(Operation.ADMIN_FIND_BY_EMAIL)).isEqualTo(readsBefore);
    assertThat(ports.failures().calls(Operation.LOGIN_FAILURE_READ)).isEqualTo(failureReadsBefore);
    assertThat(ports.loginFailures().all(LoginThrottle.accountKey(EMAIL))).isEmpty();
    assertThat(ports.hasher().matchesCalls()).isZero();
  }

  @Test
  void rejectionDuringVerificationLeavesNoFailure() {
    // given
    hasher.fullOnVerification = true;

    // when
    rejectTimes(1);

    // then
    assertThat(ports.loginFailures().all(LoginThrottle.accountKey(EMAIL))).isEmpty();
    assertThat(ports.loginFailures().all("address:" + FROM_ADDRESS.clientAddress())).isEmpty();
  }

  @Test
  void rejectionsForLoadNeverLockAccount() {
    // given
    hasher.fullOnVerification = true;
    rejectTimes(LoginLimits.DEFAULT.accountFailures() + 1);
    hasher.fullOnVerification = false;

    // when
    LoginResult result = service.logIn(EMAIL, Given.PASSWORD, FROM_ADDRESS);

    // then
    assertThat(result.organizationName().value()).isEqualTo("acme");
  }

  @Test
  void fullHasherSkipsRehashOfSuccessfulLogin() {
    // given
    hasher.needsRehash = true;
    hasher.fullAfterMatch = true;
    String storedHash = ports.admins().all().get(0).passwordHash();

    // when
    LoginResult result = service.logIn(EMAIL, Given.PASSWORD, FROM_ADDRESS);

    // then
    assertThat(result.organizationName().value()).isEqualTo("acme");
    assertThat(ports.admins().all().get(0).passwordHash()).isEqualTo(storedHash);
  }

  @Test
  void rejectionIsNotAudited() {
    // given
    hasher.fullOnVerification = true;

    // when
    rejectTimes(1);

    // then
    assertThat(ports.auditLog().withAction(AuditAction.LOGIN_FAILED)).isEmpty();
  }
}
