package io.croupier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainExceptionTest {

  @Test
  void nameTakenNamesValueAndFix() {
    // when
    OrganizationNameTaken error = new OrganizationNameTaken(OrganizationName.of("acme"));

    // then
    assertThat(error.getMessage()).contains("'acme'");
    assertThat(error.getMessage()).contains("already exists");
    assertThat(error.getMessage()).contains("choose another name");
    assertThat(error.name().value()).isEqualTo("acme");
  }

  @Test
  void emailTakenNamesValueAndFix() {
    // when
    EmailTaken error = new EmailTaken(EmailAddress.of("admin@acme.io"));

    // then
    assertThat(error.getMessage()).contains("'admin@acme.io'");
    assertThat(error.getMessage()).contains("already exists");
    assertThat(error.getMessage()).contains("use another email address");
    assertThat(error.email().value()).isEqualTo("admin@acme.io");
  }

  @Test
  void notFoundNamesValue() {
    // when
    OrganizationNotFound error = new OrganizationNotFound("acme");

    // then
    assertThat(error.getMessage()).isEqualTo("Organization 'acme' not found");
  }

  @Test
  void accessDeniedNamesRequestedOrganization() {
    // when
    OrganizationAccessDenied error = new OrganizationAccessDenied(OrganizationName.of("beta"));

    // then
    assertThat(error.getMessage()).contains("'beta'");
    assertThat(error.getMessage()).contains("only on their own organization");
  }

  @Test
  void authenticationFailureKeepsOriginalWording() {
    // when
    AuthenticationFailed error = new AuthenticationFailed();

    // then
    assertThat(error.getMessage()).isEqualTo("Incorrect email or password");
  }

  @Test
  void invalidTokenAsksToLogIn() {
    // when
    InvalidToken error = new InvalidToken();

    // then
    assertThat(error.getMessage()).contains("log in again");
  }

  @Test
  void domainExceptionsCarryNoStackTrace() {
    // when
    AuthenticationFailed error = new AuthenticationFailed();

    // then
    assertThat(error.getStackTrace()).isEmpty();
  }
}
