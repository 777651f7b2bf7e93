package io.croupier.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.croupier.adapter.out.security.HashingPool;
import io.croupier.library.CroupierLibrary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Logins over HTTP while the bounded bcrypt pool is full. The server has one bcrypt thread and room
 * for one waiting task, and its hasher stops every call at a gate that the test closes, so filling
 * the pool takes two logins and needs no timing.
 */
class HashingPoolHttpTest {

  @RegisterExtension
  static final CroupierTestServer server =
      new CroupierTestServer(
          Map.of(
              "croupier-test.gated-hashing", true,
              "croupier.bcrypt-threads", 1,
              "croupier.bcrypt-queue-capacity", 1));

  private static final Duration WAIT_LIMIT = GatedPasswordHasher.WAIT_LIMIT;

  private final List<CompletableFuture<Reply>> heldLogins = new ArrayList<>();
  private GatedPasswordHasher gate;
  private HashingPool pool;
  private Tenant tenant;

  @BeforeEach
  void registerTenant() {
    gate = server.bean(GatedPasswordHasher.class);
    pool = server.bean(CroupierLibrary.class).hashingPool();
    tenant = server.register();
  }

  @AfterEach
  void releaseHeldLogins() throws Exception {
    drainPool();
  }

  /** Opens the gate and waits until every held login succeeded and the pool is idle. */
  private void drainPool() throws Exception {
    gate.open();
    for (CompletableFuture<Reply> login : heldLogins) {
      Reply reply = login.get(WAIT_LIMIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(reply.status()).as("held %s", reply).isEqualTo(200);
    }
    heldLogins.clear();
    awaitCondition("pool idle", () -> pool.queued() == 0 && pool.active() == 0);
  }

  /** Closes the gate, then keeps one login running and one waiting in the queue. */
  private void fillPool() throws InterruptedException {
    gate.close();
    heldLogins.add(CompletableFuture.supplyAsync(() -> logInTenant()));
    assertThat(gate.awaitStarted()).as("first login reached bcrypt").isTrue();
    heldLogins.add(CompletableFuture.supplyAsync(() -> logInTenant()));
    awaitCondition("second login queued", () -> pool.queued() == 1);
  }

  private Reply logInTenant() {
    return server.logIn(tenant.email(), tenant.password());
  }

  private static void awaitCondition(String description, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
    assertThat(condition.getAsBoolean()).as(description).isTrue();
  }

  private static Optional<Double> sample(String scrape, String nameAndLabels) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(nameAndLabels + " "))
        .findFirst()
        .map(line -> Double.parseDouble(line.substring(nameAndLabels.length()).strip()));
  }

  private static String scrape() {
    Reply reply = server.get("/metrics");
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.body();
  }

  @Test
  void fullPoolRejectsLoginWith503() throws Exception {
    // given
    fillPool();
    int callsBefore = gate.calls();

    // when
    Reply reply = logInTenant();

    // then
    JsonNode problem = server.assertProblem(reply, 503);
    assertThat(problem.get("type").asText()).isEqualTo("urn:croupier:problem:server-busy");
    assertThat(reply.header("Retry-After")).hasValue("1");
    assertThat(gate.calls()).isEqualTo(callsBefore);
  }

  @Test
  void fullPoolRejectsUnknownEmailWithoutDecoyCheck() throws Exception {
    // given
    fillPool();
    int callsBefore = gate.calls();

    // when
    Reply reply = server.logIn("nobody." + tenant.email(), tenant.password());

    // then
    server.assertProblem(reply, 503);
    assertThat(reply.header("Retry-After")).hasValue("1");
    assertThat(gate.calls()).isEqualTo(callsBefore);
  }

  @Test
  void fullPoolRejectsCreateWith503() throws Exception {
    // given
    fillPool();
    NewOrganization organization = NewOrganization.unique();

    // when
    Reply reply = server.create(organization);

    // then
    server.assertProblem(reply, 503);
    assertThat(server.get("/org/get?organization_name=" + organization.name()).status())
        .isEqualTo(404);
  }

  @Test
  void rejectedLoginsNeverLockAccount() throws Exception {
    // given
    fillPool();
    for (int i = 0; i < 6; i++) {
      assertThat(logInTenant().status()).isEqualTo(503);
    }
    drainPool();

    // when
    Reply reply = logInTenant();

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }

  @Test
  void tokenRequestsSucceedWhilePoolIsFull() throws Exception {
    // given
    fillPool();

    // when
    Reply reply =
        server.getWithToken("/org/get?organization_name=" + tenant.name(), tenant.token());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.text("email")).isEqualTo(tenant.email());
  }

  @Test
  void poolWithFreeQueuePlaceAcceptsLogin() throws Exception {
    // given
    gate.close();
    heldLogins.add(CompletableFuture.supplyAsync(() -> logInTenant()));
    assertThat(gate.awaitStarted()).as("first login reached bcrypt").isTrue();

    // when
    CompletableFuture<Reply> queued = CompletableFuture.supplyAsync(() -> logInTenant());
    awaitCondition("second login queued", () -> pool.queued() == 1);
    gate.open();

    // then
    Reply reply = queued.get(WAIT_LIMIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }

  @Test
  void metricsShowQueuedAndRejectedWork() throws Exception {
    // given
    String before = scrape();
    fillPool();

    // when
    logInTenant();
    String during = scrape();

    // then
    assertThat(sample(during, "croupier_bcrypt_queued")).hasValue(1.0);
    assertThat(sample(during, "croupier_bcrypt_active")).hasValue(1.0);
    assertThat(
            sample(during, "croupier_bcrypt_rejected_total").orElseThrow()
                - sample(before, "croupier_bcrypt_rejected_total").orElseThrow())
        .isEqualTo(1.0);
  }

  @Test
  void metricsCountRejectedLoginsByStatus() throws Exception {
    // given
    String series =
        "http_server_requests_seconds_count{method=\"POST\",status=\"503\",uri=\"/admin/login\"}";
    double before = sample(scrape(), series).orElse(0.0);
    fillPool();

    // when
    logInTenant();
    String after = scrape();

    // then
    assertThat(sample(after, series).orElse(0.0) - before).isEqualTo(1.0);
    assertThat(
            sample(
                after,
                "http_server_requests_seconds_sum{method=\"POST\",status=\"503\","
                    + "uri=\"/admin/login\"}"))
        .hasValueSatisfying(seconds -> assertThat(seconds).isPositive());
  }
}
