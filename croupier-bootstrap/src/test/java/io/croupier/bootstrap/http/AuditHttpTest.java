package io.croupier.bootstrap.http;

import static io.croupier.bootstrap.http.CroupierTestServer.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The audit log over HTTP: each audited request records one event with its actor, outcome, client
 * address and request id, {@code GET /org/audit} pages through the caller's own events, and the
 * {@code croupier audit} command reads the events of a deleted organization. Accounts lock after 2
 * failed logins here, so that a lockout takes few requests.
 */
class AuditHttpTest {

  private static final Set<String> EVENT_FIELDS =
      Set.of(
          "id",
          "time",
          "organization_id",
          "organization_name",
          "actor",
          "action",
          "outcome",
          "client_address",
          "request_id",
          "changed_fields");
  private static final Set<String> FIELD_NAMES =
      Set.of("organization_name", "email", "password", "account", "client_address");
  private static final String LOOPBACK = "127.0.0.1";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final CroupierTestServer server =
      new CroupierTestServer(
          Map.of(
              "croupier.login-account-failures", 2,
              "croupier.login-address-failures", 1000));

  private static String requestId() {
    return "audit-" + UUID.randomUUID();
  }

  /** Returns every event of the tenant's organization, newest first, read with the token. */
  private static List<JsonNode> events(String token) {
    Reply reply = server.audit("?limit=200", token);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    List<JsonNode> events = new ArrayList<>();
    reply.json().get("events").forEach(events::add);
    return events;
  }

  /** Returns the one event that the request with the id recorded. */
  private static JsonNode eventOf(List<JsonNode> events, String requestId) {
    List<JsonNode> matching =
        events.stream()
            .filter(event -> requestId.equals(event.get("request_id").asText()))
            .toList();
    assertThat(matching).as("events of request %s in %s", requestId, events).hasSize(1);
    return matching.get(0);
  }

  private static void assertEvent(
      JsonNode event, String action, String outcome, String actor, Tenant tenant) {
    List<String> names = new ArrayList<>();
    event.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyInAnyOrderElementsOf(EVENT_FIELDS);
    assertThat(event.get("action").asText()).isEqualTo(action);
    assertThat(event.get("outcome").asText()).isEqualTo(outcome);
    assertThat(event.get("actor").asText()).isEqualTo(actor);
    assertThat(event.get("organization_id").asText()).isEqualTo(tenant.organizationId());
    assertThat(event.get("client_address").asText()).isEqualTo(LOOPBACK);
    assertThat(Instant.parse(event.get("time").asText())).isBefore(Instant.now().plusSeconds(1));
    assertNoValues(event);
  }

  /** Checks that changed_fields holds only names of fields or limits, never a value. */
  private static void assertNoValues(JsonNode event) {
    assertThat(event.get("changed_fields").isArray()).isTrue();
    for (JsonNode field : event.get("changed_fields")) {
      assertThat(FIELD_NAMES).contains(field.asText());
    }
  }

  private static List<String> changedFields(JsonNode event) {
    List<String> fields = new ArrayList<>();
    event.get("changed_fields").forEach(field -> fields.add(field.asText()));
    return fields;
  }

  @Test
  void createRecordsEvent() {
    // given
    NewOrganization organization = NewOrganization.unique();
    String requestId = requestId();

    // when
    server.postJson("/org/create", organization.json(), "X-Request-ID", requestId);

    // then
    Tenant tenant = server.logInAs(organization);
    JsonNode event = eventOf(events(tenant.token()), requestId);
    assertEvent(event, "organization_created", "success", tenant.adminId(), tenant);
    assertThat(event.get("organization_name").asText()).isEqualTo(organization.name());
    assertThat(changedFields(event)).isEmpty();
  }

