package io.croupier.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.croupier.adapter.out.mongo.EmbeddedMongoStore;
import io.croupier.adapter.out.security.JwtTokenService;
import io.croupier.adapter.out.security.SigningKey;
import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.library.CroupierLibrary;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Start-up checks of the wiring, before the HTTP server listens. */
class StartupTest {

  @TempDir Path dataDir;

  @Test
  void externalStoreWithoutSecretStopsStartUp() {
    try (EmbeddedMongoStore external = EmbeddedMongoStore.start(dataDir.resolve("external"))) {
      // when
      Throwable failure =
          catchThrowable(
              () ->
                  ApplicationContext.run(
                          Map.of(
                              "croupier.mongodb-uri", external.connectionString(),
                              "croupier.data-dir", dataDir.resolve("unused").toString()))
                      .close());

      // then
      assertThat(rootCause(failure)).hasMessageContaining("CROUPIER_JWT_SECRET");
      assertThat(Files.exists(dataDir.resolve("unused"))).isFalse();
    }
  }

  @Test
  void shortSecretStopsStartUp() {
    // when
    Throwable failure =
        catchThrowable(
            () ->
                ApplicationContext.run(
                        Map.of(
                            "croupier.jwt-secret", "x".repeat(31),
                            "croupier.data-dir", dataDir.toString()))
                    .close());

    // then
    assertThat(rootCause(failure)).hasMessageContaining("31").hasMessageContaining("32");
    assertThat(rootCause(failure).getMessage()).doesNotContain("x".repeat(31));
  }

