package io.croupier.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client address that login limits and audit events use: the TCP peer's, unless the peer is
 * listed in {@code CROUPIER_TRUSTED_PROXIES}, in which case the {@code X-Forwarded-For} header
 * names the client. Both servers allow 3 failures per address and far more per account.
 */
class ClientAddressHttpTest {

  private static final int ADDRESS_FAILURES = 3;

  @RegisterExtension
  static final CroupierTestServer direct =
      new CroupierTestServer(
          Map.of(
              "croupier.login-address-failures",
              ADDRESS_FAILURES,
              "croupier.login-account-failures",
              1000));

  @RegisterExtension
  static final CroupierTestServer behindProxy =
      new CroupierTestServer(
          Map.of(
              "croupier.login-address-failures",
              ADDRESS_FAILURES,
              "croupier.login-account-failures",
              1000,
              "croupier.trusted-proxies",
              "10.0.0.0/8, 127.0.0.1"));

  private static Reply failFrom(CroupierTestServer server, String forwardedFor) {
    String body =
        "{\"email\":\""
            + NewOrganization.unique().email()
            + "\",\"password\":\""
            + NewOrganization.uniquePassword()
            + "\"}";
    return server.postJson("/admin/login", body, "X-Forwarded-For", forwardedFor);
  }

  private static Reply logInFrom(CroupierTestServer server, Tenant tenant, String forwardedFor) {
    String body =
        "{\"email\":\"" + tenant.email() + "\",\"password\":\"" + tenant.password() + "\"}";
    return server.postJson("/admin/login", body, "X-Forwarded-For", forwardedFor);
  }

  /** Returns the client address of the newest audit event of the tenant's organization. */
  private static String newestEventAddress(CroupierTestServer server, Tenant tenant) {
    JsonNode events = server.audit("?limit=1", tenant.token()).json().get("events");
    return events.get(0).get("client_address").asText();
  }

  /**
   * The whole lockout of the direct server in one test, because once its only address, 127.0.0.1,
   * is locked, no other test could log in there for a minute.
   */
  @Test
  void locksPeerAddressAndIgnoresUntrustedForwardedFor() {
    // given
    Tenant tenant = direct.register();
    for (int i = 0; i < ADDRESS_FAILURES - 1; i++) {
      assertThat(failFrom(direct, "198.51.100." + i).status()).isEqualTo(401);
    }
    Reply justBelow = direct.logIn(tenant.email(), tenant.password());
    assertThat(justBelow.status()).as("%s", justBelow).isEqualTo(200);
    assertThat(failFrom(direct, "198.51.100.99").status()).isEqualTo(401);

    // when
    Reply locked = logInFrom(direct, tenant, "198.51.100.200");

    // then
    JsonNode problem = direct.assertProblem(locked, 429);
    long retryAfter = Long.parseLong(locked.header("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 60L);
    assertThat(problem.get("detail").asText()).contains(retryAfter + " seconds");
  }

  @Test
  void forwardedClientsCountSeparately() {
    // given
    Tenant tenant = behindProxy.register();
    for (int i = 0; i < ADDRESS_FAILURES; i++) {
      assertThat(failFrom(behindProxy, "198.51.100.7").status()).isEqualTo(401);
    }

    // when
    Reply lockedClient = logInFrom(behindProxy, tenant, "198.51.100.7");
    Reply otherClient = logInFrom(behindProxy, tenant, "198.51.100.8");

    // then
    behindProxy.assertProblem(lockedClient, 429);
    assertThat(otherClient.status()).as("%s", otherClient).isEqualTo(200);
  }

  @Test
  void recordsForwardedClientInAudit() {
    // given
    Tenant tenant = behindProxy.register();

    // when
    logInFrom(behindProxy, tenant, "203.0.113.9");

    // then
    assertThat(newestEventAddress(behindProxy, tenant)).isEqualTo("203.0.113.9");
  }

  @Test
  void skipsTrustedProxiesInChain() {
    // given
    Tenant tenant = behindProxy.register();

    // when
    logInFrom(behindProxy, tenant, "203.0.113.10, 10.1.2.3");

    // then
    assertThat(newestEventAddress(behindProxy, tenant)).isEqualTo("203.0.113.10");
  }

  @Test
  void stopsAtFirstUntrustedHop() {
    // given
    Tenant tenant = behindProxy.register();

    // when
    logInFrom(behindProxy, tenant, "203.0.113.11, 192.0.2.44");

    // then
    assertThat(newestEventAddress(behindProxy, tenant)).isEqualTo("192.0.2.44");
  }

  @Test
  void keepsPeerWhenForwardedForIsNoAddress() {
    // given
    Tenant tenant = behindProxy.register();

    // when
    logInFrom(behindProxy, tenant, "client.example.com");

    // then
    assertThat(newestEventAddress(behindProxy, tenant)).isEqualTo("127.0.0.1");
  }
}
