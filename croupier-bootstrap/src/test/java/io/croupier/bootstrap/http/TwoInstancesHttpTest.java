package io.croupier.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two servers with the same JWT secret on one shared store, as two instances behind a load
 * balancer: revocations, refresh-token reuse and lockouts reached through one apply on the other,
 * because both keep them in the store.
 */
class TwoInstancesHttpTest {

  private static SharedStore store;
  private static CroupierTestServer first;
  private static CroupierTestServer second;

  @BeforeAll
  static void startServers() throws IOException {
    store = SharedStore.start();
    first = store.startServer(Map.of());
    second = store.startServer(Map.of());
  }

  @AfterAll
  static void stopServers() throws IOException {
    store.close();
  }

  private static Reply ownRead(CroupierTestServer server, Tenant tenant, String token) {
    return server.getWithToken("/org/get?organization_name=" + tenant.name(), token);
  }

  @Test
  void tokenOfOneWorksOnOther() {
    // given
    Tenant tenant = first.register();

    // when
    Reply reply = ownRead(second, tenant, tenant.token());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.text("email")).isEqualTo(tenant.email());
  }

  @Test
  void logoutOnOneRevokesAccessTokenOnOther() {
    // given
    Tenant tenant = first.register();
    assertThat(first.logOut(tenant.token()).status()).isEqualTo(204);

    // when
    Reply reply = ownRead(second, tenant, tenant.token());

    // then
    second.assertProblem(reply, 401);
  }

  @Test
  void logoutOnOneRevokesRefreshTokenOnOther() {
    // given
    Tenant tenant = first.register();
    first.logOut(tenant.token());

    // when
    Reply reply = second.refresh(tenant.refreshToken());

    // then
    second.assertProblem(reply, 401);
  }

  @Test
  void refreshOnOtherOfLoginOnOneWorks() {
    // given
    Tenant tenant = first.register();

    // when
    Reply reply = second.refresh(tenant.refreshToken());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }

  @Test
  void reuseDetectedOnOneRevokesOnOther() {
    // given
    Tenant tenant = first.register();
    Reply rotated = first.refresh(tenant.refreshToken());

    // when
    Reply reuse = second.refresh(tenant.refreshToken());

    // then
    second.assertProblem(reuse, 401);
    first.assertProblem(first.refresh(rotated.text("refresh_token")), 401);
    first.assertProblem(ownRead(first, tenant, rotated.text("access_token")), 401);
    second.assertProblem(ownRead(second, tenant, tenant.token()), 401);
  }

  @Test
  void lockoutThroughOneLocksOnOther() {
    // given
    Tenant tenant = first.register();
    for (int i = 0; i < 5; i++) {
      Reply failed = first.logIn(tenant.email(), NewOrganization.uniquePassword());
      assertThat(failed.status()).as("%s", failed).isEqualTo(401);
    }

    // when
    Reply reply = second.logIn(tenant.email(), tenant.password());

    // then
    second.assertProblem(reply, 429);
    assertThat(Long.parseLong(reply.header("Retry-After").orElseThrow())).isPositive();
  }

  @Test
  void fourFailuresThroughOneLeaveOtherOpen() {
    // given
    Tenant tenant = first.register();
    for (int i = 0; i < 4; i++) {
      first.logIn(tenant.email(), NewOrganization.uniquePassword());
    }

    // when
    Reply reply = second.logIn(tenant.email(), tenant.password());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }
}
