package io.croupier.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
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
}
