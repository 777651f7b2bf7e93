package io.croupier.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code CROUPIER_LOG_FORMAT}, which selects the log format before logging starts. */
class LogFormatTest {

  @AfterEach
  void clearProperty() {
    System.clearProperty(Croupier.LOG_FORMAT_PROPERTY);
  }

  @ParameterizedTest
  @CsvSource({"json, json", "JSON, json", " Json , json", "text, text", "TEXT, text"})
  void selectsFormatInAnyLetterCase(String value, String format) {
    // when
    var invalid = Croupier.configureLogFormat(Map.of(Croupier.LOG_FORMAT_VARIABLE, value));

    // then
    assertThat(invalid).isEmpty();
    assertThat(System.getProperty(Croupier.LOG_FORMAT_PROPERTY)).isEqualTo(format);
  }

  @Test
  void leavesTextDefaultWhenUnset() {
    // when
    var invalid = Croupier.configureLogFormat(Map.of());

    // then
    assertThat(invalid).isEmpty();
    assertThat(System.getProperty(Croupier.LOG_FORMAT_PROPERTY)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"xml", "jsonl", "js", "text json", "logstash"})
  void returnsInvalidFormatAndKeepsText(String value) {
    // when
    var invalid = Croupier.configureLogFormat(Map.of(Croupier.LOG_FORMAT_VARIABLE, value));

    // then
    assertThat(invalid).hasValue(value);
    assertThat(System.getProperty(Croupier.LOG_FORMAT_PROPERTY)).isNull();
  }
}
