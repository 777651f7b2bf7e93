package io.croupier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordTest {

  private static final String E_ACUTE = "\u00e9";
  private static final String E_ACUTE_DECOMPOSED = "e\u0301";
  private static final String GRINNING_FACE = "\uD83D\uDE00";

  @Test
  void acceptsEightCharacters() {
    // when
    Password password = Password.of("Abcdef12");

    // then
    assertThat(password.reveal()).isEqualTo("Abcdef12");
  }

  @Test
  void rejectsSevenCharacters() {
    // when
    InvalidField error = invalidField(() -> Password.of("Abcde12"));

    // then
    assertThat(error.field()).isEqualTo("password");
    assertThat(error.getMessage()).contains("has 7 characters");
    assertThat(error.getMessage()).contains("use at least 8");
  }

  @Test
  void countsCharactersNotUtf16Units() {
    // given seven characters, one of them outside the Basic Multilingual Plane
    String raw = "Abcde1" + GRINNING_FACE;

    // when
    InvalidField error = invalidField(() -> Password.of(raw));

    // then
    assertThat(error.getMessage()).contains("has 7 characters");
  }

  @Test
  void rejectsMissingUpperCaseLetter() {
    // when
    InvalidField error = invalidField(() -> Password.of("abcdef12"));

    // then
    assertThat(error.field()).isEqualTo("password");
    assertThat(error.getMessage()).contains("needs an upper-case letter");
  }

  @Test
  void rejectsMissingLowerCaseLetter() {
    // when
    InvalidField error = invalidField(() -> Password.of("ABCDEF12"));

    // then
    assertThat(error.field()).isEqualTo("password");
    assertThat(error.getMessage()).contains("a lower-case letter");
  }

  @Test
  void rejectsMissingDigit() {
    // when
    InvalidField error = invalidField(() -> Password.of("Abcdefgh"));

    // then
    assertThat(error.field()).isEqualTo("password");
    assertThat(error.getMessage()).contains("and a digit");
  }

  @Test
  void accepts72AsciiBytes() {
    // given
    String raw = "Aa1" + "x".repeat(69);

    // when
    Password password = Password.of(raw);

    // then
    assertThat(password.byteLength()).isEqualTo(72);
  }

  @Test
  void rejects73AsciiBytes() {
    // given
    String raw = "Aa1" + "x".repeat(70);

    // when
    InvalidField error = invalidField(() -> Password.of(raw));

    // then
    assertThat(error.field()).isEqualTo("password");
    assertThat(error.getMessage()).contains("is 73 bytes in UTF-8");
    assertThat(error.getMessage()).contains("use at most 72");
    assertThat(error.getMessage()).doesNotContain(raw);
  }

  @Test
  void accepts72BytesOfTwoByteCharacters() {
    // given 38 characters: 3 + 34 * 2 + 1 = 72 bytes
    String raw = "Aa1" + E_ACUTE.repeat(34) + "x";

    // when
    Password password = Password.of(raw);

    // then
    assertThat(password.byteLength()).isEqualTo(72);
  }

  @Test
  void rejects73BytesOfTwoByteCharacters() {
    // given 39 characters: 3 + 34 * 2 + 2 = 73 bytes
    String raw = "Aa1" + E_ACUTE.repeat(34) + "xy";

    // when
    InvalidField error = invalidField(() -> Password.of(raw));

    // then
    assertThat(error.getMessage()).contains("is 73 bytes in UTF-8");
  }

  @Test
  void accepts72BytesWithEmoji() {
    // given 3 + 17 * 4 + 1 = 72 bytes in 21 characters
    String raw = "Aa1" + GRINNING_FACE.repeat(17) + "x";

    // when
    Password password = Password.of(raw);

    // then
    assertThat(password.byteLength()).isEqualTo(72);
  }

  @Test
  void rejects73BytesWithEmoji() {
    // given 3 + 17 * 4 + 2 = 73 bytes in 22 characters
    String raw = "Aa1" + GRINNING_FACE.repeat(17) + "xy";

    // when
    InvalidField error = invalidField(() -> Password.of(raw));

    // then
    assertThat(error.getMessage()).contains("is 73 bytes in UTF-8");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Abc\tdef12", "Abc\u0000def12", "Abc\u007Fdef12", "Abcdef12\n"})
  void rejectsControlCharacters(String raw) {
    // when
    InvalidField error = invalidField(() -> Password.of(raw));

    // then
    assertThat(error.field()).isEqualTo("password");
    assertThat(error.getMessage()).contains("control character");
  }

  @Test
  void rejectsNull() {
    // when
    InvalidField error = invalidField(() -> Password.of(null));

    // then
    assertThat(error.field()).isEqualTo("password");
    assertThat(error.getMessage()).contains("missing");
  }

  @Test
  void rejectsEmpty() {
    // when
    InvalidField error = invalidField(() -> Password.of(""));

    // then
    assertThat(error.field()).isEqualTo("password");
  }

  @Test
  void normalizesDecomposedCharactersToNfc() {
    // when
    Password decomposed = Password.of("Caf" + E_ACUTE_DECOMPOSED + "1234");
    Password composed = Password.of("Caf" + E_ACUTE + "1234");

    // then
    assertThat(decomposed.reveal()).isEqualTo(composed.reveal());
  }

  @Test
  void countsBytesAfterNormalization() {
    // given 74 bytes as typed, 72 after the decomposed characters are composed
    String raw = "Aa1" + E_ACUTE_DECOMPOSED.repeat(2) + "x".repeat(65);
    assertThat(raw.getBytes(StandardCharsets.UTF_8)).hasSize(74);

    // when
    Password password = Password.of(raw);

    // then
    assertThat(password.byteLength()).isEqualTo(72);
  }

  @Test
  void candidateNormalizesWithoutPolicy() {
    // when
    Password candidate = Password.candidate("caf" + E_ACUTE_DECOMPOSED);

    // then
    assertThat(candidate.reveal()).isEqualTo("caf" + E_ACUTE);
  }

  @Test
  void candidateTurnsNullIntoEmpty() {
    // when
    Password candidate = Password.candidate(null);

    // then
    assertThat(candidate.reveal()).isEmpty();
  }

  @Test
  void toStringHidesValue() {
    // given
    Password password = Password.of("Secret123");

    // when
    String printed = password.toString();

    // then
    assertThat(printed).doesNotContain("Secret123");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Abc\tdef12", "Abcde12", "abcdefg1", "Abcdefgh"})
  void messagesNeverShowValue(String raw) {
    // when
    InvalidField error = invalidField(() -> Password.of(raw));

    // then
    assertThat(error.getMessage()).doesNotContain(raw);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Passw0rd\ud800", "Passw0rd\udbff", "\udc00Passw0rd"})
  void rejectsLoneSurrogate(String raw) {
    // when
    InvalidField error = invalidField(() -> Password.of(raw));

    // then
    assertThat(error.field()).isEqualTo("password");
    assertThat(error.getMessage()).contains("surrogate");
  }

  @Test
  void acceptsSurrogatePair() {
    // when
    Password password = Password.of("Passw0rd" + GRINNING_FACE);

    // then
    assertThat(password.reveal()).endsWith(GRINNING_FACE);
  }

  @Test
  void candidateNeverTurnsLoneSurrogateIntoQuestionMark() {
    // when
    Password candidate = Password.candidate("Passw0rd\udbff");

    // then
    assertThat(candidate.reveal()).isEqualTo("Passw0rd\ufffd");
    assertThat(candidate.reveal()).isNotEqualTo(Password.of("Passw0rd?").reveal());
  }

  private static InvalidField invalidField(ThrowingCallable call) {
    return assertThatExceptionOfType(InvalidField.class).isThrownBy(call).actual();
  }
}
