package io.croupier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrganizationTest {

  private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant LATER = Instant.parse("2025-01-02T00:00:00Z");

  private static Organization organization(OrganizationState state) {
    return new Organization(
        "org-1", OrganizationName.of("acme"), "admin-1", state, CREATED, CREATED);
  }

  @Test
  void activeOrganizationIsActive() {
    // when
    boolean active = organization(OrganizationState.ACTIVE).isActive();

    // then
    assertThat(active).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = OrganizationState.class,
      names = {"PENDING", "DELETING"})
  void otherStatesAreNotActive(OrganizationState state) {
    // when
    boolean active = organization(state).isActive();

    // then
    assertThat(active).isFalse();
  }

  @Test
  void renameKeepsIdAndCreationTime() {
    // when
    Organization renamed =
        organization(OrganizationState.ACTIVE).withName(OrganizationName.of("beta"), LATER);

    // then
    assertThat(renamed.id()).isEqualTo("org-1");
    assertThat(renamed.name().value()).isEqualTo("beta");
    assertThat(renamed.createdAt()).isEqualTo(CREATED);
    assertThat(renamed.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void stateChangeKeepsName() {
    // when
    Organization deleting =
        organization(OrganizationState.ACTIVE).withState(OrganizationState.DELETING, LATER);

    // then
    assertThat(deleting.state()).isEqualTo(OrganizationState.DELETING);
    assertThat(deleting.name().value()).isEqualTo("acme");
    assertThat(deleting.updatedAt()).isEqualTo(LATER);
  }
}
