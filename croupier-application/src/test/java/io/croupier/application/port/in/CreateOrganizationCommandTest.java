package io.croupier.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.domain.EmailAddress;
import io.croupier.domain.InvalidField;
import io.croupier.domain.OrganizationName;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CreateOrganizationCommandTest {

  private static InvalidField invalidField(ThrowingCallable call) {
    return assertThatExceptionOfType(InvalidField.class).isThrownBy(call).actual();
  }

  @Test
  void normalizesEveryField() {
    // when
    CreateOrganizationCommand command =
        CreateOrganizationCommand.of(" Acme ", " Admin@Acme.io ", "Caf" + "e\u0301" + "1234");

    // then
    assertThat(command.organizationName()).isEqualTo(OrganizationName.of("acme"));
    assertThat(command.email()).isEqualTo(EmailAddress.of("admin@acme.io"));
    assertThat(command.password().reveal()).isEqualTo("Caf\u00e91234");
  }

  @Test
  void reportsInvalidName() {
    // when
    InvalidField error =
        invalidField(() -> CreateOrganizationCommand.of("_acme", "admin@acme.io", "Secret123"));

    // then
    assertThat(error.field()).isEqualTo("organization_name");
  }

  @Test
  void reportsInvalidEmail() {
    // when
    InvalidField error =
        invalidField(() -> CreateOrganizationCommand.of("acme", "admin@acme", "Secret123"));

    // then
    assertThat(error.field()).isEqualTo("email");
  }

  @Test
  void reportsInvalidPassword() {
    // when
    InvalidField error =
        invalidField(() -> CreateOrganizationCommand.of("acme", "admin@acme.io", "secret123"));

    // then
    assertThat(error.field()).isEqualTo("password");
  }

  @Test
  void reportsMissingFields() {
    // when
    InvalidField error = invalidField(() -> CreateOrganizationCommand.of(null, null, null));

    // then
    assertThat(error.field()).isEqualTo("organization_name");
  }

  @Test
  void reportsNameBeforeEmail() {
    // when
    InvalidField error = invalidField(() -> CreateOrganizationCommand.of("a", "b", "Secret123"));

    // then
    assertThat(error.field()).isEqualTo("organization_name");
  }
}
