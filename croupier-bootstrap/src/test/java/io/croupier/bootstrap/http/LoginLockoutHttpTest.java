package io.croupier.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Login limits per account over HTTP: 3 failures in 15 minutes lock an account. The address limit
 * is raised far above what these tests send, so that only the account limit applies.
 */
class LoginLockoutHttpTest {

  private static final int ACCOUNT_FAILURES = 3;
  private static final long WINDOW_SECONDS = 15 * 60;

  @RegisterExtension
  static final CroupierTestServer server =
      new CroupierTestServer(
          Map.of(
              "croupier.login-account-failures",
              ACCOUNT_FAILURES,
              "croupier.login-account-window",
              "15m",
              "croupier.login-address-failures",
              1000));

  private static void failTimes(CroupierTestServer target, String email, int times) {
    for (int i = 0; i < times; i++) {
      Reply reply = target.logIn(email, NewOrganization.uniquePassword());
      assertThat(reply.status()).as("failure %d: %s", i + 1, reply).isEqualTo(401);
    }
  }

  @Test
  void allowsLoginJustBelowLimit() {
    // given
    Tenant tenant = server.register();
    failTimes(server, tenant.email(), ACCOUNT_FAILURES - 1);

    // when
    Reply reply = server.logIn(tenant.email(), tenant.password());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }

  @Test
  void failureThatReachesLimitIsStill401() {
    // given
    Tenant tenant = server.register();
    failTimes(server, tenant.email(), ACCOUNT_FAILURES - 1);

    // when
    Reply reply = server.logIn(tenant.email(), NewOrganization.uniquePassword());

    // then
    server.assertProblem(reply, 401);
  }

  @Test
  void locksAccountAtLimit() {
    // given
    Tenant tenant = server.register();
    failTimes(server, tenant.email(), ACCOUNT_FAILURES);

    // when
    Reply reply = server.logIn(tenant.email(), tenant.password());

    // then
    JsonNode problem = server.assertProblem(reply, 429);
    assertThat(problem.get("type").asText())
        .isEqualTo("urn:croupier:problem:too-many-failed-logins");
    long retryAfter = Long.parseLong(reply.header("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(WINDOW_SECONDS - 30, WINDOW_SECONDS);
    assertThat(problem.get("detail").asText())
        .isEqualTo("Too many failed logins; try again in " + retryAfter + " seconds");
  }

  @Test
  void lockedAttemptRecordsNothing() {
    // given
    Tenant tenant = server.register();
    failTimes(server, tenant.email(), ACCOUNT_FAILURES);
    long failures = server.count("login_failures");
    long events = server.count("audit_events");

    // when
    server.logIn(tenant.email(), NewOrganization.uniquePassword());

    // then
    assertThat(server.count("login_failures")).isEqualTo(failures);
    assertThat(server.count("audit_events")).isEqualTo(events);
  }

  @Test
  void locksUnknownEmailAlike() {
    // given
    Tenant tenant = server.register();
    String unknown = NewOrganization.unique().email();
    failTimes(server, unknown, ACCOUNT_FAILURES);
    failTimes(server, tenant.email(), ACCOUNT_FAILURES);

    // when
    Reply unknownReply = server.logIn(unknown, NewOrganization.uniquePassword());
    Reply knownReply = server.logIn(tenant.email(), NewOrganization.uniquePassword());

    // then
    JsonNode unknownProblem = server.assertProblem(unknownReply, 429);
    JsonNode knownProblem = server.assertProblem(knownReply, 429);
    assertThat(unknownProblem.get("type")).isEqualTo(knownProblem.get("type"));
    assertThat(unknownReply.header("Retry-After")).isPresent();
  }

  @Test
  void lockLeavesOtherAccountsAlone() {
    // given
    Tenant locked = server.register();
    Tenant other = server.register();
    failTimes(server, locked.email(), ACCOUNT_FAILURES);

    // when
    Reply reply = server.logIn(other.email(), other.password());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }

  @Test
  void successClearsAccountFailures() {
    // given
    Tenant tenant = server.register();
    failTimes(server, tenant.email(), ACCOUNT_FAILURES - 1);
    server.logIn(tenant.email(), tenant.password());
    failTimes(server, tenant.email(), ACCOUNT_FAILURES - 1);

    // when
    Reply reply = server.logIn(tenant.email(), tenant.password());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }

  @Test
  void lockKeepsSessionsAlive() {
    // given
    Tenant tenant = server.register();
    failTimes(server, tenant.email(), ACCOUNT_FAILURES);

    // when
    Reply refreshed = server.refresh(tenant.refreshToken());

    // then
    assertThat(refreshed.status()).as("%s", refreshed).isEqualTo(200);
  }

  @Test
  void operatorUnlockEndsLockout() {
    // given
    Tenant tenant = server.register();
    failTimes(server, tenant.email(), ACCOUNT_FAILURES);

    // when
    CommandLineRun unlock =
        CommandLineRun.run(
            Map.of("CROUPIER_DATA_DIR", server.dataDir().toString()),
            "admin",
            "unlock",
            "--email",
            tenant.email().toUpperCase());

    // then
    assertThat(unlock.exitCode()).as("%s", unlock).isZero();
    assertThat(unlock.out()).isEqualTo("Cleared the failed logins of " + tenant.email() + ".\n");
    assertThat(server.logIn(tenant.email(), tenant.password()).status()).isEqualTo(200);
  }
}
