package io.croupier.bootstrap.http;

import static io.croupier.bootstrap.http.CroupierTestServer.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /admin/refresh} and {@code POST /admin/logout} over HTTP. */
class SessionHttpTest {

  private static final String REFRESH_REJECTED =
      "The refresh token is missing, invalid, expired or revoked; log in again";
  private static final String ACCESS_REJECTED =
      "The access token is missing, invalid, expired or revoked; log in again";

  @RegisterExtension static final CroupierTestServer server = new CroupierTestServer();

  /** Reads the tenant's organization with the token; the email is returned to its admin only. */
  private static Reply ownRead(Tenant tenant, String token) {
    return server.getWithToken("/org/get?organization_name=" + tenant.name(), token);
  }

  private static String sessionOf(String accessToken) {
    return TestTokens.decodePart(accessToken, 1).get("sid").asText();
  }

  @Test
  void refreshReturnsTokenBody() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = server.refresh(tenant.refreshToken());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    List<String> fields = new ArrayList<>();
    reply.json().fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "access_token",
            "token_type",
            "expires_in",
            "refresh_token",
            "refresh_expires_in",
            "admin_id",
            "organization_id",
            "organization_name");
    assertThat(reply.text("token_type")).isEqualTo("bearer");
    assertThat(reply.text("admin_id")).isEqualTo(tenant.adminId());
    assertThat(reply.text("organization_id")).isEqualTo(tenant.organizationId());
    assertThat(reply.text("organization_name")).isEqualTo(tenant.name());
  }

  @Test
  void refreshIssuesNewPairOfSameSession() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = server.refresh(tenant.refreshToken());

    // then
    String access = reply.text("access_token");
    assertThat(access).isNotEqualTo(tenant.token());
    assertThat(reply.text("refresh_token")).isNotEqualTo(tenant.refreshToken());
    assertThat(sessionOf(access)).isEqualTo(sessionOf(tenant.token()));
    assertThat(ownRead(tenant, access).text("email")).isEqualTo(tenant.email());
  }

  @Test
  void refreshKeepsSessionExpiry() {
    // given
    Tenant tenant = server.register();

    // when
    long expiresIn =
        server.refresh(tenant.refreshToken()).json().get("refresh_expires_in").asLong();

    // then
    assertThat(expiresIn).isBetween(14L * 24 * 3600 - 10, 14L * 24 * 3600);
  }

  @Test
  void newestRefreshTokenRefreshesAgain() {
    // given
    Tenant tenant = server.register();
    Reply first = server.refresh(tenant.refreshToken());

    // when
    Reply second = server.refresh(first.text("refresh_token"));

    // then
    assertThat(second.status()).as("%s", second).isEqualTo(200);
  }

  @Test
  void rotatedRefreshTokenIsRejected() {
    // given
    Tenant tenant = server.register();
    server.refresh(tenant.refreshToken());

    // when
    Reply reply = server.refresh(tenant.refreshToken());

    // then
    JsonNode problem = server.assertProblem(reply, 401);
    assertThat(problem.get("detail").asText()).isEqualTo(REFRESH_REJECTED);
    assertThat(problem.get("type").asText()).isEqualTo("urn:croupier:problem:invalid-token");
  }

  @Test
  void reuseRevokesNewerRefreshToken() {
    // given
    Tenant tenant = server.register();
    Reply rotated = server.refresh(tenant.refreshToken());
    server.refresh(tenant.refreshToken());

    // when
    Reply reply = server.refresh(rotated.text("refresh_token"));

    // then
    server.assertProblem(reply, 401);
  }

  @Test
  void reuseRevokesAccessTokensOfSession() {
    // given
    Tenant tenant = server.register();
    Reply rotated = server.refresh(tenant.refreshToken());
    server.refresh(tenant.refreshToken());

    // when
    Reply original = ownRead(tenant, tenant.token());
    Reply newer = ownRead(tenant, rotated.text("access_token"));

    // then
    assertThat(server.assertProblem(original, 401).get("detail").asText())
        .isEqualTo(ACCESS_REJECTED);
    server.assertProblem(newer, 401);
  }

  @Test
  void reuseLeavesOtherSessionsAlone() {
    // given
    Tenant tenant = server.register();
    Reply otherLogin = server.logIn(tenant.email(), tenant.password());
    server.refresh(tenant.refreshToken());

    // when
    server.refresh(tenant.refreshToken());

    // then
    assertThat(ownRead(tenant, otherLogin.text("access_token")).status()).isEqualTo(200);
    assertThat(server.refresh(otherLogin.text("refresh_token")).status()).isEqualTo(200);
  }

  @Test
  void unknownRefreshTokenIsRejected() {
    // when
    Reply reply = server.refresh("A".repeat(43));

    // then
    assertThat(server.assertProblem(reply, 401).get("detail").asText()).isEqualTo(REFRESH_REJECTED);
  }

  @Test
  void malformedRefreshTokenIsRejected() {
    // when
    Reply reply = server.refresh("not-a-refresh-token");

    // then
    server.assertProblem(reply, 401);
  }

  @Test
  void accessTokenIsNoRefreshToken() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = server.refresh(tenant.token());

    // then
    server.assertProblem(reply, 401);
  }

  @Test
  void refreshAfterPasswordChangeIsRejected() {
    // given
    Tenant tenant = server.register();
    String newPassword = NewOrganization.uniquePassword();
    Reply changed =
        server.putJson("/org/update", "{\"password\":\"" + newPassword + "\"}", tenant.token());
    assertThat(changed.status()).as("%s", changed).isEqualTo(200);

    // when
    Reply reply = server.refresh(tenant.refreshToken());

    // then
    server.assertProblem(reply, 401);
  }

  @Test
  void refreshAfterRenameStillWorks() {
    // given
    Tenant tenant = server.register();
    String newName = NewOrganization.uniqueName();
    server.putJson("/org/update", "{\"organization_name\":\"" + newName + "\"}", tenant.token());

    // when
    Reply reply = server.refresh(tenant.refreshToken());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.text("organization_name")).isEqualTo(newName);
  }

  @Test
  void refreshAfterDeleteIsRejected() {
    // given
    Tenant tenant = server.register();
    server.deleteWithToken("/org/delete", tenant.token());

    // when
    Reply reply = server.refresh(tenant.refreshToken());

    // then
    server.assertProblem(reply, 401);
  }

  @Test
  void refreshWithoutTokenFieldIs422() {
    // when
    Reply reply = server.postJson("/admin/refresh", "{}");

    // then
    assertThat(errorFields(server.assertProblem(reply, 422))).containsExactly("refresh_token");
  }

  @Test
  void refreshWithNonStringTokenIs422() {
    // when
    Reply reply = server.postJson("/admin/refresh", "{\"refresh_token\":{\"$ne\":null}}");

    // then
    assertThat(errorFields(server.assertProblem(reply, 422))).containsExactly("refresh_token");
  }

  @Test
  void refreshWithFormBodyIs415() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply =
        server.send(
            "POST",
            "/admin/refresh",
            "refresh_token=" + tenant.refreshToken(),
            "Content-Type",
            "application/x-www-form-urlencoded");

    // then
    server.assertProblem(reply, 415);
  }

  @Test
  void logoutReturns204() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = server.logOut(tenant.token());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(204);
    assertThat(reply.body()).isEmpty();
    assertThat(reply.header("X-Request-ID")).contains(reply.sentRequestId());
  }

  @Test
  void logoutRevokesAccessToken() {
    // given
    Tenant tenant = server.register();
    server.logOut(tenant.token());

    // when
    Reply read = ownRead(tenant, tenant.token());
    Reply update =
        server.putJson("/org/update", "{\"email\":\"" + tenant.email() + "\"}", tenant.token());

    // then
    assertThat(server.assertProblem(read, 401).get("detail").asText()).isEqualTo(ACCESS_REJECTED);
    server.assertProblem(update, 401);
  }

  @Test
  void logoutRevokesRefreshToken() {
    // given
    Tenant tenant = server.register();
    server.logOut(tenant.token());

    // when
    Reply reply = server.refresh(tenant.refreshToken());

    // then
    assertThat(server.assertProblem(reply, 401).get("detail").asText()).isEqualTo(REFRESH_REJECTED);
  }

  @Test
  void logoutRevokesEveryAccessTokenOfSession() {
    // given
    Tenant tenant = server.register();
    Reply refreshed = server.refresh(tenant.refreshToken());

    // when
    server.logOut(refreshed.text("access_token"));

    // then
    server.assertProblem(ownRead(tenant, tenant.token()), 401);
    server.assertProblem(server.refresh(refreshed.text("refresh_token")), 401);
  }

  @Test
  void logoutLeavesOtherSessionsAlone() {
    // given
    Tenant tenant = server.register();
    Reply otherLogin = server.logIn(tenant.email(), tenant.password());

    // when
    server.logOut(tenant.token());

    // then
    assertThat(ownRead(tenant, otherLogin.text("access_token")).status()).isEqualTo(200);
    assertThat(server.refresh(otherLogin.text("refresh_token")).status()).isEqualTo(200);
  }

  @Test
  void secondLogoutIsRejected() {
    // given
    Tenant tenant = server.register();
    server.logOut(tenant.token());

    // when
    Reply reply = server.logOut(tenant.token());

    // then
    server.assertProblem(reply, 401);
  }

  @Test
  void logoutWithoutTokenIsRejected() {
    // when
    Reply reply = server.send("POST", "/admin/logout", null);

    // then
    JsonNode problem = server.assertProblem(reply, 401);
    assertThat(problem.get("detail").asText()).isEqualTo(ACCESS_REJECTED);
    assertThat(reply.header("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
  }

  @Test
  void logoutWithForeignTokenIsRejected() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply = server.logOut(TestTokens.signedWithAnotherSecret(tenant));

    // then
    server.assertProblem(reply, 401);
    assertThat(ownRead(tenant, tenant.token()).status()).isEqualTo(200);
  }

  @Test
  void logoutIgnoresJsonBody() {
    // given
    Tenant tenant = server.register();

    // when
    Reply reply =
        server.send(
            "POST",
            "/admin/logout",
            "{}",
            "Content-Type",
            "application/json",
            "Authorization",
            "Bearer " + tenant.token());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(204);
  }
}
