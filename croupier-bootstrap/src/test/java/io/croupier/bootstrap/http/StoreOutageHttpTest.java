package io.croupier.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.adapter.out.mongo.EmbeddedMongoStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose MongoDB, an embedded store that the test owns, stops or stops replying. Every
 * request that needs the store then fails with 503 and {@code Retry-After} within a bound derived
 * from the configured store timeout, and the same requests succeed again once the store is back,
 * without a restart of the server.
 */
class StoreOutageHttpTest {

  private static final Duration STORE_TIMEOUT = Duration.ofSeconds(1);

  /**
   * Longest accepted time for a request while the store is stopped: the store timeout, which the
   * driver's server selection waits, plus 3 seconds of slack. It stays below the 5 seconds that the
   * server waited before the setting existed, so the test fails if the setting is not applied.
   */
  private static final Duration MAX_TIME_WHILE_STOPPED = STORE_TIMEOUT.plusSeconds(3);

  /**
   * Longest accepted time for a request while the store accepts connections but never replies:
   * twice the store timeout plus 3 seconds of slack. The driver retries a read once after its reply
   * timed out, and the retry waits in server selection.
   */
  private static final Duration MAX_TIME_WHILE_UNANSWERING =
      STORE_TIMEOUT.multipliedBy(2).plusSeconds(3);

  private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path storeFolder;

  @Test
  void stoppedStoreFailsFastAndRecovers() throws Exception {
    EmbeddedMongoStore store = EmbeddedMongoStore.start(storeFolder);
    int port = URI.create(store.connectionString()).getPort();
    try (CroupierTestServer server = new CroupierTestServer(settings(store.connectionString()))) {
      // given
      server.start();
      Tenant tenant = server.register();
      NewOrganization created = NewOrganization.unique();

      // when
      store.close();
      TimedReply readinessDown = TimedReply.of(() -> server.get("/health/readiness"));
      Map<String, TimedReply> duringOutage = sendEach(server, tenant, created);
      store = EmbeddedMongoStore.start(storeFolder, port);
      Reply readinessUp = awaitReadiness(server);
      Map<String, TimedReply> afterOutage = sendEach(server, tenant, created);

      // then
      assertOutageAndRecovery(
          server, MAX_TIME_WHILE_STOPPED, readinessDown, duringOutage, readinessUp, afterOutage);
    } finally {
      store.close();
    }
  }

  @Test
  void unansweringStoreFailsFastAndRecovers() throws Exception {
    try (EmbeddedMongoStore store = EmbeddedMongoStore.start(storeFolder);
        FreezableProxy proxy = FreezableProxy.start(store.connectionString());
        CroupierTestServer server = new CroupierTestServer(settings(proxy.connectionString()))) {
      // given
      server.start();
      Tenant tenant = server.register();
      NewOrganization created = NewOrganization.unique();

      // when
      proxy.freeze();
      TimedReply readinessDown = TimedReply.of(() -> server.get("/health/readiness"));
      Map<String, TimedReply> duringOutage = sendEach(server, tenant, created);
      proxy.thaw();
      Reply readinessUp = awaitReadiness(server);
      Map<String, TimedReply> afterOutage = sendEach(server, tenant, created);

      // then
      assertOutageAndRecovery(
          server,
          MAX_TIME_WHILE_UNANSWERING,
          readinessDown,
          duringOutage,
          readinessUp,
          afterOutage);
    }
  }

  private static Map<String, Object> settings(String mongodbUri) {
    return Map.of(
        "croupier.mongodb-uri",
        mongodbUri,
        "croupier.store-timeout",
        STORE_TIMEOUT.toSeconds() + "s");
  }

  /**
   * Checks that readiness and every request failed within {@code maxTime} during the outage, and
   * that readiness and every request succeeded after it.
   */
  private static void assertOutageAndRecovery(
      CroupierTestServer server,
      Duration maxTime,
      TimedReply readinessDown,
      Map<String, TimedReply> duringOutage,
      Reply readinessUp,
      Map<String, TimedReply> afterOutage) {
    assertThat(readinessDown.reply().status()).as("%s", readinessDown).isEqualTo(503);
    assertThat(readinessDown.elapsed()).as("%s", readinessDown).isLessThan(maxTime);
    duringOutage.forEach((name, timed) -> assertUnavailable(server, name, timed, maxTime));
    assertThat(readinessUp.status()).as("%s", readinessUp).isEqualTo(200);
    assertThat(afterOutage.get("login").reply().status()).isEqualTo(200);
    assertThat(afterOutage.get("get").reply().status()).isEqualTo(200);
    assertThat(afterOutage.get("create").reply().status())
        .as("create of the organization whose create failed during the outage")
        .isEqualTo(201);
    assertThat(afterOutage.get("audit").reply().status()).isEqualTo(200);
    server.assertNoSecretLogged();
  }

  /**
   * Sends a login, an anonymous read, a create and a request authenticated by the tenant's token,
   * in that order, and returns each reply with the time it took.
   */
  private static Map<String, TimedReply> sendEach(
      CroupierTestServer server, Tenant tenant, NewOrganization created) {
    Map<String, TimedReply> replies = new LinkedHashMap<>();
    replies.put("login", TimedReply.of(() -> server.logIn(tenant.email(), tenant.password())));
    replies.put(
        "get", TimedReply.of(() -> server.get("/org/get?organization_name=" + tenant.name())));
    replies.put("create", TimedReply.of(() -> server.create(created)));
    replies.put("audit", TimedReply.of(() -> server.audit("?limit=1", tenant.token())));
    return replies;
  }

  private static void assertUnavailable(
      CroupierTestServer server, String name, TimedReply timed, Duration maxTime) {
    server.assertProblem(timed.reply(), 503);
    assertThat(timed.reply().header("Retry-After"))
        .as("Retry-After of %s", name)
        .hasValueSatisfying(seconds -> assertThat(seconds).matches("[1-9][0-9]*"));
    assertThat(timed.elapsed()).as("time of %s: %s", name, timed).isLessThan(maxTime);
  }

  /** Asks for readiness until it is 200 or the recovery timeout passes; returns the last reply. */
  private static Reply awaitReadiness(CroupierTestServer server) {
    long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
    Reply reply = server.get("/health/readiness");
    while (reply.status() != 200 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      reply = server.get("/health/readiness");
    }
    return reply;
  }

  /** A reply with the time from sending the request to receiving the whole response. */
  private record TimedReply(Reply reply, Duration elapsed) {

    static TimedReply of(Supplier<Reply> request) {
      long start = System.nanoTime();
      Reply reply = request.get();
      return new TimedReply(reply, Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public String toString() {
      return reply + " after " + elapsed.toMillis() + " ms";
    }
  }
}
