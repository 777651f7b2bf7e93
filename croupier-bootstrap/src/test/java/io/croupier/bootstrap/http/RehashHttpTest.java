package io.croupier.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Password re-hashing over HTTP. An admin created by a server at bcrypt cost 4 logs in on a server
 * at cost 5 on the same store. That login replaces the stored hash with one of cost 5 and leaves
 * the admin's tokens valid.
 */
class RehashHttpTest {

  private static SharedStore store;
  private static CroupierTestServer costFour;
  private static CroupierTestServer costFive;

  @BeforeAll
  static void startServers() throws IOException {
    store = SharedStore.start();
    costFour = store.startServer(Map.of("croupier.bcrypt-cost", 4));
    costFive = store.startServer(Map.of("croupier.bcrypt-cost", 5));
  }

  @AfterAll
  static void stopServers() throws IOException {
    store.close();
  }

  private static String storedHash(Tenant tenant) {
    Document admin =
        costFive
            .database()
            .getCollection("admin_users")
            .find(new Document("_id", tenant.adminId()))
            .first();
    assertThat(admin).as("admin %s", tenant.adminId()).isNotNull();
    return admin.getString("password_hash");
  }

  private static Reply ownRead(CroupierTestServer server, Tenant tenant, String token) {
    return server.getWithToken("/org/get?organization_name=" + tenant.name(), token);
  }

  @Test
  void createdHashHasCostFour() {
    // when
    Tenant tenant = costFour.register();

    // then
    assertThat(storedHash(tenant)).startsWith("$2b$04$");
  }

  @Test
  void loginAtHigherCostRehashes() {
    // given
    Tenant tenant = costFour.register();

    // when
    Reply login = costFive.logIn(tenant.email(), tenant.password());

    // then
    assertThat(login.status()).as("%s", login).isEqualTo(200);
    assertThat(storedHash(tenant)).startsWith("$2b$05$");
  }

  @Test
  void oldAccessTokenSurvivesRehash() {
    // given
    Tenant tenant = costFour.register();
    costFive.logIn(tenant.email(), tenant.password());

    // when
    Reply onNewServer = ownRead(costFive, tenant, tenant.token());
    Reply onOldServer = ownRead(costFour, tenant, tenant.token());

    // then
    assertThat(onNewServer.status()).as("%s", onNewServer).isEqualTo(200);
    assertThat(onNewServer.text("email")).isEqualTo(tenant.email());
    assertThat(onOldServer.status()).as("%s", onOldServer).isEqualTo(200);
  }

  @Test
  void oldRefreshTokenSurvivesRehash() {
    // given
    Tenant tenant = costFour.register();
    costFive.logIn(tenant.email(), tenant.password());

    // when
    Reply reply = costFive.refresh(tenant.refreshToken());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }

  @Test
  void rehashedPasswordStillLogsIn() {
    // given
    Tenant tenant = costFour.register();
    costFive.logIn(tenant.email(), tenant.password());

    // when
    Reply reply = costFive.logIn(tenant.email(), tenant.password());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(storedHash(tenant)).startsWith("$2b$05$");
  }

  @Test
  void failedLoginKeepsHash() {
    // given
    Tenant tenant = costFour.register();
    String before = storedHash(tenant);

    // when
    Reply reply = costFive.logIn(tenant.email(), NewOrganization.uniquePassword());

    // then
    costFive.assertProblem(reply, 401);
    assertThat(storedHash(tenant)).isEqualTo(before);
  }
}
