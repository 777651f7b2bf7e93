package io.croupier.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.adapter.in.cli.Cli.Result;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantTier;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrganizationTierTest {

  @TempDir Path dataDir;

  private FakeOperations store;
  private Cli cli;

  @BeforeEach
  void createCli() {
    store = new FakeOperations();
    cli = new Cli(dataDir, store.factory());
  }

  @ParameterizedTest
  @EnumSource(TenantTier.class)
  void createsOrganizationInChosenTier(TenantTier tier) {
    // when
    Result result = cli.createInTier("acme", tier.value());

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).containsPattern("(?m)^tier +" + tier.value() + "$");
    assertThat(store.organization("acme").tier()).isEqualTo(tier);
  }

  @Test
  void createsOrganizationInDefaultTierWithoutOption() {
    // when
    Result result = cli.create("acme", "admin@acme.example");

    // then
    assertThat(result.out()).containsPattern("(?m)^tier +collection$");
  }

  @Test
  void rejectsUnknownTierBeforeAnythingIsCreated() {
    // when
    Result result = cli.createInTier("acme", "vault");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo("Tier 'vault' is unknown; use one of shared, collection, database.\n");
    assertThat(store.ports.organizations().findByName(new OrganizationName("acme"))).isEmpty();
  }

  @Test
  void getShowsTierAsTextAndJson() {
    // given
    cli.createInTier("acme", "database");

    // when
    Result text = cli.run("org", "get", "acme");
    Result json = cli.run("org", "get", "acme", "--output", "json");

    // then
    assertThat(text.out()).containsPattern("(?m)^tier +database$");
    assertThat(json.out()).contains("\"tier\": \"database\",");
  }

  @Test
  void listShowsTierColumnAndField() {
    // given
    cli.createInTier("alpha", "shared");
    cli.createInTier("bravo", "database");

    // when
    Result text = cli.run("org", "list");
    Result json = cli.run("org", "list", "--output", "json");

    // then
    assertThat(text.out()).containsPattern("(?m)^NAME +ID +TIER +CREATED_AT +COLLECTION$");
    assertThat(text.out()).containsPattern("(?m)^bravo +\\S+ +database +");
    assertThat(text.out()).containsPattern("(?m)^alpha +\\S+ +shared +");
    assertThat(json.out()).contains("\"tier\": \"shared\",");
    assertThat(json.out()).contains("\"tier\": \"database\",");
  }
}
