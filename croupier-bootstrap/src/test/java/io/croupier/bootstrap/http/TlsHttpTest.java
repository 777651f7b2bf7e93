package io.croupier.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS from a self-signed certificate that {@code keytool} of the running JDK makes for 127.0.0.1:
 * from a PKCS12 keystore with its password given directly or in a file, and from a PEM certificate
 * with its private key. A client that trusts only that certificate calls the server.
 */
class TlsHttpTest {

  private static final String PASSWORD = "keystore-test-password";
  private static final String ALIAS = "croupier";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path folder;

  private static Path keystore;
  private static Path certificatePem;
  private static Path privateKeyPem;
  private static HttpClient trustingClient;

  @TempDir Path dataDir;

  @BeforeAll
  static void makeCertificate() throws Exception {
    keystore = folder.resolve("server.p12");
    certificatePem = folder.resolve("server.crt");
    privateKeyPem = folder.resolve("server.key");
    keytool(
        "-genkeypair",
        "-alias",
        ALIAS,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        PASSWORD);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        ALIAS,
        "-keystore",
        keystore.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        certificatePem.toString());
    writePrivateKeyPem();
    trustingClient = clientTrusting(certificatePem);
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
    assertThat(process.exitValue()).as("keytool %s: %s", args[0], output).isZero();
  }

  /** Writes the keystore's private key as unencrypted PKCS#8 PEM. */
  private static void writePrivateKeyPem() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    Key key = store.getKey(ALIAS, PASSWORD.toCharArray());
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
    Files.writeString(
        privateKeyPem,
        "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n",
        StandardCharsets.US_ASCII);
  }

  private static HttpClient clientTrusting(Path certificate) throws Exception {
    Certificate trusted;
    try (InputStream in = Files.newInputStream(certificate)) {
      trusted = CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
    trustStore.load(null, null);
    trustStore.setCertificateEntry(ALIAS, trusted);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trustStore);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder()
        .sslContext(context)
        .connectTimeout(Duration.ofSeconds(5))
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  private Map<String, Object> properties(Map<String, Object> tls) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("micronaut.server.host", "127.0.0.1");
    properties.put("micronaut.server.port", -1);
    properties.put("croupier.data-dir", dataDir.toString());
    properties.put("croupier.bcrypt-cost", 4);
    properties.put("croupier.jwt-secret", CroupierTestServer.JWT_SECRET);
    properties.putAll(tls);
    return properties;
  }

  /** Starts a server with the TLS properties and returns its running context. */
  private ApplicationContext start(Map<String, Object> tls) {
    ApplicationContext context = ApplicationContext.builder().properties(properties(tls)).start();
    context.getBean(EmbeddedServer.class).start();
    return context;
  }

  private static URI uri(ApplicationContext context, String scheme, String path) {
    int port = context.getBean(EmbeddedServer.class).getPort();
    return URI.create(scheme + "://127.0.0.1:" + port + path);
  }

  private static HttpResponse<String> get(HttpClient client, URI uri)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> postJson(HttpClient client, URI uri, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Returns the message of the first {@link IllegalArgumentException} in the cause chain, which
   * {@code croupier serve} prints alone when start-up fails.
   */
  private static String rootMessage(Throwable failure) {
    assertThat(failure).as("start-up failure").isNotNull();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof IllegalArgumentException) {
        return cause.getMessage();
      }
    }
    throw new AssertionError("No IllegalArgumentException behind " + failure, failure);
  }

  @Test
  void servesHealthFromKeystore() throws Exception {
    // given
    try (ApplicationContext context =
        start(
            Map.of(
                "croupier.tls-keystore",
                keystore.toString(),
                "croupier.tls-keystore-password",
                PASSWORD))) {

      // when
      HttpResponse<String> response = get(trustingClient, uri(context, "https", "/health"));

      // then
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("healthy");
      assertThat(context.getBean(EmbeddedServer.class).getScheme()).isEqualTo("https");
    }
  }

  @Test
  void readsKeystorePasswordFromFile() throws Exception {
    // given
    Path passwordFile = folder.resolve("keystore-password");
    Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
    try (ApplicationContext context =
        start(
            Map.of(
                "croupier.tls-keystore", keystore.toString(),
                "croupier.tls-keystore-password-file", passwordFile.toString()))) {

      // when
      HttpResponse<String> response = get(trustingClient, uri(context, "https", "/health"));

      // then
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void servesHealthFromPemFiles() throws Exception {
    // given
    try (ApplicationContext context =
        start(
            Map.of(
                "croupier.tls-certificate", certificatePem.toString(),
                "croupier.tls-private-key", privateKeyPem.toString()))) {

      // when
      HttpResponse<String> response = get(trustingClient, uri(context, "https", "/health"));

      // then
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void logsInOverHttps() throws Exception {
    // given
    NewOrganization organization = NewOrganization.unique();
    try (ApplicationContext context =
        start(
            Map.of(
                "croupier.tls-keystore",
                keystore.toString(),
                "croupier.tls-keystore-password",
                PASSWORD))) {
      postJson(trustingClient, uri(context, "https", "/org/create"), organization.json());

      // when
      HttpResponse<String> login =
          postJson(
              trustingClient,
              uri(context, "https", "/admin/login"),
              "{\"email\":\""
                  + organization.email()
                  + "\",\"password\":\""
                  + organization.password()
                  + "\"}");

      // then
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      JsonNode token = JSON.readTree(login.body());
      assertThat(token.get("refresh_token").asText()).isNotBlank();
    }
  }

  @Test
  void clientWithoutTrustFailsHandshake() {
    // given
    try (ApplicationContext context =
        start(
            Map.of(
                "croupier.tls-keystore",
                keystore.toString(),
                "croupier.tls-keystore-password",
                PASSWORD))) {
      HttpClient defaultTrust =
          HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

      // when
      Throwable failure = catchThrowable(() -> get(defaultTrust, uri(context, "https", "/health")));

      // then
      assertThat(failure).isInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void servesNoPlainHttp() {
    // given
    try (ApplicationContext context =
        start(
            Map.of(
                "croupier.tls-keystore",
                keystore.toString(),
                "croupier.tls-keystore-password",
                PASSWORD))) {
      HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

      // when
      Throwable failure = catchThrowable(() -> get(plain, uri(context, "http", "/health")));

      // then
      assertThat(failure).isInstanceOf(IOException.class);
    }
  }

  @Test
  void wrongKeystorePasswordStopsStartUp() {
    // when
    Throwable failure =
        catchThrowable(
            () ->
                start(
                        Map.of(
                            "croupier.tls-keystore",
                            keystore.toString(),
                            "croupier.tls-keystore-password",
                            "not-the-password"))
                    .close());

    // then
    String message = rootMessage(failure);
    assertThat(message).contains("CROUPIER_TLS_KEYSTORE").contains("password matches");
    assertThat(message).doesNotContain("not-the-password");
  }

  @Test
  void keystoreWithoutPasswordStopsStartUp() {
    // when
    Throwable failure =
        catchThrowable(() -> start(Map.of("croupier.tls-keystore", keystore.toString())).close());

    // then
    assertThat(rootMessage(failure))
        .contains("CROUPIER_TLS_KEYSTORE_PASSWORD")
        .contains("CROUPIER_TLS_KEYSTORE_PASSWORD_FILE");
  }

  @Test
  void missingKeystoreStopsStartUp() {
    // when
    Throwable failure =
        catchThrowable(
            () ->
                start(
                        Map.of(
                            "croupier.tls-keystore",
                            folder.resolve("missing.p12").toString(),
                            "croupier.tls-keystore-password",
                            PASSWORD))
                    .close());

    // then
    assertThat(rootMessage(failure)).contains("missing.p12").contains("does not exist");
  }

  @Test
  void keystoreAndPemTogetherStopStartUp() {
    // when
    Throwable failure =
        catchThrowable(
            () ->
                start(
                        Map.of(
                            "croupier.tls-keystore", keystore.toString(),
                            "croupier.tls-keystore-password", PASSWORD,
                            "croupier.tls-certificate", certificatePem.toString(),
                            "croupier.tls-private-key", privateKeyPem.toString()))
                    .close());

    // then
    assertThat(rootMessage(failure)).contains("not both");
  }

  @Test
  void certificateWithoutKeyStopsStartUp() {
    // when
    Throwable failure =
        catchThrowable(
            () -> start(Map.of("croupier.tls-certificate", certificatePem.toString())).close());

    // then
    assertThat(rootMessage(failure))
        .contains("CROUPIER_TLS_CERTIFICATE")
        .contains("CROUPIER_TLS_PRIVATE_KEY");
  }

  @Test
  void nonPemCertificateStopsStartUp() {
    // when
    Throwable failure =
        catchThrowable(
            () ->
                start(
                        Map.of(
                            "croupier.tls-certificate", keystore.toString(),
                            "croupier.tls-private-key", privateKeyPem.toString()))
                    .close());

    // then
    assertThat(rootMessage(failure)).contains("is not PEM");
  }
}