  @Test
  void renameAndPasswordChangeNameFieldsOnly() {
    // given
    Tenant tenant = server.register();
    String newName = NewOrganization.uniqueName();
    String newPassword = NewOrganization.uniquePassword();
    String requestId = requestId();

    // when
    server.send(
        "PUT",
        "/org/update",
        "{\"organization_name\":\"" + newName + "\",\"password\":\"" + newPassword + "\"}",
        "Content-Type",
        "application/json",
        "Authorization",
        "Bearer " + tenant.token(),
        "X-Request-ID",
        requestId);

    // then
    String token = server.logIn(tenant.email(), newPassword).text("access_token");
    JsonNode event = eventOf(events(token), requestId);
    assertEvent(event, "organization_updated", "success", tenant.adminId(), tenant);
    assertThat(event.get("organization_name").asText()).isEqualTo(newName);
    assertThat(changedFields(event)).containsExactly("organization_name", "password");
    assertThat(event.toString()).doesNotContain(newPassword);
  }

  @Test
  void emailChangeNamesEmailOnly() {
    // given
    Tenant tenant = server.register();
    String newEmail = NewOrganization.unique().email();
    String requestId = requestId();

    // when
    server.send(
        "PUT",
        "/org/update",
        "{\"email\":\"" + newEmail + "\"}",
        "Content-Type",
        "application/json",
        "Authorization",
        "Bearer " + tenant.token(),
        "X-Request-ID",
        requestId);

    // then
    JsonNode event = eventOf(events(tenant.token()), requestId);
    assertThat(changedFields(event)).containsExactly("email");
    assertThat(event.toString()).doesNotContain(newEmail);
  }

  @Test
  void rejectedUpdateRecordsNothing() {
    // given
    Tenant tenant = server.register();
    String requestId = requestId();

    // when
    server.send(
        "PUT",
        "/org/update",
        "{\"organization_name\":\"x\"}",
        "Content-Type",
        "application/json",
        "Authorization",
        "Bearer " + tenant.token(),
        "X-Request-ID",
        requestId);

    // then
    assertThat(events(tenant.token()))
        .noneMatch(event -> requestId.equals(event.get("request_id").asText()));
  }

  @Test
  void failedLoginRecordsEvent() {
    // given
    Tenant tenant = server.register();
    String requestId = requestId();

    // when
    String body =
        "{\"email\":\""
            + tenant.email()
            + "\",\"password\":\""
            + "Wr0ng"
            + tenant.password()
            + "\"}";
    server.postJson("/admin/login", body, "X-Request-ID", requestId);

    // then
    JsonNode event = eventOf(events(tenant.token()), requestId);
    assertEvent(event, "login_failed", "failure", tenant.adminId(), tenant);
    assertThat(changedFields(event)).isEmpty();
  }

