package io.croupier.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.domain.AdminUser;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.EmailTaken;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.OrganizationState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryRepositoriesTest {

  private static final Instant NOW = TestClock.DEFAULT_START;

  private final FailurePlan failures = new FailurePlan();
  private final InMemoryOrganizationRepository organizations =
      new InMemoryOrganizationRepository(failures);
  private final InMemoryAdminRepository admins = new InMemoryAdminRepository(failures);

  private static Organization organization(String id, String name, OrganizationState state) {
    return new Organization(id, OrganizationName.of(name), "admin-" + id, state, NOW, NOW);
  }

  private static AdminUser admin(String id, String email) {
    return new AdminUser(id, "org-" + id, EmailAddress.of(email), "hash", 1, NOW, NOW);
  }

  @Test
  void insertRejectsPendingName() {
    // given
    organizations.insert(organization("1", "acme", OrganizationState.PENDING));

    // when / then
    assertThatExceptionOfType(OrganizationNameTaken.class)
        .isThrownBy(
            () -> organizations.insert(organization("2", "acme", OrganizationState.ACTIVE)));
  }

  @Test
  void updateRejectsTakenName() {
    // given
    organizations.insert(organization("1", "acme", OrganizationState.ACTIVE));
    organizations.insert(organization("2", "beta", OrganizationState.ACTIVE));

    // when / then
    assertThatExceptionOfType(OrganizationNameTaken.class)
        .isThrownBy(
            () -> organizations.update(organization("2", "acme", OrganizationState.ACTIVE)));
  }

  @Test
  void updateOfMissingOrganizationStoresNothing() {
    // when
    organizations.update(organization("1", "acme", OrganizationState.ACTIVE));

    // then
    assertThat(organizations.all()).isEmpty();
  }

  @Test
  void insertRejectsTakenEmail() {
    // given
    admins.insert(admin("1", "admin@acme.io"));

    // when / then
    assertThatExceptionOfType(EmailTaken.class)
        .isThrownBy(() -> admins.insert(admin("2", "admin@acme.io")));
  }

  @Test
  void updateRejectsTakenEmail() {
    // given
    admins.insert(admin("1", "admin@acme.io"));
    admins.insert(admin("2", "admin@beta.io"));

    // when / then
    assertThatExceptionOfType(EmailTaken.class)
        .isThrownBy(() -> admins.update(admin("2", "admin@acme.io")));
  }

  @Test
  void updateKeepsOwnEmail() {
    // given
    admins.insert(admin("1", "admin@acme.io"));
    AdminUser changed = admin("1", "admin@acme.io").withPasswordHash("other", NOW);

    // when
    admins.update(changed);

    // then
    assertThat(admins.findById("1")).contains(changed);
  }

  @Test
  void writeFailingBeforeEffectChangesNothing() {
    // given
    failures.failOn(FailurePlan.Operation.ADMIN_INSERT);

    // when
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> admins.insert(admin("1", "admin@acme.io")));

    // then
    assertThat(admins.all()).isEmpty();
  }

  @Test
  void writeFailingAfterEffectIsApplied() {
    // given
    failures.failAfterEffect(FailurePlan.Operation.ADMIN_INSERT);

    // when
    assertThatExceptionOfType(SimulatedFailure.class)
        .isThrownBy(() -> admins.insert(admin("1", "admin@acme.io")));

    // then
    assertThat(admins.all()).hasSize(1);
  }
}
