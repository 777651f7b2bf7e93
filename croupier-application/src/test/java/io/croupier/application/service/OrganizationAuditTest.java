package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.RequestOrigin;
import io.croupier.application.port.in.UpdateOrganizationCommand;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.application.port.out.AuditOutcome;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.Password;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrganizationAuditTest {

  private static final RequestOrigin ORIGIN = new RequestOrigin("203.0.113.7", "req-1");

  private final FakePorts ports = FakePorts.create();
  private OrganizationDetails acme;

  @BeforeEach
  void createOrganization() {
    acme =
        ports
            .createOrganizationService()
            .create(CreateOrganizationCommand.of("acme", "admin@acme.io", Given.PASSWORD), ORIGIN);
  }

  private AuditEvent onlyEvent(AuditAction action) {
    List<AuditEvent> events = ports.auditLog().withAction(action);
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private AuditEvent update(String name, String email, String password) {
    ports
        .updateOrganizationService()
        .update(UpdateOrganizationCommand.of(Given.adminOf(acme), name, email, password), ORIGIN);
    List<AuditEvent> updates = ports.auditLog().withAction(AuditAction.ORGANIZATION_UPDATED);
    return updates.get(updates.size() - 1);
  }

  @Test
  void createRecordsOrganizationAdminAndOrigin() {
    // when
    AuditEvent event = onlyEvent(AuditAction.ORGANIZATION_CREATED);

    // then
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.organizationId()).isEqualTo(acme.organization().id());
    assertThat(event.organizationName()).isEqualTo("acme");
    assertThat(event.actor()).isEqualTo(acme.organization().adminId());
    assertThat(event.clientAddress()).isEqualTo("203.0.113.7");
    assertThat(event.requestId()).isEqualTo("req-1");
    assertThat(event.changedFields()).isEmpty();
  }

  @Test
  void createWithoutOriginRecordsUnknownOrigin() {
    // when
    Given.organization(ports, "beta");

    // then
    AuditEvent event = ports.auditLog().withAction(AuditAction.ORGANIZATION_CREATED).get(1);
    assertThat(event.clientAddress()).isNull();
    assertThat(event.requestId()).isNull();
  }

  @Test
  void rejectedCreateRecordsNothing() {
    // when
    assertThatExceptionOfType(OrganizationNameTaken.class)
        .isThrownBy(() -> Given.organization(ports, "acme"));

    // then
    assertThat(ports.auditLog().withAction(AuditAction.ORGANIZATION_CREATED)).hasSize(1);
  }

  @Test
  void updateNamesEveryChangedField() {
    // when
    AuditEvent event = update("acme-labs", "new@acme.io", "Changed123");

    // then
    assertThat(event.changedFields()).containsExactly("organization_name", "email", "password");
    assertThat(event.organizationName()).isEqualTo("acme-labs");
  }

  @Test
  void updateNamesOnlyPassword() {
    // when
    AuditEvent event = update(null, null, "Changed123");

    // then
    assertThat(event.changedFields()).containsExactly("password");
  }

  @Test
  void updateToSameNameAndEmailNamesNothing() {
    // when
    AuditEvent event = update("ACME", "admin@acme.io", null);

    // then
    assertThat(event.changedFields()).isEmpty();
  }

  @Test
  void updateRecordsNoValues() {
    // when
    AuditEvent event = update("acme-labs", "new@acme.io", "Changed123");

    // then
    assertThat(event.toString())
        .doesNotContain("new@acme.io")
        .doesNotContain("Changed123")
        .doesNotContain(ports.hasher().hash(Password.of("Changed123")));
  }

  @Test
  void deleteRecordsNameOfDeletedOrganization() {
    // when
    ports.deleteOrganizationService().delete(Given.adminOf(acme), Optional.empty(), ORIGIN);

    // then
    AuditEvent event = onlyEvent(AuditAction.ORGANIZATION_DELETED);
    assertThat(event.organizationId()).isEqualTo(acme.organization().id());
    assertThat(event.organizationName()).isEqualTo("acme");
    assertThat(event.actor()).isEqualTo(acme.organization().adminId());
  }

  @Test
  void failedAuditWriteKeepsCreatedOrganization() {
    // given
    ports.auditLog().failWrites();

    // when
    OrganizationDetails beta = Given.organization(ports, "beta");

    // then
    assertThat(ports.organizations().findByName(OrganizationName.of("beta")))
        .contains(beta.organization());
    assertThat(ports.auditLog().droppedEvents()).isEqualTo(1);
  }

  @Test
  void failedAuditWriteKeepsDelete() {
    // given
    ports.auditLog().failWrites();

    // when
    ports.deleteOrganizationService().delete(Given.adminOf(acme), Optional.empty(), ORIGIN);

    // then
    assertThat(ports.organizations().findById(acme.organization().id())).isEmpty();
    assertThat(ports.auditLog().droppedEvents()).isEqualTo(1);
  }
}
