package io.croupier.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.croupier.domain.LoginLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CroupierSettingsTest {

  @ParameterizedTest
  @CsvSource({
    "60, PT60M",
    "1, PT1M",
    "90s, PT90S",
    "2h, PT2H",
    "15 minutes, PT15M",
    "PT2H, PT2H",
    "pt30m, PT30M"
  })
  void readsTokenLifetime(String raw, String expected) {
    assertThat(CroupierSettings.parseTtl(raw)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0s", "-5", "PT0S", "PT-1M", "soon", "5 days", "1.5"})
  void rejectsInvalidTokenLifetime(String raw) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CroupierSettings.parseTtl(raw))
        .withMessageContaining("CROUPIER_TOKEN_TTL")
        .withMessageContaining(raw);
  }

  @Test
  void defaultsToSixtyMinutes() {
    assertThat(new CroupierSettings().tokenTtl()).isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void defaultsToEmbeddedStoreAndCostTwelve() {
    // given
    CroupierSettings settings = new CroupierSettings();

    // then
    assertThat(settings.mongodbUri()).isEmpty();
    assertThat(settings.bcryptCost()).isEqualTo(12);
    assertThat(settings.dataDir().getFileName().toString()).isEqualTo("croupier-data");
  }

  @Test
  void treatsBlankConnectionStringAsUnset() {
    // given
    CroupierSettings settings = new CroupierSettings();

    // when
    settings.setMongodbUri("  ");

    // then
    assertThat(settings.mongodbUri()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "14, P14D",
    "1, P1D",
    "12h, PT12H",
    "90s, PT90S",
    "7d, P7D",
    "3 days, P3D",
    "P2D, P2D"
  })
  void readsRefreshTokenLifetimeInDays(String raw, String expected) {
    // given
    CroupierSettings settings = new CroupierSettings();

    // when
    settings.setRefreshTokenTtl(raw);

    // then
    assertThat(settings.refreshTokenTtl()).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0d", "-1", "P0D", "forever", "1.5d"})
  void rejectsInvalidRefreshTokenLifetime(String raw) {
    // given
    CroupierSettings settings = new CroupierSettings();
    settings.setRefreshTokenTtl(raw);

    // when / then
    assertThatIllegalArgumentException()
        .isThrownBy(settings::refreshTokenTtl)
        .withMessageContaining("CROUPIER_REFRESH_TOKEN_TTL")
        .withMessageContaining(raw);
  }

  @Test
  void defaultsToFourteenDaysOfSession() {
    assertThat(new CroupierSettings().refreshTokenTtl()).isEqualTo(Duration.ofDays(14));
  }

  @Test
  void defaultsToOneYearOfAudit() {
    assertThat(new CroupierSettings().auditRetention()).isEqualTo(Duration.ofDays(365));
  }

  @Test
  void readsAuditRetentionInDays() {
    // given
    CroupierSettings settings = new CroupierSettings();

    // when
    settings.setAuditRetention("30");

    // then
    assertThat(settings.auditRetention()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void rejectsDaysInTokenLifetime() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CroupierSettings.parseTtl("2d"))
        .withMessageContaining("CROUPIER_TOKEN_TTL");
  }

  @Test
  void defaultsToDocumentedLoginLimits() {
    // when
    LoginLimits limits = new CroupierSettings().loginLimits();

    // then
    assertThat(limits.accountFailures()).isEqualTo(5);
    assertThat(limits.accountWindow()).isEqualTo(Duration.ofMinutes(15));
    assertThat(limits.addressFailures()).isEqualTo(30);
    assertThat(limits.addressWindow()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void readsLoginWindowsInMinutes() {
    // given
    CroupierSettings settings = new CroupierSettings();

    // when
    settings.setLoginAccountWindow("30");
    settings.setLoginAddressWindow("90s");

    // then
    assertThat(settings.loginLimits().accountWindow()).isEqualTo(Duration.ofMinutes(30));
    assertThat(settings.loginLimits().addressWindow()).isEqualTo(Duration.ofSeconds(90));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "1000000"})
  void acceptsFailureCountsAtEdges(String raw) {
    // given
    CroupierSettings settings = new CroupierSettings();

    // when
    settings.setLoginAccountFailures(raw);
    settings.setLoginAddressFailures(raw);

    // then
    assertThat(settings.loginLimits().accountFailures()).isEqualTo(Integer.parseInt(raw));
    assertThat(settings.loginLimits().addressFailures()).isEqualTo(Integer.parseInt(raw));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1000001", "-3", "five", "2.5"})
  void rejectsFailureCountsOutsideEdges(String raw) {
    // given
    CroupierSettings settings = new CroupierSettings();
    settings.setLoginAccountFailures(raw);

    // when / then
    assertThatIllegalArgumentException()
        .isThrownBy(settings::loginLimits)
        .withMessageContaining("CROUPIER_LOGIN_ACCOUNT_FAILURES")
        .withMessageContaining(raw);
  }

  @Test
  void readsEverySecuritySettingFromEnvironment() {
    // when
    CroupierSettings settings =
        CroupierSettings.fromEnvironment(
            Map.of(
                "CROUPIER_JWT_PREVIOUS_SECRETS", "first,second",
                "CROUPIER_JWT_PREVIOUS_SECRETS_FILE", "/run/secrets/previous",
                "CROUPIER_REFRESH_TOKEN_TTL", "3",
                "CROUPIER_AUDIT_RETENTION", "90",
                "CROUPIER_LOGIN_ACCOUNT_FAILURES", "7",
                "CROUPIER_LOGIN_ACCOUNT_WINDOW", "20",
                "CROUPIER_LOGIN_ADDRESS_FAILURES", "50",
                "CROUPIER_LOGIN_ADDRESS_WINDOW", "2"));

    // then
    assertThat(settings.jwtPreviousSecrets()).contains("first,second");
    assertThat(settings.jwtPreviousSecretsFile()).contains(Path.of("/run/secrets/previous"));
    assertThat(settings.refreshTokenTtl()).isEqualTo(Duration.ofDays(3));
    assertThat(settings.auditRetention()).isEqualTo(Duration.ofDays(90));
    assertThat(settings.loginLimits())
        .isEqualTo(new LoginLimits(7, Duration.ofMinutes(20), 50, Duration.ofMinutes(2)));
  }

  @ParameterizedTest
  @CsvSource({"1, PT1S", "5, PT5S", "30s, PT30S", "2m, PT2M", "PT0.5S, PT0.5S"})
  void readsStoreTimeoutInSeconds(String raw, String expected) {
    assertThat(CroupierSettings.parseStoreTimeout(raw)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0s", "-1", "PT0S", "soon", "1d", "1.5"})
  void rejectsInvalidStoreTimeout(String raw) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CroupierSettings.parseStoreTimeout(raw))
        .withMessageContaining("CROUPIER_STORE_TIMEOUT")
        .withMessageContaining(raw);
  }

  @Test
  void defaultsToStoreTimeoutOfFiveSeconds() {
    assertThat(new CroupierSettings().storeTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void readsStoreTimeoutFromEnvironment() {
    // when
    CroupierSettings settings =
        CroupierSettings.fromEnvironment(Map.of("CROUPIER_STORE_TIMEOUT", "2"));

    // then
    assertThat(settings.storeTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @ParameterizedTest
  @CsvSource({"1, PT1S", "20, PT20S", "45s, PT45S", "1m, PT1M"})
  void readsShutdownGracePeriodInSeconds(String raw, String expected) {
    assertThat(CroupierSettings.parseShutdownGracePeriod(raw)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "PT0S", "later", "1d"})
  void rejectsInvalidShutdownGracePeriod(String raw) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CroupierSettings.parseShutdownGracePeriod(raw))
        .withMessageContaining("CROUPIER_SHUTDOWN_GRACE_PERIOD")
        .withMessageContaining(raw);
  }

  @Test
  void defaultsToShutdownGracePeriodOfTwentySeconds() {
    assertThat(new CroupierSettings().shutdownGracePeriod()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void trustsNoProxyByDefault() {
    assertThat(new CroupierSettings().trustedProxies().isEmpty()).isTrue();
  }

  @Test
  void tlsIsOffByDefault() {
    assertThat(new CroupierSettings().tls().isConfigured()).isFalse();
  }

  @Test
  void tlsSettingsHidePassword() {
    // given
    CroupierSettings settings = new CroupierSettings();
    settings.setTlsKeystore("/etc/croupier/server.p12");
    settings.setTlsKeystorePassword("keystore-secret");

    // when
    String text = settings.tls().toString();

    // then
    assertThat(text).contains("/etc/croupier/server.p12");
    assertThat(text).doesNotContain("keystore-secret");
  }
}
