package io.croupier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantDocumentTest {

  private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant LATER = Instant.parse("2025-01-02T00:00:00Z");
  private static final DocumentBody BODY = DocumentBody.of(Map.of("a", 1));

  @Test
  void acceptsIdOfMaximumLength() {
    // given
    String id = "a".repeat(TenantDocument.MAX_ID_LENGTH);

    // when / then
    assertThat(TenantDocument.checkId(id)).isEqualTo(id);
  }

  @Test
  void rejectsIdOneCharacterTooLong() {
    // given
    String id = "a".repeat(TenantDocument.MAX_ID_LENGTH + 1);

    // when
    InvalidField error =
        assertThatExceptionOfType(InvalidField.class)
            .isThrownBy(() -> TenantDocument.checkId(id))
            .actual();

    // then
    assertThat(error.field()).isEqualTo("id");
    assertThat(error.getMessage()).contains("1 to 64 characters");
  }

  @Test
  void acceptsIdOfOneCharacter() {
    // when / then
    assertThat(TenantDocument.checkId("7")).isEqualTo("7");
  }

  @Test
  void rejectsEmptyId() {
    // when / then
    assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> TenantDocument.checkId(""));
  }

  @Test
  void rejectsNullId() {
    // when / then
    assertThatExceptionOfType(NullPointerException.class)
        .isThrownBy(() -> TenantDocument.checkId(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a-b", "a_b", "-", "_", "AZaz09", "3f2b8c1e-0d4a-4c1b-9b7e-2f5d6a7b8c9d"})
  void acceptsAllowedCharacters(String id) {
    // when / then
    assertThat(TenantDocument.checkId(id)).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"é", "a.b", "a b", "a/b", "a:b", "a$", "ａ", "a\0", "a\n", "١"})
  void rejectsOtherCharacters(String id) {
    // when / then
    assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> TenantDocument.checkId(id));
  }

  @Test
  void constructorRejectsInvalidId() {
    // when / then
    assertThatExceptionOfType(InvalidField.class)
        .isThrownBy(() -> new TenantDocument("a b", CREATED, CREATED, BODY));
  }

  @Test
  void replacementKeepsIdAndCreationTime() {
    // given
    TenantDocument document = new TenantDocument("doc-1", CREATED, CREATED, BODY);
    DocumentBody newBody = DocumentBody.of(Map.of("a", 2));

    // when
    TenantDocument replaced = document.replacedBy(newBody, LATER);

    // then
    assertThat(replaced.id()).isEqualTo("doc-1");
    assertThat(replaced.createdAt()).isEqualTo(CREATED);
    assertThat(replaced.updatedAt()).isEqualTo(LATER);
    assertThat(replaced.body()).isEqualTo(newBody);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"})
  void acceptsTimesAtEdgesOfFourDigitYears(String time) {
    // given
    Instant instant = Instant.parse(time);

    // when
    TenantDocument document = new TenantDocument("a", instant, instant, BODY);

    // then
    assertThat(document.createdAt()).isEqualTo(instant);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59.999999999Z"})
  void rejectsCreationTimeJustOutsideFourDigitYears(String time) {
    // given
    Instant instant = Instant.parse(time);

    // when
    InvalidField error =
        assertThatExceptionOfType(InvalidField.class)
            .isThrownBy(() -> new TenantDocument("a", instant, LATER, BODY))
            .actual();

    // then
    assertThat(error.field()).isEqualTo("created_at");
    assertThat(error.getMessage())
        .isEqualTo(
            "Time "
                + time
                + " is outside the range from 0000-01-01T00:00:00Z to"
                + " 9999-12-31T23:59:59.999999999Z that ISO-8601 writes with a 4-digit year; use a time"
                + " in that range");
  }

  @Test
  void rejectsUpdateTimeOfFarFuture() {
    // given: the largest Instant, past the millisecond range of a BSON date
    Instant far = Instant.MAX;

    // when
    InvalidField error =
        assertThatExceptionOfType(InvalidField.class)
            .isThrownBy(() -> new TenantDocument("a", CREATED, far, BODY))
            .actual();

    // then
    assertThat(error.field()).isEqualTo("updated_at");
  }
}
