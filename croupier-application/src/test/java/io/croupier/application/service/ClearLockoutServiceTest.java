package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.RequestOrigin;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.domain.AuthenticationFailed;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.LoginLockedOut;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClearLockoutServiceTest {

  private static final String EMAIL = Given.emailOf("acme");
  private static final RequestOrigin FROM_ADDRESS = new RequestOrigin("203.0.113.7", null);

  private final FakePorts ports = FakePorts.create();
  private final ClearLockoutService service = ports.clearLockoutService();
  private LogInService logIn;
  private OrganizationDetails acme;

  @BeforeEach
  void createOrganization() {
    acme = Given.organization(ports, "acme");
    logIn = ports.logInService();
  }

  private void fail(String email, int times, RequestOrigin origin) {
    for (int i = 0; i < times; i++) {
      assertThatExceptionOfType(AuthenticationFailed.class)
          .isThrownBy(() -> logIn.logIn(email, "Wrong1234", origin));
    }
  }

  @Test
  void unlocksAccount() {
    // given
    fail(EMAIL, 5, RequestOrigin.unknown());

    // when
    service.clear(EmailAddress.of(EMAIL));

    // then
    assertThat(logIn.logIn(EMAIL, Given.PASSWORD).adminId())
        .isEqualTo(acme.organization().adminId());
  }

  @Test
  void unlocksUnknownEmail() {
    // given
    fail("nobody@acme.io", 5, RequestOrigin.unknown());

    // when
    service.clear(EmailAddress.of("nobody@acme.io"));

    // then
    assertThat(ports.loginFailures().all(LoginThrottle.accountKey("nobody@acme.io"))).isEmpty();
  }

  @Test
  void leavesAddressFailures() {
    // given
    for (int i = 0; i < 30; i++) {
      fail("user" + i + "@acme.io", 1, FROM_ADDRESS);
    }

    // when
    service.clear(EmailAddress.of("user0@acme.io"));

    // then
    assertThatExceptionOfType(LoginLockedOut.class)
        .isThrownBy(() -> logIn.logIn(EMAIL, Given.PASSWORD, FROM_ADDRESS));
  }

  @Test
  void recordsOperatorAction() {
    // when
    service.clear(EmailAddress.of(EMAIL), new RequestOrigin(null, "req-op"));

    // then
    List<AuditEvent> events = ports.auditLog().withAction(AuditAction.LOCKOUT_CLEARED);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).actor()).isEqualTo(AuditEvent.OPERATOR);
    assertThat(events.get(0).organizationId()).isEqualTo(acme.organization().id());
    assertThat(events.get(0).requestId()).isEqualTo("req-op");
  }
}
