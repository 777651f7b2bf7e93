package io.croupier.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.adapter.out.security.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing-key rotation over HTTP, with servers on one shared store: one signs with secret A, one
 * with secret B that still accepts A, one with B alone, and one that reads A from a mounted file of
 * previous secrets.
 */
class KeyRotationHttpTest {

  private static final String SECRET_A = "rotation-test-secret-A-0123456789abcdefghij";
  private static final String SECRET_B = "rotation-test-secret-B-0123456789abcdefghij";
  private static final String SECRET_C = "rotation-test-secret-C-0123456789abcdefghij";

  @TempDir static Path secretsFolder;

  private static SharedStore store;
  private static CroupierTestServer signsWithA;
  private static CroupierTestServer rotatedToB;
  private static CroupierTestServer onlyB;
  private static CroupierTestServer previousFromFile;

  @BeforeAll
  static void startServers() throws IOException {
    Path previousFile = secretsFolder.resolve("previous-secrets");
    Files.writeString(previousFile, SECRET_C + "\n\n" + SECRET_A + "\n", StandardCharsets.UTF_8);

    store = SharedStore.start();
    signsWithA = store.startServer(Map.of("croupier.jwt-secret", SECRET_A));
    rotatedToB =
        store.startServer(
            Map.of("croupier.jwt-secret", SECRET_B, "croupier.jwt-previous-secrets", SECRET_A));
    onlyB = store.startServer(Map.of("croupier.jwt-secret", SECRET_B));
    previousFromFile =
        store.startServer(
            Map.of(
                "croupier.jwt-secret",
                SECRET_B,
                "croupier.jwt-previous-secrets-file",
                previousFile.toString()));
  }

  @AfterAll
  static void stopServers() throws IOException {
    store.close();
  }

  private static Reply ownRead(CroupierTestServer server, Tenant tenant, String token) {
    return server.getWithToken("/org/get?organization_name=" + tenant.name(), token);
  }

  private static String keyIdOf(String token) {
    return TestTokens.decodePart(token, 0).get("kid").asText();
  }

  @Test
  void acceptsTokenOfPreviousSecret() {
    // given
    Tenant tenant = signsWithA.register();

    // when
    Reply reply = ownRead(rotatedToB, tenant, tenant.token());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.text("email")).isEqualTo(tenant.email());
  }

  @Test
  void acceptsTokenOfPreviousSecretFromFile() {
    // given
    Tenant tenant = signsWithA.register();

    // when
    Reply reply = ownRead(previousFromFile, tenant, tenant.token());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }

  @Test
  void rejectsTokenOfSecretNoLongerListed() {
    // given
    Tenant tenant = signsWithA.register();

    // when
    Reply reply = ownRead(onlyB, tenant, tenant.token());

    // then
    onlyB.assertProblem(reply, 401);
  }

  @Test
  void signsNewTokensWithCurrentSecret() {
    // given
    Tenant tenant = signsWithA.register();

    // when
    Reply login = rotatedToB.logIn(tenant.email(), tenant.password());

    // then
    String token = login.text("access_token");
    assertThat(keyIdOf(token)).isEqualTo(SigningKey.fromText(SECRET_B).keyId());
    assertThat(keyIdOf(tenant.token())).isEqualTo(SigningKey.fromText(SECRET_A).keyId());
    assertThat(ownRead(onlyB, tenant, token).status()).isEqualTo(200);
    signsWithA.assertProblem(ownRead(signsWithA, tenant, token), 401);
  }

  @Test
  void rejectsTokenWithUnknownKeyId() {
    // given
    Tenant tenant = signsWithA.register();
    String token = TestTokens.issue(tenant, SECRET_C, Instant.now());

    // when
    Reply reply = ownRead(rotatedToB, tenant, token);

    // then
    assertThat(keyIdOf(token)).isEqualTo(SigningKey.fromText(SECRET_C).keyId());
    rotatedToB.assertProblem(reply, 401);
  }

  @Test
  void rejectsKnownKeyIdWithForeignSignature() {
    // given
    Tenant tenant = signsWithA.register();
    String token =
        TestTokens.signedWithKeyId(tenant, SECRET_C, SigningKey.fromText(SECRET_A).keyId());

    // when
    Reply reply = ownRead(rotatedToB, tenant, token);

    // then
    rotatedToB.assertProblem(reply, 401);
  }

  @Test
  void refreshesSessionAcrossRotation() {
    // given
    Tenant tenant = signsWithA.register();

    // when
    Reply reply = rotatedToB.refresh(tenant.refreshToken());

    // then
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(keyIdOf(reply.text("access_token")))
        .isEqualTo(SigningKey.fromText(SECRET_B).keyId());
  }
}
