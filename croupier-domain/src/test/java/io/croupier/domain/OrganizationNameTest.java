package io.croupier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationNameTest {

  @Test
  void trimsSurroundingWhitespace() {
    // when
    OrganizationName name = OrganizationName.of(" \t acme \n");

    // then
    assertThat(name.value()).isEqualTo("acme");
  }

  @Test
  void foldsFullWidthLettersWithNfkc() {
    // when
    OrganizationName name = OrganizationName.of("\uFF21cme");

    // then
    assertThat(name.value()).isEqualTo("acme");
  }

  @Test
  void trimsFullWidthSpace() {
    // when
    OrganizationName name = OrganizationName.of("\u3000acme\u3000");

    // then
    assertThat(name.value()).isEqualTo("acme");
  }

  @Test
  void lowerCasesLetters() {
    // when
    OrganizationName name = OrganizationName.of("AcMe-Corp");

    // then
    assertThat(name.value()).isEqualTo("acme-corp");
  }

  @Test
  void lowerCasesCapitalIUnderTurkishLocale() {
    // given
    Locale previous = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));

    // when
    OrganizationName name;
    try {
      name = OrganizationName.of("ISTANBUL");
    } finally {
      Locale.setDefault(previous);
    }

    // then
    assertThat(name.value()).isEqualTo("istanbul");
  }

  @Test
  void equalsAfterNormalization() {
    // when
    OrganizationName plain = OrganizationName.of("acme");
    OrganizationName spelledOtherwise = OrganizationName.of(" \uFF21CME ");

    // then
    assertThat(spelledOtherwise).isEqualTo(plain);
  }

  @Test
  void acceptsThreeCharacters() {
    // when
    OrganizationName name = OrganizationName.of("abc");

    // then
    assertThat(name.value()).isEqualTo("abc");
  }

  @Test
  void rejectsTwoCharacters() {
    // when
    InvalidField error = invalidField(() -> OrganizationName.of("ab"));

    // then
    assertThat(error.field()).isEqualTo("organization_name");
    assertThat(error.getMessage()).contains("'ab'");
    assertThat(error.getMessage()).contains("has 2 characters");
    assertThat(error.getMessage()).contains("use 3 to 50");
  }

  @Test
  void countsLengthAfterTrimming() {
    // when
    InvalidField error = invalidField(() -> OrganizationName.of("  ab  "));

    // then
    assertThat(error.getMessage()).contains("has 2 characters");
  }

  @Test
  void acceptsFiftyCharacters() {
    // given
    String fifty = "a".repeat(50);

    // when
    OrganizationName name = OrganizationName.of(fifty);

    // then
    assertThat(name.value()).isEqualTo(fifty);
  }

  @Test
  void rejectsFiftyOneCharacters() {
    // given
    String fiftyOne = "a".repeat(51);

    // when
    InvalidField error = invalidField(() -> OrganizationName.of(fiftyOne));

    // then
    assertThat(error.field()).isEqualTo("organization_name");
    assertThat(error.getMessage()).contains("'" + fiftyOne + "'");
    assertThat(error.getMessage()).contains("has 51 characters");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"abcdefghijklmnopqrstuvwxyz", "0123456789", "a_b-c", "9lives", "acme-", "acme_"})
  void acceptsAllowedCharacters(String raw) {
    // when
    OrganizationName name = OrganizationName.of(raw);

    // then
    assertThat(name.value()).isEqualTo(raw);
  }

  @ParameterizedTest
  @ValueSource(strings = {"_acme", "-acme"})
  void rejectsLeadingUnderscoreOrHyphen(String raw) {
    // when
    InvalidField error = invalidField(() -> OrganizationName.of(raw));

    // then
    assertThat(error.field()).isEqualTo("organization_name");
    assertThat(error.getMessage()).contains("starting with a letter or digit");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ac$me", "$where", "ac.me", "ac me", "ac/me", "ac\\me", "acm\u00e9", "ac\u0000me"})
  void rejectsCharactersOutsideAllowedSet(String raw) {
    // when
    InvalidField error = invalidField(() -> OrganizationName.of(raw));

    // then
    assertThat(error.field()).isEqualTo("organization_name");
    assertThat(error.getMessage()).contains("'" + raw + "'");
    assertThat(error.getMessage()).contains("use only a-z, 0-9, '_' and '-'");
  }

  @Test
  void rejectsNull() {
    // when
    InvalidField error = invalidField(() -> OrganizationName.of(null));

    // then
    assertThat(error.field()).isEqualTo("organization_name");
    assertThat(error.getMessage()).contains("missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\u3000"})
  void rejectsEmptyOrBlank(String raw) {
    // when
    InvalidField error = invalidField(() -> OrganizationName.of(raw));

    // then
    assertThat(error.field()).isEqualTo("organization_name");
    assertThat(error.getMessage()).contains("missing");
  }

  @Test
  void constructorRejectsUnnormalizedValue() {
    // when
    InvalidField error = invalidField(() -> new OrganizationName("Acme"));

    // then
    assertThat(error.field()).isEqualTo("organization_name");
  }

  @Test
  void normalizeKeepsNull() {
    // when
    String normalized = OrganizationName.normalize(null);

    // then
    assertThat(normalized).isNull();
  }

  @Test
  void normalizeDoesNotValidate() {
    // when
    String normalized = OrganizationName.normalize(" A$ ");

    // then
    assertThat(normalized).isEqualTo("a$");
  }

  @Test
  void printsAsItsValue() {
    // when
    String printed = OrganizationName.of("Acme").toString();

    // then
    assertThat(printed).isEqualTo("acme");
  }

  private static InvalidField invalidField(ThrowingCallable call) {
    return assertThatExceptionOfType(InvalidField.class).isThrownBy(call).actual();
  }
}