  @Test
  void embeddedStoreWithoutSecretGeneratesOne() {
    // when
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("croupier.data-dir", dataDir.toString()))) {

      // then
      assertThat(context.isRunning()).isTrue();
      assertThat(dataDir.resolve("jwt-secret")).exists();
    }
  }

  @Test
  void secretOfThirtyTwoBytesStartsServer() {
    // when
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "croupier.jwt-secret", "x".repeat(32),
                "croupier.data-dir", dataDir.toString()))) {

      // then
      assertThat(context.isRunning()).isTrue();
      assertThat(dataDir.resolve("jwt-secret")).doesNotExist();
    }
  }

  @Test
  void secretFileSignsTokens() throws IOException {
    // given
    String secret = "mounted-secret-file-of-more-than-32-bytes";
    Path secretFile = dataDir.resolve("mounted-secret");
    Files.writeString(secretFile, secret + "\n", StandardCharsets.UTF_8);

    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "croupier.jwt-secret-file", secretFile.toString(),
                "croupier.bcrypt-cost", 4,
                "croupier.data-dir", dataDir.resolve("store").toString()))) {
      CroupierLibrary library = context.getBean(CroupierLibrary.class);
      library
          .createOrganization()
          .create(CreateOrganizationCommand.of("mounted", "admin@mounted.example", "Sup3rSecret"));

      // when
      String token = library.logIn().logIn("admin@mounted.example", "Sup3rSecret").accessToken();

      // then
      JwtTokenService fileSecret =
          new JwtTokenService(SigningKey.fromText(secret), Clock.systemUTC());
      assertThat(fileSecret.verify(token).adminId()).isNotBlank();
      assertThat(dataDir.resolve("store").resolve("jwt-secret")).doesNotExist();
    }
  }

  @Test
  void shortSecretFileStopsStartUp() throws IOException {
    // given
    Path secretFile = dataDir.resolve("short-secret");
    Files.writeString(secretFile, "y".repeat(31), StandardCharsets.UTF_8);

    // when
    Throwable failure =
        catchThrowable(
            () ->
                ApplicationContext.run(
                        Map.of(
                            "croupier.jwt-secret-file", secretFile.toString(),
                            "croupier.data-dir", dataDir.toString()))
                    .close());

    // then
    assertThat(rootCause(failure))
        .hasMessageContaining("CROUPIER_JWT_SECRET_FILE")
        .hasMessageContaining("31 bytes");
    assertThat(rootCause(failure).getMessage()).doesNotContain("y".repeat(31));
  }

  @Test
  void missingSecretFileStopsStartUp() {
    // when
    Throwable failure =
        catchThrowable(
            () ->
                ApplicationContext.run(
                        Map.of(
                            "croupier.jwt-secret-file", dataDir.resolve("absent").toString(),
                            "croupier.data-dir", dataDir.toString()))
                    .close());

    // then
    assertThat(startupMessage(failure))
        .contains("CROUPIER_JWT_SECRET_FILE")
        .contains("does not exist");
  }

  @Test
  void secretAndSecretFileTogetherStopStartUp() throws IOException {
    // given
    Path secretFile = dataDir.resolve("secret");
    Files.writeString(secretFile, "z".repeat(40), StandardCharsets.UTF_8);

    // when
    Throwable failure =
        catchThrowable(
            () ->
                ApplicationContext.run(
                        Map.of(
                            "croupier.jwt-secret", "w".repeat(40),
                            "croupier.jwt-secret-file", secretFile.toString(),
                            "croupier.data-dir", dataDir.toString()))
                    .close());

    // then
    assertThat(startupMessage(failure)).contains("set only one of them");
  }

  @Test
  void shortPreviousSecretStopsStartUp() {
    // when
    Throwable failure =
        catchThrowable(
            () ->
                ApplicationContext.run(
                        Map.of(
                            "croupier.jwt-secret", "x".repeat(40),
                            "croupier.jwt-previous-secrets", "v".repeat(40) + ",short-previous",
                            "croupier.data-dir", dataDir.toString()))
                    .close());

    // then
    String message = startupMessage(failure);
    assertThat(message).contains("Entry 2 of CROUPIER_JWT_PREVIOUS_SECRETS").contains("14 bytes");
    assertThat(message).doesNotContain("short-previous");
  }

  @Test
  void shortLineOfPreviousFileStopsStartUp() throws IOException {
    // given
    Path previous = dataDir.resolve("previous");
    Files.writeString(previous, "u".repeat(40) + "\nshort-previous\n", StandardCharsets.UTF_8);

    // when
    Throwable failure =
        catchThrowable(
            () ->
                ApplicationContext.run(
                        Map.of(
                            "croupier.jwt-secret", "x".repeat(40),
                            "croupier.jwt-previous-secrets-file", previous.toString(),
                            "croupier.data-dir", dataDir.toString()))
                    .close());

    // then
    String message = startupMessage(failure);
    assertThat(message).contains("Line 2").contains("CROUPIER_JWT_PREVIOUS_SECRETS_FILE");
    assertThat(message).doesNotContain("short-previous");
  }

  @ParameterizedTest
  @CsvSource({
    "croupier.refresh-token-ttl, soon, CROUPIER_REFRESH_TOKEN_TTL",
    "croupier.audit-retention, 0, CROUPIER_AUDIT_RETENTION",
    "croupier.login-account-failures, 0, CROUPIER_LOGIN_ACCOUNT_FAILURES",
    "croupier.login-account-window, -1, CROUPIER_LOGIN_ACCOUNT_WINDOW",
    "croupier.login-address-failures, many, CROUPIER_LOGIN_ADDRESS_FAILURES",
    "croupier.login-address-window, 1.5, CROUPIER_LOGIN_ADDRESS_WINDOW",
    "croupier.trusted-proxies, proxy.example, CROUPIER_TRUSTED_PROXIES",
    "croupier.store-timeout, 0, CROUPIER_STORE_TIMEOUT",
    "croupier.shutdown-grace-period, soon, CROUPIER_SHUTDOWN_GRACE_PERIOD"
  })
  void invalidSettingStopsStartUp(String property, String value, String variable) {
    // when
    Throwable failure =
        catchThrowable(
            () ->
                ApplicationContext.run(
                        Map.of(
                            property,
                            value,
                            "croupier.jwt-secret",
                            "x".repeat(40),
                            "croupier.data-dir",
                            dataDir.toString()))
                    .close());

    // then
    assertThat(startupMessage(failure)).contains(variable).contains(value);
  }

  /** Returns the message that {@code croupier serve} prints when start-up fails this way. */
  private static String startupMessage(Throwable failure) {
    assertThat(failure).as("start-up failure").isNotNull();
    return ServeCommand.startupFailure((RuntimeException) failure).getMessage();
  }

  private static Throwable rootCause(Throwable failure) {
    assertThat(failure).isNotNull();
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
