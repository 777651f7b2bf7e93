package io.croupier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

  /** Builds an address of exactly {@code length} characters from maximal domain labels. */
  private static String emailOfLength(int length) {
    String local = "a".repeat(64);
    String fixedDomain = "b".repeat(63) + "." + "c".repeat(63) + ".";
    int lastLabel = length - local.length() - 1 - fixedDomain.length();
    return local + "@" + fixedDomain + "d".repeat(lastLabel);
  }

  @Test
  void trimsAndLowerCases() {
    // when
    EmailAddress email = EmailAddress.of("  Admin@Example.COM\t");

    // then
    assertThat(email.value()).isEqualTo("admin@example.com");
  }

  @Test
  void lowerCasesCapitalIUnderTurkishLocale() {
    // given
    Locale previous = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));

    // when
    EmailAddress email;
    try {
      email = EmailAddress.of("ADMIN@IBM.IO");
    } finally {
      Locale.setDefault(previous);
    }

    // then
    assertThat(email.value()).isEqualTo("admin@ibm.io");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"admin@example.com", "first.last+tag@mail.example.org", "a@b.co", "x_y@sub-1.io"})
  void acceptsCommonAddresses(String raw) {
    // when
    EmailAddress email = EmailAddress.of(raw);

    // then
    assertThat(email.value()).isEqualTo(raw);
  }

  @Test
  void rejectsNull() {
    // when
    InvalidField error = invalidField(() -> EmailAddress.of(null));

    // then
    assertThat(error.field()).isEqualTo("email");
    assertThat(error.getMessage()).contains("missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t\n"})
  void rejectsBlank(String raw) {
    // when
    InvalidField error = invalidField(() -> EmailAddress.of(raw));

    // then
    assertThat(error.field()).isEqualTo("email");
    assertThat(error.getMessage()).contains("missing");
  }

  @Test
  void rejectsMissingAtSign() {
    // when
    InvalidField error = invalidField(() -> EmailAddress.of("admin.example.com"));

    // then
    assertThat(error.field()).isEqualTo("email");
    assertThat(error.getMessage()).contains("'admin.example.com'");
    assertThat(error.getMessage()).contains("send an address such as admin@example.com");
  }

  @Test
  void rejectsDomainWithoutDot() {
    // when
    InvalidField error = invalidField(() -> EmailAddress.of("admin@localhost"));

    // then
    assertThat(error.field()).isEqualTo("email");
    assertThat(error.getMessage()).contains("'admin@localhost'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ad min@example.com",
        "admin@exa mple.com",
        "admin@@example.com",
        "@example.com",
        "admin@",
        "admin@.example.com",
        "admin@example..com",
        "\"admin\"@example.com",
        "admin@-example.com"
      })
  void rejectsMalformedAddresses(String raw) {
    // when
    InvalidField error = invalidField(() -> EmailAddress.of(raw));

    // then
    assertThat(error.field()).isEqualTo("email");
    assertThat(error.getMessage()).contains("is invalid");
  }

  @Test
  void accepts254Characters() {
    // given
    String raw = emailOfLength(254);

    // when
    EmailAddress email = EmailAddress.of(raw);

    // then
    assertThat(email.value()).hasSize(254);
  }

  @Test
  void rejects255Characters() {
    // given
    String raw = emailOfLength(255);

    // when
    InvalidField error = invalidField(() -> EmailAddress.of(raw));

    // then
    assertThat(error.field()).isEqualTo("email");
    assertThat(error.getMessage()).contains("'" + raw + "'");
    assertThat(error.getMessage()).contains("has 255 characters");
    assertThat(error.getMessage()).contains("use at most 254");
  }

  @Test
  void constructorRejectsUnnormalizedValue() {
    // when
    InvalidField error = invalidField(() -> new EmailAddress("Admin@example.com"));

    // then
    assertThat(error.field()).isEqualTo("email");
  }

  @Test
  void equalsAfterNormalization() {
    // when
    EmailAddress plain = EmailAddress.of("admin@example.com");
    EmailAddress spelledOtherwise = EmailAddress.of(" ADMIN@example.com ");

    // then
    assertThat(spelledOtherwise).isEqualTo(plain);
  }

  private static InvalidField invalidField(ThrowingCallable call) {
    return assertThatExceptionOfType(InvalidField.class).isThrownBy(call).actual();
  }
}
