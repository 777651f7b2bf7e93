package io.croupier.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class InMemoryTenantStorageTest {

  private static final OrganizationName ACME = OrganizationName.of("acme");
  private static final OrganizationName BETA = OrganizationName.of("beta");

  private final InMemoryTenantStorage tenants = new InMemoryTenantStorage(new FailurePlan());

  @Test
  void renameMovesDocuments() {
    // given
    tenants.create(ACME);
    tenants.addDocuments(ACME, 4);

    // when
    tenants.rename(ACME, BETA);

    // then
    assertThat(tenants.documentCount(BETA)).isEqualTo(OptionalInt.of(4));
    assertThat(tenants.exists(ACME)).isFalse();
  }

  @Test
  void renameNeverReplacesExistingStorage() {
    // given
    tenants.create(ACME);
    tenants.create(BETA);
    tenants.addDocuments(BETA, 2);

    // when
    assertThatExceptionOfType(OrganizationNameTaken.class)
        .isThrownBy(() -> tenants.rename(ACME, BETA));

    // then
    assertThat(tenants.documentCount(BETA)).isEqualTo(OptionalInt.of(2));
    assertThat(tenants.exists(ACME)).isTrue();
  }

  @Test
  void rejectsSecondStorageWithSameName() {
    // given
    tenants.create(ACME);

    // when / then
    assertThatExceptionOfType(OrganizationNameTaken.class).isThrownBy(() -> tenants.create(ACME));
  }

  @Test
  void dropOfMissingStorageDoesNothing() {
    // when
    tenants.drop(ACME);

    // then
    assertThat(tenants.collectionNames()).isEmpty();
  }

  @Test
  void locatesCollectionByName() {
    // when
    String details = tenants.locate(InMemoryTenantStorage.collectionTier(ACME)).connectionDetails();

    // then
    assertThat(details).isEqualTo("Collection: org_acme");
  }
}
