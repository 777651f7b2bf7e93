package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.fakes.FakeTokenService;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.LoginResult;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.domain.AuthenticationFailed;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationState;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogInServiceTest {

  private final FakePorts ports = FakePorts.create();
  private LogInService service;
  private OrganizationDetails acme;

  @BeforeEach
  void createOrganizationAndService() {
    acme = Given.organization(ports, "acme");
    service = ports.logInService();
    ports.hasher().resetCounts();
  }

  private AuthenticationFailed failedLogIn(ThrowingCallable call) {
    return assertThatExceptionOfType(AuthenticationFailed.class).isThrownBy(call).actual();
  }

  @Test
  void returnsIdsAndExpiry() {
    // when
    LoginResult result = service.logIn("admin@acme.io", Given.PASSWORD);

    // then
    assertThat(result.adminId()).isEqualTo(acme.organization().adminId());
    assertThat(result.organizationId()).isEqualTo(acme.organization().id());
    assertThat(result.organizationName()).isEqualTo(OrganizationName.of("acme"));
    assertThat(result.expiresIn()).isEqualTo(FakeTokenService.DEFAULT_LIFETIME);
  }

  @Test
  void issuesTokenThatAuthenticates() {
    // given
    LoginResult result = service.logIn("admin@acme.io", Given.PASSWORD);

    // when
    AuthenticatedAdmin admin = ports.authenticateTokenService().authenticate(result.accessToken());

    // then
    assertThat(admin).isEqualTo(Given.adminOf(acme));
  }

  @Test
  void runsOneVerificationOnSuccess() {
    // when
    service.logIn("admin@acme.io", Given.PASSWORD);

    // then
    assertThat(ports.hasher().matchesCalls()).isEqualTo(1);
    assertThat(ports.hasher().hashCalls()).isZero();
  }

  @Test
  void trimsAndLowerCasesEmail() {
    // when
    LoginResult result = service.logIn("  ADMIN@Acme.IO ", Given.PASSWORD);

    // then
    assertThat(result.adminId()).isEqualTo(acme.organization().adminId());
  }

  @Test
  void normalizesPasswordBeforeVerifying() {
    // given a password created with a composed e-acute
    ports
        .createOrganizationService()
        .create(CreateOrganizationCommand.of("cafe", "admin@cafe.io", "Caf\u00e91234"));

    // when the admin types it decomposed
    LoginResult result = service.logIn("admin@cafe.io", "Cafe\u03011234");

    // then
    assertThat(result.organizationName()).isEqualTo(OrganizationName.of("cafe"));
  }

  @Test
  void rejectsWrongPassword() {
    // when
    AuthenticationFailed error = failedLogIn(() -> service.logIn("admin@acme.io", "Wrong1234"));

    // then
    assertThat(error.getMessage()).isEqualTo("Incorrect email or password");
    assertThat(ports.hasher().matchesCalls()).isEqualTo(1);
  }

  @Test
  void rejectsUnknownEmail() {
    // when
    AuthenticationFailed error = failedLogIn(() -> service.logIn("nobody@acme.io", Given.PASSWORD));

    // then
    assertThat(error.getMessage()).isEqualTo("Incorrect email or password");
    assertThat(ports.hasher().matchesCalls()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-an-email", "admin@localhost", "", "   "})
  void treatsInvalidEmailLikeUnknown(String email) {
    // when
    AuthenticationFailed error = failedLogIn(() -> service.logIn(email, Given.PASSWORD));

    // then
    assertThat(error.getMessage()).isEqualTo("Incorrect email or password");
    assertThat(ports.hasher().matchesCalls()).isEqualTo(1);
  }

  @Test
  void treatsNullEmailLikeUnknown() {
    // when
    failedLogIn(() -> service.logIn(null, Given.PASSWORD));

    // then
    assertThat(ports.hasher().matchesCalls()).isEqualTo(1);
  }

  @Test
  void rejectsNullPassword() {
    // when
    failedLogIn(() -> service.logIn("admin@acme.io", null));

    // then
    assertThat(ports.hasher().matchesCalls()).isEqualTo(1);
  }

  @Test
  void rejectsPasswordOverByteLimit() {
    // given the stored password followed by bytes that bcrypt would ignore
    String tooLong = Given.PASSWORD + "x".repeat(70);

    // when
    failedLogIn(() -> service.logIn("admin@acme.io", tooLong));

    // then
    assertThat(ports.hasher().matchesCalls()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(
      value = OrganizationState.class,
      names = {"PENDING", "DELETING"})
  void rejectsAdminOfInvisibleOrganization(OrganizationState state) {
    // given
    Given.storedDirectly(ports, "beta", state);

    // when
    AuthenticationFailed error =
        failedLogIn(() -> service.logIn(Given.emailOf("beta"), Given.PASSWORD));

    // then
    assertThat(error.getMessage()).isEqualTo("Incorrect email or password");
  }

  @Test
  void hashesDecoyOnceAtStart() {
    // given
    ports.hasher().resetCounts();

    // when
    ports.logInService();

    // then
    assertThat(ports.hasher().hashCalls()).isEqualTo(1);
  }
}
