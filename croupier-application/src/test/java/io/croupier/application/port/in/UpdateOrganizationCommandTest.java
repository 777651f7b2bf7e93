package io.croupier.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.domain.EmailAddress;
import io.croupier.domain.InvalidField;
import io.croupier.domain.OrganizationName;
import org.junit.jupiter.api.Test;

class UpdateOrganizationCommandTest {

  private static final AuthenticatedAdmin CALLER = new AuthenticatedAdmin("admin-1", "org-1");

  @Test
  void rejectsNothingToUpdate() {
    // when
    InvalidField error =
        assertThatExceptionOfType(InvalidField.class)
            .isThrownBy(() -> UpdateOrganizationCommand.of(CALLER, null, null, null))
            .actual();

    // then
    assertThat(error.field()).isEqualTo("body");
    assertThat(error.getMessage())
        .contains("send at least one of organization_name, email or password");
  }

  @Test
  void acceptsNameAlone() {
    // when
    UpdateOrganizationCommand command = UpdateOrganizationCommand.of(CALLER, " Acme ", null, null);

    // then
    assertThat(command.newName()).contains(OrganizationName.of("acme"));
    assertThat(command.newEmail()).isEmpty();
    assertThat(command.newPassword()).isEmpty();
  }

  @Test
  void acceptsEmailAlone() {
    // when
    UpdateOrganizationCommand command =
        UpdateOrganizationCommand.of(CALLER, null, "New@Acme.io", null);

    // then
    assertThat(command.newEmail()).contains(EmailAddress.of("new@acme.io"));
  }

  @Test
  void acceptsPasswordAlone() {
    // when
    UpdateOrganizationCommand command =
        UpdateOrganizationCommand.of(CALLER, null, null, "Secret123");

    // then
    assertThat(command.newPassword().orElseThrow().reveal()).isEqualTo("Secret123");
  }

  @Test
  void reportsInvalidName() {
    // when
    InvalidField error =
        assertThatExceptionOfType(InvalidField.class)
            .isThrownBy(() -> UpdateOrganizationCommand.of(CALLER, "a$", null, null))
            .actual();

    // then
    assertThat(error.field()).isEqualTo("organization_name");
  }

  @Test
  void reportsInvalidEmail() {
    // when
    InvalidField error =
        assertThatExceptionOfType(InvalidField.class)
            .isThrownBy(() -> UpdateOrganizationCommand.of(CALLER, null, "no-at-sign", null))
            .actual();

    // then
    assertThat(error.field()).isEqualTo("email");
  }

  @Test
  void reportsInvalidPassword() {
    // when
    InvalidField error =
        assertThatExceptionOfType(InvalidField.class)
            .isThrownBy(() -> UpdateOrganizationCommand.of(CALLER, null, null, "short"))
            .actual();

    // then
    assertThat(error.field()).isEqualTo("password");
  }

  @Test
  void treatsEmptyStringAsInvalidValue() {
    // when
    InvalidField error =
        assertThatExceptionOfType(InvalidField.class)
            .isThrownBy(() -> UpdateOrganizationCommand.of(CALLER, "", null, null))
            .actual();

    // then
    assertThat(error.field()).isEqualTo("organization_name");
  }
}
