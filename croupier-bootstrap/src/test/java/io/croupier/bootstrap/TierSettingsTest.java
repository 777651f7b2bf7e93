package io.croupier.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.croupier.domain.TenantTier;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TierSettingsTest {

  private static CroupierSettings settings(Map<String, String> environment) {
    return CroupierSettings.fromEnvironment(environment);
  }

  @Test
  void defaultTierIsCollection() {
    assertThat(settings(Map.of()).defaultTier()).isEqualTo(TenantTier.COLLECTION);
  }

  @Test
  void defaultTierReadsAnyCase() {
    assertThat(settings(Map.of("CROUPIER_DEFAULT_TIER", " Shared ")).defaultTier())
        .isEqualTo(TenantTier.SHARED);
  }

  @Test
  void unknownDefaultTierNamesTheSetting() {
    CroupierSettings settings = settings(Map.of("CROUPIER_DEFAULT_TIER", "sharded"));

    assertThatIllegalArgumentException()
        .isThrownBy(settings::defaultTier)
        .withMessageContaining("CROUPIER_DEFAULT_TIER")
        .withMessageContaining("shared, collection, database");
  }

  @Test
  void moveSettleDefaultsToTwoSeconds() {
    assertThat(settings(Map.of()).moveSettle()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void moveSettleBareNumberIsSeconds() {
    assertThat(settings(Map.of("CROUPIER_MOVE_SETTLE", "1")).moveSettle())
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void zeroMoveSettleIsRejected() {
    CroupierSettings settings = settings(Map.of("CROUPIER_MOVE_SETTLE", "0"));

    assertThatIllegalArgumentException()
        .isThrownBy(settings::moveSettle)
        .withMessageContaining("CROUPIER_MOVE_SETTLE");
  }

  @Test
  void recoveryDelayIsZeroOnEmbeddedStore() {
    assertThat(settings(Map.of()).recoveryDelay()).isZero();
  }

  @Test
  void recoveryDelayIsThirtySecondsOnMongoDb() {
    CroupierSettings settings =
        settings(Map.of("CROUPIER_MONGODB_URI", "mongodb://127.0.0.1:27017/croupier"));

    assertThat(settings.recoveryDelay()).isEqualTo(Duration.ofSeconds(30));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0s", "00", "0m"})
  void recoveryDelayAcceptsZero(String value) {
    assertThat(settings(Map.of("CROUPIER_RECOVERY_DELAY", value)).recoveryDelay()).isZero();
  }

  @Test
  void recoveryDelayOfOneSecond() {
    assertThat(settings(Map.of("CROUPIER_RECOVERY_DELAY", "1")).recoveryDelay())
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void negativeRecoveryDelayIsRejected() {
    CroupierSettings settings = settings(Map.of("CROUPIER_RECOVERY_DELAY", "-1"));

    assertThatIllegalArgumentException()
        .isThrownBy(settings::recoveryDelay)
        .withMessageContaining("CROUPIER_RECOVERY_DELAY");
  }
}
