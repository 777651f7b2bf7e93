package io.croupier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantTierTest {

  @ParameterizedTest
  @CsvSource({
    "shared, SHARED",
    "collection, COLLECTION",
    "database, DATABASE",
    "SHARED, SHARED",
    "Database, DATABASE",
    "cOLLECTION, COLLECTION"
  })
  void findsTierIgnoringCase(String name, TenantTier expected) {
    // when / then
    assertThat(TenantTier.of(name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {" shared", "database ", "\tcollection\n", "\u2003shared\u2003"})
  void findsTierIgnoringSurroundingBlanks(String name) {
    // when / then
    assertThat(TenantTier.of(name)).isNotNull();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "dedicated", "share", "shared d", "s hared"})
  void rejectsUnknownTier(String name) {
    // when
    InvalidField error =
        assertThatExceptionOfType(InvalidField.class)
            .isThrownBy(() -> TenantTier.of(name))
            .actual();

    // then
    assertThat(error.field()).isEqualTo("tier");
    assertThat(error.getMessage()).contains("use one of shared, collection, database");
  }

  @Test
  void rejectionNamesTheValue() {
    // when
    InvalidField error =
        assertThatExceptionOfType(InvalidField.class)
            .isThrownBy(() -> TenantTier.of("dedicated"))
            .actual();

    // then
    assertThat(error.getMessage()).contains("'dedicated' is unknown");
  }

  @Test
  void writesLowerCaseValue() {
    // when / then
    assertThat(TenantTier.DATABASE.value()).isEqualTo("database");
    assertThat(TenantTier.SHARED.toString()).isEqualTo("shared");
  }
}
