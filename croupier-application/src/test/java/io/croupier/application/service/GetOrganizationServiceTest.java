package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNotFound;
import io.croupier.domain.OrganizationState;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GetOrganizationServiceTest {

  private final FakePorts ports = FakePorts.create();
  private final GetOrganizationService service = ports.getOrganizationService();

  @Test
  void findsActiveOrganization() {
    // given
    OrganizationDetails created = Given.organization(ports, "acme");

    // when
    OrganizationDetails found = service.get(OrganizationName.of("acme"), Optional.empty());

    // then
    assertThat(found.organization()).isEqualTo(created.organization());
    assertThat(found.location().collectionName()).isEqualTo("org_acme");
    assertThat(found.location().connectionDetails()).isEqualTo("Collection: org_acme");
  }

  @Test
  void findsNameSpelledOtherwise() {
    // given
    OrganizationDetails created = Given.organization(ports, "acme");

    // when
    OrganizationDetails found = service.get(OrganizationName.of(" ACME "), Optional.empty());

    // then
    assertThat(found.organization().id()).isEqualTo(created.organization().id());
  }

  @Test
  void rejectsUnknownName() {
    // given
    Given.organization(ports, "acme");

    // when
    OrganizationNotFound error =
        assertThatExceptionOfType(OrganizationNotFound.class)
            .isThrownBy(() -> service.get(OrganizationName.of("beta"), Optional.empty()))
            .actual();

    // then
    assertThat(error.getMessage()).isEqualTo("Organization 'beta' not found");
  }

  @ParameterizedTest
  @EnumSource(
      value = OrganizationState.class,
      names = {"PENDING", "DELETING"})
  void hidesOrganizationThatIsNotActive(OrganizationState state) {
    // given
    Given.storedDirectly(ports, "acme", state);

    // when / then
    assertThatExceptionOfType(OrganizationNotFound.class)
        .isThrownBy(() -> service.get(OrganizationName.of("acme"), Optional.empty()));
  }

  @Test
  void showsEmailToOwnAdmin() {
    // given
    OrganizationDetails created = Given.organization(ports, "acme");
    AuthenticatedAdmin ownAdmin = Given.adminOf(created);

    // when
    OrganizationDetails found = service.get(OrganizationName.of("acme"), Optional.of(ownAdmin));

    // then
    assertThat(found.adminEmail()).contains(EmailAddress.of("admin@acme.io"));
  }

  @Test
  void hidesEmailFromAnonymousCaller() {
    // given
    Given.organization(ports, "acme");

    // when
    OrganizationDetails found = service.get(OrganizationName.of("acme"), Optional.empty());

    // then
    assertThat(found.adminEmail()).isEmpty();
  }

  @Test
  void hidesEmailFromOtherAdmin() {
    // given
    Given.organization(ports, "acme");
    AuthenticatedAdmin otherAdmin = Given.adminOf(Given.organization(ports, "beta"));

    // when
    OrganizationDetails found = service.get(OrganizationName.of("acme"), Optional.of(otherAdmin));

    // then
    assertThat(found.adminEmail()).isEmpty();
  }
}
