package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.fakes.FakePorts;
import io.croupier.application.fakes.FakeTokenService;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.UpdateOrganizationCommand;
import io.croupier.application.port.out.TokenClaims;
import io.croupier.domain.AdminUser;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticateTokenServiceTest {

  private final FakePorts ports = FakePorts.create();
  private final AuthenticateTokenService service = ports.authenticateTokenService();
  private OrganizationDetails acme;
  private String token;

  @BeforeEach
  void createOrganizationAndLogIn() {
    acme = Given.organization(ports, "acme");
    token = Given.tokenOf(ports, "acme");
  }

  private String tokenWith(String adminId, String organizationId, long credentialsVersion) {
    Instant now = ports.clock().instant();
    return FakeTokenService.encode(
        new TokenClaims(
            "forged-token",
            adminId,
            organizationId,
            "acme",
            credentialsVersion,
            now,
            now.plus(Duration.ofMinutes(5))));
  }

  private void assertRejected(String candidate) {
    assertThatExceptionOfType(InvalidToken.class).isThrownBy(() -> service.authenticate(candidate));
  }

  @Test
  void acceptsValidToken() {
    // when
    AuthenticatedAdmin admin = service.authenticate(token);

    // then
    assertThat(admin.adminId()).isEqualTo(acme.organization().adminId());
    assertThat(admin.organizationId()).isEqualTo(acme.organization().id());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\t"})
  void rejectsMissingTokenWithoutVerifying(String candidate) {
    // when
    assertRejected(candidate);

    // then
    assertThat(ports.failures().calls(Operation.TOKEN_VERIFY)).isZero();
  }

  @Test
  void rejectsMalformedToken() {
    // when / then
    assertRejected("not-a-token");
  }

  @Test
  void rejectsExpiredToken() {
    // given
    ports.clock().advance(FakeTokenService.DEFAULT_LIFETIME);

    // when / then
    assertRejected(token);
  }

  @Test
  void acceptsTokenJustBeforeExpiry() {
    // given
    ports.clock().advance(FakeTokenService.DEFAULT_LIFETIME.minusSeconds(1));

    // when
    AuthenticatedAdmin admin = service.authenticate(token);

    // then
    assertThat(admin.organizationId()).isEqualTo(acme.organization().id());
  }

  @Test
  void rejectsTokenOfDeletedAdmin() {
    // given
    ports.admins().deleteByOrganizationId(acme.organization().id());

    // when / then
    assertRejected(token);
  }

  @Test
  void rejectsTokenAfterPasswordChange() {
    // given
    ports
        .updateOrganizationService()
        .update(UpdateOrganizationCommand.of(Given.adminOf(acme), null, null, "Changed123"));

    // when / then
    assertRejected(token);
  }

  @Test
  void rejectsTokenWithOlderCredentialsVersion() {
    // given
    AdminUser admin = ports.admins().findById(acme.organization().adminId()).orElseThrow();
    ports.admins().update(admin.withPasswordHash(admin.passwordHash(), ports.clock().instant()));

    // when / then
    assertRejected(token);
  }

  @Test
  void acceptsForgedTokenWithCurrentClaims() {
    // given
    Organization organization = acme.organization();
    String forged = tokenWith(organization.adminId(), organization.id(), 1);

    // when
    AuthenticatedAdmin admin = service.authenticate(forged);

    // then
    assertThat(admin.organizationId()).isEqualTo(organization.id());
  }

  @Test
  void rejectsOrganizationIdOfAnotherOrganization() {
    // given
    Organization beta = Given.organization(ports, "beta").organization();
    String mismatched = tokenWith(acme.organization().adminId(), beta.id(), 1);

    // when / then
    assertRejected(mismatched);
  }

  @Test
  void rejectsInactiveOrganization() {
    // given
    Organization organization = acme.organization();
    ports
        .organizations()
        .update(organization.withState(OrganizationState.DELETING, ports.clock().instant()));

    // when / then
    assertRejected(token);
  }

  @Test
  void rejectsTokenOfDeletedOrganization() {
    // given
    ports.deleteOrganizationService().delete(Given.adminOf(acme), Optional.empty());

    // when / then
    assertRejected(token);
  }

  @Test
  void keepsWorkingAfterRename() {
    // given
    ports
        .updateOrganizationService()
        .update(UpdateOrganizationCommand.of(Given.adminOf(acme), "acme-renamed", null, null));

    // when
    AuthenticatedAdmin admin = service.authenticate(token);

    // then
    assertThat(admin.organizationId()).isEqualTo(acme.organization().id());
  }

  @Test
  void ignoresLaterOrganizationWithSameName() {
    // given
    ports.deleteOrganizationService().delete(Given.adminOf(acme), Optional.empty());
    Given.organization(ports, "acme");
    assertThat(ports.organizations().findByName(OrganizationName.of("acme"))).isPresent();

    // when / then
    assertRejected(token);
  }
}
