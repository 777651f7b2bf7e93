package io.croupier.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.adapter.out.mongo.MongoConnection;
import io.croupier.application.port.in.ListOrganizationsQuery;
import io.croupier.application.port.in.ListOrganizationsUseCase;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /metrics} over HTTP: request, login and store metrics in Prometheus text format. */
class MetricsHttpTest {

  @RegisterExtension static final CroupierTestServer server = new CroupierTestServer();

  private static final String REQUESTS = "http_server_requests_seconds_count";
  private static final String LOGINS = "croupier_logins_total";
  private static final Duration GAUGE_TIMEOUT = Duration.ofSeconds(10);

  /** Returns the value of the sample whose name and labels are exactly these, if present. */
  private static Optional<Double> sample(String scrape, String name, String labels) {
    String prefix = name + (labels.isEmpty() ? "" : "{" + labels + "}") + " ";
    return scrape
        .lines()
        .filter(line -> line.startsWith(prefix))
        .findFirst()
        .map(line -> Double.parseDouble(line.substring(prefix.length()).strip()));
  }

  private static double requests(String scrape, String method, String uri, int status) {
    String labels = "method=\"" + method + "\",status=\"" + status + "\",uri=\"" + uri + "\"";
    return sample(scrape, REQUESTS, labels).orElse(0.0);
  }

  private static double logins(String scrape, String outcome) {
    return sample(scrape, LOGINS, "outcome=\"" + outcome + "\"").orElseThrow();
  }

  private static String scrape() {
    Reply reply = server.get("/metrics");
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.body();
  }

  /**
   * Scrapes until a sample meets the condition or the gauge timeout passes, because the store
   * gauges may show counts read up to one second before.
   */
  private static String scrapeUntil(String name, Predicate<Double> condition) {
    long deadline = System.nanoTime() + GAUGE_TIMEOUT.toNanos();
    String scrape = scrape();
    while (!sample(scrape, name, "").map(condition::test).orElse(false)
        && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      scrape = scrape();
    }
    return scrape;
  }

