package io.croupier.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.croupier.adapter.out.mongo.EmbeddedMongoStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /health/liveness} and {@code GET /health/readiness} over HTTP, including a server
 * whose MongoDB, an embedded store started by the test, stops and later starts again.
 */
class ProbesHttpTest {

  @RegisterExtension static final CroupierTestServer server = new CroupierTestServer();

  private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path storeFolder;

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void reportsLiveWithoutDatabaseField() {
    // when
    Reply reply = server.get("/health/liveness");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(fieldNames(reply.json())).containsExactly("status");
    assertThat(reply.text("status")).isEqualTo("UP");
  }

  @Test
  void reportsReadyWhileStoreAnswers() {
    // when
    Reply reply = server.get("/health/readiness");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(fieldNames(reply.json())).containsExactly("status", "database");
    assertThat(reply.text("status")).isEqualTo("UP");
    assertThat(reply.text("database")).isEqualTo("connected");
  }

  @Test
  void probesNeedNoTokenAndCarryRequestId() {
    // when
    Reply liveness =
        server.get(
            "/health/liveness",
            "Authorization",
            "Bearer garbage-token",
            CroupierTestServer.REQUEST_ID,
            "probe-1");
    Reply readiness = server.getWithToken("/health/readiness", "garbage-token");

    // then
    assertThat(liveness.status()).as("%s", liveness).isEqualTo(200);
    assertThat(readiness.status()).as("%s", readiness).isEqualTo(200);
    assertThat(liveness.header(CroupierTestServer.REQUEST_ID)).hasValue("probe-1");
  }

  @Test
  void readinessFollowsStoreOutageAndRecovery() throws Exception {
    EmbeddedMongoStore store = EmbeddedMongoStore.start(storeFolder);
    String address = store.connectionString();
    int port = URI.create(address).getPort();
    try (CroupierTestServer external =
        new CroupierTestServer(Map.of("croupier.mongodb-uri", address))) {
      // given
      external.start();
      Reply before = external.get("/health/readiness");
      Tenant tenant = external.register();

      // when
      store.close();
      Reply down = external.get("/health/readiness");
      Reply liveWhileDown = external.get("/health/liveness");
      Reply healthWhileDown = external.get("/health");
      store = EmbeddedMongoStore.start(storeFolder, port);
      Reply recovered = awaitReadiness(external);

      // then
      assertThat(before.status()).as("%s", before).isEqualTo(200);
      assertThat(down.status()).as("%s", down).isEqualTo(503);
      assertThat(down.text("status")).isEqualTo("DOWN");
      assertThat(down.text("database")).isEqualTo("disconnected");
      assertThat(liveWhileDown.status()).as("%s", liveWhileDown).isEqualTo(200);
      assertThat(healthWhileDown.status()).as("%s", healthWhileDown).isEqualTo(503);
      assertThat(recovered.status()).as("%s", recovered).isEqualTo(200);
      assertThat(recovered.text("database")).isEqualTo("connected");
      Reply read =
          external.getWithToken("/org/get?organization_name=" + tenant.name(), tenant.token());
      assertThat(read.status()).as("%s", read).isEqualTo(200);
      assertThat(read.text("email")).isEqualTo(tenant.email());
    } finally {
      store.close();
    }
  }

  /** Asks for readiness until it is 200 or the recovery timeout passes; returns the last reply. */
  private static Reply awaitReadiness(CroupierTestServer target) {
    long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
    Reply reply = target.get("/health/readiness");
    while (reply.status() != 200 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      reply = target.get("/health/readiness");
    }
    return reply;
  }
}
