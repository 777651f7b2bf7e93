package io.croupier.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.croupier.adapter.out.mongo.MongoConnection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /health} over HTTP. */
class HealthHttpTest {

  @RegisterExtension static final CroupierTestServer server = new CroupierTestServer();

  @Test
  void reportsHealthyService() {
    // when
    Reply reply = server.get("/health");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode body = reply.json();
    List<String> fields = new ArrayList<>();
    body.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("status", "service", "version", "database");
    assertThat(body.get("status").asText()).isEqualTo("healthy");
    assertThat(body.get("service").asText()).isEqualTo("croupier");
    assertThat(body.get("version").isTextual()).isTrue();
    assertThat(body.get("version").asText()).isNotBlank();
    assertThat(body.get("database").asText()).isEqualTo("connected");
  }

  @Test
  void needsNoToken() {
    // when
    Reply reply = server.getWithToken("/health", "garbage-token");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }

  @Test
  void carriesRequestId() {
    // when
    Reply reply = server.get("/health", CroupierTestServer.REQUEST_ID, "health-check-1");

    // then
    assertThat(reply.header(CroupierTestServer.REQUEST_ID)).hasValue("health-check-1");
  }

  @Test
  void reportsStoreOutage() throws Exception {
    try (CroupierTestServer downed = new CroupierTestServer()) {
      // given
      downed.start();
      downed.bean(MongoConnection.class).embeddedStore().orElseThrow().close();

      // when
      Reply health = downed.get("/health");
      Reply create = downed.create(NewOrganization.unique());

      // then
      assertThat(health.status()).as("%s", health).isEqualTo(503);
      assertThat(health.json().get("status").asText()).isEqualTo("unhealthy");
      assertThat(health.json().get("database").asText()).isEqualTo("disconnected");
      JsonNode problem = downed.assertProblem(create, 503);
      assertThat(problem.get("detail").asText()).contains("retry");
      assertThat(create.header("Retry-After")).isPresent();
      assertThat(create.body()).doesNotContain("127.0.0.1");
      assertThat(create.body().toLowerCase()).doesNotContain("timed out");
    }
  }
}
