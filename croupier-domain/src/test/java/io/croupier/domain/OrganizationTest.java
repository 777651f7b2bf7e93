package io.croupier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
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

  @Test
  void sixArgumentConstructorPlacesOrganizationInCollectionTier() {
    // when
    Organization organization = organization(OrganizationState.ACTIVE);

    // then
    assertThat(organization.tier()).isEqualTo(TenantTier.COLLECTION);
    assertThat(organization.storageName()).isEqualTo(OrganizationName.of("acme"));
    assertThat(organization.move()).isEmpty();
  }

  @Test
  void newOrganizationIsNotRenaming() {
    // when
    boolean renaming = organization(OrganizationState.ACTIVE).isRenaming();

    // then
    assertThat(renaming).isFalse();
  }

  @Test
  void renameKeepsStorageName() {
    // when
    Organization renamed =
        organization(OrganizationState.ACTIVE).withName(OrganizationName.of("beta"), LATER);

    // then
    assertThat(renamed.storageName()).isEqualTo(OrganizationName.of("acme"));
    assertThat(renamed.isRenaming()).isTrue();
  }

  @Test
  void storageUnderNameEndsRename() {
    // given
    Organization renamed =
        organization(OrganizationState.ACTIVE).withName(OrganizationName.of("beta"), CREATED);

    // when
    Organization settled = renamed.withStorageUnderName(LATER);

    // then
    assertThat(settled.storageName()).isEqualTo(OrganizationName.of("beta"));
    assertThat(settled.isRenaming()).isFalse();
    assertThat(settled.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void renameBackToStorageNameEndsRename() {
    // given
    Organization renamed =
        organization(OrganizationState.ACTIVE).withName(OrganizationName.of("beta"), CREATED);

    // when
    Organization back = renamed.withName(OrganizationName.of("acme"), LATER);

    // then
    assertThat(back.isRenaming()).isFalse();
  }

  @Test
  void tierAndMoveChangesKeepNameAndStorage() {
    // given
    TenantMove move = TenantMove.begin(TenantTier.COLLECTION, TenantTier.SHARED, CREATED);

    // when
    Organization moved =
        organization(OrganizationState.ACTIVE)
            .withMove(Optional.of(move), LATER)
            .withTier(TenantTier.SHARED, LATER);

    // then
    assertThat(moved.tier()).isEqualTo(TenantTier.SHARED);
    assertThat(moved.move()).contains(move);
    assertThat(moved.name()).isEqualTo(OrganizationName.of("acme"));
    assertThat(moved.storageName()).isEqualTo(OrganizationName.of("acme"));
    assertThat(moved.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void stateChangeKeepsTierStorageAndMove() {
    // given
    TenantMove move = TenantMove.begin(TenantTier.COLLECTION, TenantTier.SHARED, CREATED);
    Organization moving =
        organization(OrganizationState.ACTIVE)
            .withName(OrganizationName.of("beta"), CREATED)
            .withMove(Optional.of(move), CREATED);

    // when
    Organization deleting = moving.withState(OrganizationState.DELETING, LATER);

    // then
    assertThat(deleting.tier()).isEqualTo(TenantTier.COLLECTION);
    assertThat(deleting.storageName()).isEqualTo(OrganizationName.of("acme"));
    assertThat(deleting.move()).contains(move);
  }
}
