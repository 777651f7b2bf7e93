package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNotFound;
import io.croupier.domain.OrganizationState;
import org.junit.jupiter.api.Test;

class ResolveOrganizationAdminServiceTest {

  private final FakePorts ports = FakePorts.create();
  private final ResolveOrganizationAdminService service = ports.resolveOrganizationAdminService();

  @Test
  void resolvesAdminOfActiveOrganization() {
    // given
    OrganizationDetails created = Given.organization(ports, "acme");

    // when
    AuthenticatedAdmin admin = service.resolveAdmin(OrganizationName.of(" ACME "));

    // then
    assertThat(admin).isEqualTo(Given.adminOf(created));
  }

  @Test
  void rejectsUnknownName() {
    // given
    Given.organization(ports, "acme");

    // when
    OrganizationNotFound error =
        assertThatExceptionOfType(OrganizationNotFound.class)
            .isThrownBy(() -> service.resolveAdmin(OrganizationName.of("beta")))
            .actual();

    // then
    assertThat(error.getMessage()).isEqualTo("Organization 'beta' not found");
  }

  @Test
  void rejectsOrganizationBeingDeleted() {
    // given
    Given.storedDirectly(ports, "leaving", OrganizationState.DELETING);

    // when / then
    assertThatExceptionOfType(OrganizationNotFound.class)
        .isThrownBy(() -> service.resolveAdmin(OrganizationName.of("leaving")));
  }

  @Test
  void rejectsOrganizationWithoutAdmin() {
    // given
    OrganizationDetails created = Given.organization(ports, "orphan");
    ports.admins().deleteByOrganizationId(created.organization().id());

    // when / then
    assertThatExceptionOfType(OrganizationNotFound.class)
        .isThrownBy(() -> service.resolveAdmin(OrganizationName.of("orphan")));
  }
}