  @Test
  void unknownEmailIsActorOfFailure() {
    // given
    String email = NewOrganization.unique().email();
    String requestId = requestId();

    // when
    String body = "{\"email\":\" " + email.toUpperCase() + "\",\"password\":\"Wr0ngPassword\"}";
    server.postJson("/admin/login", body, "X-Request-ID", requestId);

    // then
    List<org.bson.Document> stored =
        server
            .database()
            .getCollection("audit_events")
            .find(new org.bson.Document("request_id", requestId))
            .into(new ArrayList<>());
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).getString("actor")).isEqualTo(email);
    assertThat(stored.get(0).get("organization_id")).isNull();
    assertThat(stored.get(0).getString("client_address")).isEqualTo(LOOPBACK);
  }

  @Test
  void successfulLoginRecordsEvent() {
    // given
    Tenant tenant = server.register();
    String requestId = requestId();

    // when
    String body =
        "{\"email\":\"" + tenant.email() + "\",\"password\":\"" + tenant.password() + "\"}";
    server.postJson("/admin/login", body, "X-Request-ID", requestId);

    // then
    JsonNode event = eventOf(events(tenant.token()), requestId);
    assertEvent(event, "login_succeeded", "success", tenant.adminId(), tenant);
  }

  @Test
  void untrustedForwardedForIsNotRecorded() {
    // given
    Tenant tenant = server.register();
    String requestId = requestId();

    // when
    String body =
        "{\"email\":\"" + tenant.email() + "\",\"password\":\"" + tenant.password() + "\"}";
    server.postJson(
        "/admin/login", body, "X-Request-ID", requestId, "X-Forwarded-For", "203.0.113.50");

    // then
    JsonNode event = eventOf(events(tenant.token()), requestId);
    assertThat(event.get("client_address").asText()).isEqualTo(LOOPBACK);
  }

  @Test
  void refreshRecordsEvent() {
    // given
    Tenant tenant = server.register();
    String requestId = requestId();

    // when
    server.refresh(tenant.refreshToken(), "X-Request-ID", requestId);

    // then
    JsonNode event = eventOf(events(tenant.token()), requestId);
    assertEvent(event, "refresh", "success", tenant.adminId(), tenant);
  }

  @Test
  void reuseRecordsFailure() {
    // given
    Tenant tenant = server.register();
    server.refresh(tenant.refreshToken());
    String requestId = requestId();

    // when
    server.refresh(tenant.refreshToken(), "X-Request-ID", requestId);

    // then
    String token = server.logIn(tenant.email(), tenant.password()).text("access_token");
    JsonNode event = eventOf(events(token), requestId);
    assertEvent(event, "refresh_reuse", "failure", tenant.adminId(), tenant);
  }

  @Test
  void logoutRecordsEvent() {
    // given
    Tenant tenant = server.register();
    String requestId = requestId();

    // when
    server.logOut(tenant.token(), "X-Request-ID", requestId);

    // then
    String token = server.logIn(tenant.email(), tenant.password()).text("access_token");
    JsonNode event = eventOf(events(token), requestId);
    assertEvent(event, "logout", "success", tenant.adminId(), tenant);
  }

  @Test
  void lockoutRecordsLimitReached() {
    // given
    Tenant tenant = server.register();
    String body =
        "{\"email\":\""
            + tenant.email()
            + "\",\"password\":\""
            + "Wr0ng"
            + tenant.password()
            + "\"}";
    server.postJson("/admin/login", body);
    String requestId = requestId();

    // when
    server.postJson("/admin/login", body, "X-Request-ID", requestId);

    // then
    List<JsonNode> ofRequest =
        events(tenant.token()).stream()
            .filter(event -> requestId.equals(event.get("request_id").asText()))
            .toList();
    assertThat(ofRequest)
        .extracting(event -> event.get("action").asText())
        .containsExactlyInAnyOrder("login_failed", "lockout");
    JsonNode lockout =
        ofRequest.stream()
            .filter(event -> event.get("action").asText().equals("lockout"))
            .findFirst()
            .orElseThrow();
    assertEvent(lockout, "lockout", "failure", tenant.adminId(), tenant);
    assertThat(changedFields(lockout)).containsExactly("account");
  }

  @Test
  void pagesNewestFirst() {
    // given
    Tenant tenant = server.register();
    server.refresh(tenant.refreshToken());
    List<JsonNode> all = events(tenant.token());

    // when
    Reply first = server.audit("?limit=2", tenant.token());
    String cursor = first.text("next_cursor");
    Reply second = server.audit("?limit=2&cursor=" + cursor, tenant.token());

    // then
    assertThat(all)
        .extracting(event -> event.get("action").asText())
        .containsExactlyInAnyOrder("refresh", "login_succeeded", "organization_created");
    for (int i = 1; i < all.size(); i++) {
      Instant newer = Instant.parse(all.get(i - 1).get("time").asText());
      assertThat(Instant.parse(all.get(i).get("time").asText())).isBeforeOrEqualTo(newer);
    }
    List<JsonNode> paged = new ArrayList<>();
    first.json().get("events").forEach(paged::add);
    second.json().get("events").forEach(paged::add);
    assertThat(first.json().get("events")).hasSize(2);
    assertThat(paged).isEqualTo(all);
    assertThat(second.json().get("next_cursor").isNull()).isTrue();
  }

  @Test
  void fullLastPageHasNoCursor() {
    // given
    Tenant tenant = server.register();

    // when
    Reply page = server.audit("?limit=2", tenant.token());

    // then
    assertThat(page.json().get("events")).hasSize(2);
    assertThat(page.json().get("next_cursor").isNull()).isTrue();
  }

  @Test
  void showsOnlyOwnOrganization() {
    // given
    Tenant tenant = server.register();
    Tenant other = server.register();

    // when
    List<JsonNode> events = events(tenant.token());

    // then
    assertThat(events)
        .allSatisfy(
            event ->
                assertThat(event.get("organization_id").asText())
                    .isEqualTo(tenant.organizationId()));
    assertThat(events.toString()).doesNotContain(other.organizationId());
  }

  @Test
  void acceptsLimitsAtEdges() {
    // given
    Tenant tenant = server.register();

    // when
    Reply smallest = server.audit("?limit=1", tenant.token());
    Reply largest = server.audit("?limit=200", tenant.token());

    // then
    assertThat(smallest.json().get("events")).hasSize(1);
    assertThat(largest.status()).isEqualTo(200);
  }

  @Test
  void rejectsLimitsOutsideEdges() {
    // given
    Tenant tenant = server.register();

    // when
    Reply zero = server.audit("?limit=0", tenant.token());
    Reply tooMany = server.audit("?limit=201", tenant.token());
    Reply notANumber = server.audit("?limit=ten", tenant.token());

    // then
    assertThat(errorFields(server.assertProblem(zero, 422))).containsExactly("limit");
    assertThat(errorFields(server.assertProblem(tooMany, 422))).containsExactly("limit");
    assertThat(errorFields(server.assertProblem(notANumber, 422))).containsExactly("limit");
  }

  @Test
  void rejectsForgedCursor() {
    // given
    Tenant tenant = server.register();

    // when
    Reply garbage = server.audit("?cursor=not-a-cursor", tenant.token());
    Reply empty = server.audit("?cursor=", tenant.token());

    // then
    assertThat(errorFields(server.assertProblem(garbage, 422))).containsExactly("cursor");
    assertThat(errorFields(server.assertProblem(empty, 422))).containsExactly("cursor");
  }

  @Test
  void requiresToken() {
    // when
    Reply reply = server.get("/org/audit");

    // then
    server.assertProblem(reply, 401);
  }

  @Test
  void operatorReadsEventsOfDeletedOrganization() {
    // given
    Tenant tenant = server.register();
    String requestId = requestId();
    Reply deleted =
        server.send(
            "DELETE",
            "/org/delete",
            null,
            "Authorization",
            "Bearer " + tenant.token(),
            "X-Request-ID",
            requestId);
    assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);

    // when
    CommandLineRun run =
        CommandLineRun.run(
            Map.of("CROUPIER_DATA_DIR", server.dataDir().toString()),
            "audit",
            tenant.name().toUpperCase(),
            "--output",
            "json");

    // then
    assertThat(run.exitCode()).as("%s", run).isZero();
    JsonNode page = readJson(run.out());
    List<JsonNode> events = new ArrayList<>();
    page.get("events").forEach(events::add);
    assertEvent(
        eventOf(events, requestId), "organization_deleted", "success", tenant.adminId(), tenant);
    assertThat(events)
        .extracting(event -> event.get("action").asText())
        .containsExactlyInAnyOrder(
            "organization_created", "login_succeeded", "organization_deleted");
    assertThat(page.get("next_cursor").isNull()).isTrue();
  }

  @Test
  void operatorReadsEventsAsText() {
    // given
    Tenant tenant = server.register();

    // when
    CommandLineRun run =
        CommandLineRun.run(
            Map.of("CROUPIER_DATA_DIR", server.dataDir().toString()),
            "audit",
            tenant.name(),
            "--limit",
            "1");

    // then
    assertThat(run.exitCode()).as("%s", run).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).startsWith("TIME ");
    assertThat(lines.get(1)).contains(" success ").contains(" " + LOOPBACK + " ");
    assertThat(lines.get(2))
        .isEqualTo("Showing 1 event of organization " + tenant.name() + ", newest first.");
    assertThat(lines.get(3)).startsWith("Next page: --cursor ").endsWith(" --limit 1");
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException notJson) {
      throw new UncheckedIOException(notJson);
    }
  }
}