  @Test
  void servesPrometheusTextFormat() {
    // when
    Reply reply = server.get("/metrics");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
    assertThat(reply.body()).contains("# TYPE http_server_requests_seconds histogram");
    assertThat(reply.body()).contains("# TYPE croupier_logins_total counter");
    assertThat(reply.body()).contains("# TYPE croupier_organizations gauge");
    assertThat(reply.body()).contains("# TYPE croupier_tenant_collections gauge");
    assertThat(reply.body()).contains("# TYPE croupier_bcrypt_queued gauge");
    assertThat(reply.body()).contains("# TYPE croupier_bcrypt_active gauge");
    assertThat(reply.body()).contains("# TYPE croupier_bcrypt_rejected_total counter");
    assertThat(reply.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void countsRequestsByRouteTemplateMethodAndStatus() {
    // given
    String before = scrape();
    String unknown = NewOrganization.uniqueName();

    // when
    server.get("/health");
    server.get("/health");
    server.get("/org/get?organization_name=" + unknown);
    server.get("/org/get");
    server.get("/no/such/path/" + unknown);
    String after = scrape();

    // then
    assertThat(requests(after, "GET", "/health", 200) - requests(before, "GET", "/health", 200))
        .isEqualTo(2.0);
    assertThat(requests(after, "GET", "/org/get", 404) - requests(before, "GET", "/org/get", 404))
        .isEqualTo(1.0);
    assertThat(requests(after, "GET", "/org/get", 422) - requests(before, "GET", "/org/get", 422))
        .isEqualTo(1.0);
    assertThat(requests(after, "GET", "NOT_FOUND", 404) - requests(before, "GET", "NOT_FOUND", 404))
        .isEqualTo(1.0);
    assertThat(after).doesNotContain(unknown);
  }

  @Test
  void tagsNonStandardMethodsAsOther() throws IOException {
    // given
    String before = scrape();

    // when
    int first = sendRaw("ZZZ1 /health HTTP/1.1");
    int second = sendRaw("ZZZ2 /no/such/path HTTP/1.1");
    int standard = sendRaw("PATCH /health HTTP/1.1");
    String after = scrape();

    // then
    assertThat(first).isEqualTo(405);
    assertThat(second).isEqualTo(404);
    assertThat(standard).isEqualTo(405);
    assertThat(after).doesNotContain("ZZZ");
    assertThat(after).contains("method=\"OTHER\"");
    assertThat(
            requests(after, "PATCH", "UNMATCHED", 405)
                - requests(before, "PATCH", "UNMATCHED", 405))
        .isEqualTo(1.0);
  }

  /**
   * Sends one request line with no body over a raw socket, so that the method reaches the server
   * exactly as written, and returns the response status.
   */
  private static int sendRaw(String requestLine) throws IOException {
    URI base = server.baseUri();
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
      String request =
          requestLine + "\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return Integer.parseInt(response.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
    }
  }

  @Test
  void separatesLoginSeriesByStatus() {
    // given
    NewOrganization organization = NewOrganization.unique();
    assertThat(server.create(organization).status()).isEqualTo(201);
    String before = scrape();

    // when
    server.logIn(organization.email(), organization.password());
    server.logIn(organization.email(), organization.password() + "x");
    server.logIn(organization.email(), organization.password() + "y");
    String after = scrape();

    // then
    assertThat(
            requests(after, "POST", "/admin/login", 200)
                - requests(before, "POST", "/admin/login", 200))
        .isEqualTo(1.0);
    assertThat(
            requests(after, "POST", "/admin/login", 401)
                - requests(before, "POST", "/admin/login", 401))
        .isEqualTo(2.0);
    for (int status : new int[] {200, 401}) {
      String labels = "method=\"POST\",status=\"" + status + "\",uri=\"/admin/login\"";
      assertThat(sample(after, "http_server_requests_seconds_sum", labels))
          .as("latency sum of status %d", status)
          .hasValueSatisfying(seconds -> assertThat(seconds).isPositive());
      assertThat(sample(after, "http_server_requests_seconds_bucket", labels + ",le=\"+Inf\""))
          .as("latency histogram of status %d", status)
          .isPresent();
    }
  }

  @Test
  void recordsLatencyInHistogramBuckets() {
    // given
    server.get("/health/liveness");

    // when
    String scrape = scrape();

    // then
    String bucket =
        "http_server_requests_seconds_bucket{method=\"GET\",status=\"200\","
            + "uri=\"/health/liveness\",le=\"+Inf\"}";
    assertThat(scrape.lines().filter(line -> line.startsWith(bucket + " "))).hasSize(1);
    assertThat(
            sample(
                scrape,
                "http_server_requests_seconds_sum",
                "method=\"GET\",status=\"200\"," + "uri=\"/health/liveness\""))
        .hasValueSatisfying(seconds -> assertThat(seconds).isPositive());
  }

  @Test
  void countsLoginOutcomes() {
    // given
    NewOrganization organization = NewOrganization.unique();
    assertThat(server.create(organization).status()).isEqualTo(201);
    String before = scrape();

    // when
    server.logIn(organization.email(), organization.password());
    server.logIn(organization.email(), organization.password() + "x");
    server.logIn("nobody." + organization.email(), organization.password());
    server.postJson("/admin/login", "{\"email\": \"" + organization.email() + "\"}");
    String after = scrape();

    // then
    assertThat(logins(after, "success") - logins(before, "success")).isEqualTo(1.0);
    assertThat(logins(after, "failure") - logins(before, "failure")).isEqualTo(2.0);
    assertThat(logins(after, "locked") - logins(before, "locked")).isEqualTo(0.0);
  }

  @Test
  void countsActiveOrganizationsAndTenantCollections() {
    // given
    double organizations = activeOrganizations();
    double collections = tenantCollections();

    // when
    Tenant tenant = server.register();
    String afterCreate = scrapeUntil("croupier_organizations", count -> count == organizations + 1);
    server.deleteWithToken("/org/delete", tenant.token());
    String afterDelete = scrapeUntil("croupier_organizations", count -> count == organizations);

    // then
    assertThat(sample(afterCreate, "croupier_organizations", "")).hasValue(organizations + 1);
    assertThat(sample(afterCreate, "croupier_tenant_collections", "")).hasValue(collections + 1);
    assertThat(sample(afterDelete, "croupier_organizations", "")).hasValue(organizations);
    assertThat(sample(afterDelete, "croupier_tenant_collections", "")).hasValue(collections);
  }

  @Test
  void countsOrganizationsPerTier() {
    // given
    double organizations = activeOrganizations();
    String before = scrape();
    double collectionTier = tierOrganizations(before, "collection");
    double sharedTier = tierOrganizations(before, "shared");

    // when an organization is created in the default tier
    server.register();
    String after = scrapeUntil("croupier_organizations", count -> count == organizations + 1);

    // then
    assertThat(tierOrganizations(after, "collection")).isEqualTo(collectionTier + 1);
    assertThat(tierOrganizations(after, "shared")).isEqualTo(sharedTier);
  }

  private static double tierOrganizations(String scrape, String tier) {
    return sample(scrape, "croupier_tier_organizations", "tier=\"" + tier + "\"").orElseThrow();
  }

  @Test
  void reportsNaNWhileStoreIsDown() throws Exception {
    try (CroupierTestServer downed = new CroupierTestServer()) {
      // given
      downed.start();
      downed.bean(MongoConnection.class).embeddedStore().orElseThrow().close();

      // when
      Reply reply = downed.get("/metrics");

      // then
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(sample(reply.body(), "croupier_organizations", "")).hasValue(Double.NaN);
      assertThat(sample(reply.body(), "croupier_tenant_collections", "")).hasValue(Double.NaN);
    }
  }

  /** Counts the active organizations in the store, as the gauge should report them. */
  private static double activeOrganizations() {
    return server
        .bean(ListOrganizationsUseCase.class)
        .list(ListOrganizationsQuery.firstPage(1))
        .total();
  }

  /** Counts the collections named org_* in the store, as the gauge should report them. */
  private static double tenantCollections() {
    List<String> names = server.database().listCollectionNames().into(new ArrayList<>());
    return names.stream().filter(name -> name.startsWith("org_")).count();
  }

  @Test
  void servesMetricsWithoutToken() {
    // when
    Reply reply = server.getWithToken("/metrics", "garbage-token");

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.body()).contains("croupier_logins_total");
  }
}
