package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.fakes.FakePorts;
import io.croupier.application.port.in.RequestOrigin;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.domain.AuthenticationFailed;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failed login must cost the same store calls whether its email belongs to an admin or not, so
 * that neither the number of round trips nor their time reveals which emails exist.
 */
class LoginStoreReadsTest {

  private static final String WRONG = "Wrong1234";
  private static final RequestOrigin ORIGIN = new RequestOrigin("203.0.113.7", "req-reads");

  private final FakePorts ports = FakePorts.create();
  private LogInService service;

  @BeforeEach
  void createOrganizationAndService() {
    Given.organization(ports, "acme");
    service = ports.logInService();
  }

  /** Runs a login that must fail and returns how often it called each port operation. */
  private Map<Operation, Integer> callsOfFailedLogin(String email) {
    Map<Operation, Integer> before = counts();
    assertThatExceptionOfType(AuthenticationFailed.class)
        .isThrownBy(() -> service.logIn(email, WRONG, ORIGIN));
    Map<Operation, Integer> after = counts();

    Map<Operation, Integer> calls = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      calls.put(operation, after.get(operation) - before.get(operation));
    }
    return calls;
  }

  private Map<Operation, Integer> counts() {
    Map<Operation, Integer> counts = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      counts.put(operation, ports.failures().calls(operation));
    }
    return counts;
  }

  @Test
  void knownAndUnknownEmailCostSameCalls() {
    // when
    Map<Operation, Integer> known = callsOfFailedLogin(Given.emailOf("acme"));
    Map<Operation, Integer> unknown = callsOfFailedLogin("nobody@acme.io");

    // then
    assertThat(unknown).isEqualTo(known);
  }

  @Test
  void unknownEmailReadsOneOrganization() {
    // when
    Map<Operation, Integer> unknown = callsOfFailedLogin("nobody@acme.io");

    // then
    assertThat(unknown.get(Operation.ORGANIZATION_FIND_BY_ID)).isEqualTo(1);
    assertThat(unknown.get(Operation.ADMIN_FIND_BY_EMAIL)).isEqualTo(1);
  }

  @Test
  void knownEmailReadsOneOrganization() {
    // when
    Map<Operation, Integer> known = callsOfFailedLogin(Given.emailOf("acme"));

    // then
    assertThat(known.get(Operation.ORGANIZATION_FIND_BY_ID)).isEqualTo(1);
    assertThat(known.get(Operation.ADMIN_FIND_BY_EMAIL)).isEqualTo(1);
  }

  @Test
  void knownEmailFailureStillNamesOrganization() {
    // when
    callsOfFailedLogin(Given.emailOf("acme"));

    // then
    AuditEvent failed = ports.auditLog().withAction(AuditAction.LOGIN_FAILED).get(0);
    assertThat(failed.organizationName()).isEqualTo("acme");
  }

  @Test
  void unknownEmailFailureNamesNoOrganization() {
    // when
    callsOfFailedLogin("nobody@acme.io");

    // then
    AuditEvent failed = ports.auditLog().withAction(AuditAction.LOGIN_FAILED).get(0);
    assertThat(failed.organizationId()).isNull();
    assertThat(failed.organizationName()).isNull();
  }
}
