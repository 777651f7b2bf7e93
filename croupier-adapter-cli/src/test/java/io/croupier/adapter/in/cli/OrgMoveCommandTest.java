package io.croupier.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.adapter.in.cli.Cli.Result;
import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.domain.MovePhase;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantTier;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrgMoveCommandTest {

  @TempDir Path dataDir;

  private FakeOperations store;
  private Cli cli;

  @BeforeEach
  void createOrganization() {
    store = new FakeOperations();
    cli = new Cli(dataDir, store.factory());
    assertThat(cli.create("acme", "admin@acme.example").exitCode()).isZero();
  }

  @Test
  void movesDocumentsToTargetTier() {
    // given
    List<TenantDocument> documents = store.addDocuments("acme", 1201);

    // when
    Result result = cli.run("org", "move", "acme", "--tier", "database");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(store.organization("acme").tier()).isEqualTo(TenantTier.DATABASE);
    assertThat(store.organization("acme").move()).isEmpty();
    assertThat(store.documents("acme")).isEqualTo(documents);
  }

  @Test
  void printsReportAsText() {
    // given
    store.addDocuments("acme", 3);

    // when
    Result result = cli.run("org", "move", "acme", "--tier", "shared");

    // then
    List<String> lines = result.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("Moved organization 'acme' from tier collection to tier shared.");
    assertThat(lines).contains("source_tier             collection");
    assertThat(lines).contains("target_tier             shared");
    assertThat(lines).contains("documents               3");
    assertThat(result.out()).containsPattern("(?m)^total_seconds +\\d+\\.\\d+$");
    assertThat(result.out()).containsPattern("(?m)^writes_refused_seconds +\\d+\\.\\d+$");
  }

  @Test
  void printsReportAsJson() {
    // when
    Result result = cli.run("org", "move", "acme", "--tier", "database", "--output", "json");

    // then
    assertThat(result.out())
        .startsWith(
            "{\n  \"organization_name\": \"acme\",\n  \"source_tier\": \"collection\",\n"
                + "  \"target_tier\": \"database\",\n  \"documents\": 0,\n  \"total_seconds\": ");
    assertThat(result.out()).contains("\"writes_refused_seconds\": ");
  }

  @Test
  void withoutTerminalPrintsLinePerPhase() {
    // given
    store.addDocuments("acme", 1201);

    // when
    Result result = cli.run("org", "move", "acme", "--tier", "database");

    // then
    List<String> lines = result.err().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("copying: 1201 of 1201 documents in ");
    assertThat(lines.get(1)).startsWith("comparing: 1201 documents in ");
    assertThat(lines.get(2)).startsWith("verifying: 1201 documents in ");
    assertThat(lines.get(3)).startsWith("cleaning: 1201 of 1201 documents in ");
    assertThat(result.err()).doesNotContain("\r");
  }

  @Test
  void onTerminalUpdatesOneLinePerPhase() {
    // given
    store.addDocuments("acme", 1201);

    // when
    Result result =
        cli.run(ScriptedTerminal.attached(), "org", "move", "acme", "--tier", "database");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.err()).startsWith("\rcopying: 500 of 1201 documents");
    assertThat(result.err()).contains("\rverifying: 1201 documents in ");
    String[] lines = result.err().split("\n", -1);
    assertThat(lines).hasSize(5);
    assertThat(lines[0]).contains("\rcopying: 1201 of 1201 documents in ");
    assertThat(lines[1]).contains("\rcomparing: 1201 documents in ");
    assertThat(lines[3]).contains("\rcleaning: 1201 of 1201 documents in ");
    assertThat(lines[4]).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"DATABASE", " database "})
  void acceptsTierInAnyCaseWithBlanks(String tier) {
    // when
    Result result = cli.run("org", "move", "acme", "--tier", tier);

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(store.organization("acme").tier()).isEqualTo(TenantTier.DATABASE);
  }

  @Test
  void rejectsUnknownTierListingTiers() {
    // when
    Result result = cli.run("org", "move", "acme", "--tier", "vault");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo("Tier 'vault' is unknown; use one of shared, collection, database.\n");
    assertThat(store.opened()).as("stores opened, by org create only").isEqualTo(1);
  }

  @Test
  void rejectsMissingTier() {
    // when
    Result result = cli.run("org", "move", "acme");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("Missing required option: '--tier=TIER'.");
  }

  @Test
  void rejectsCurrentTier() {
    // when
    Result result = cli.run("org", "move", "acme", "--tier", "collection");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .isEqualTo("Organization 'acme' is already in tier collection; choose another tier.\n");
  }

  @Test
  void rejectsMoveWhileAnotherRuns() {
    // given
    store.startMove("acme", TenantTier.SHARED, MovePhase.COPYING);

    // when
    Result result = cli.run("org", "move", "acme", "--tier", "database");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.ORGANIZATION_MOVING);
    assertThat(result.err())
        .isEqualTo(
            "Organization 'acme' is moving from tier collection to tier shared; retry once the"
                + " move has finished.\n");
  }

  @Test
  void rejectsMissingOrganization() {
    // when
    Result result = cli.run("org", "move", "ghost", "--tier", "database");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(result.err()).isEqualTo("Organization 'ghost' not found.\n");
  }

  @Test
  void failedMoveEndsProgressLineBeforeError() {
    // given
    List<TenantDocument> documents = store.addDocuments("acme", 600);
    // The first update starts the move; the second records the switch after the copy.
    store.ports.failures().failOnCall(Operation.ORGANIZATION_UPDATE, 2);

    // when
    Result result =
        cli.run(ScriptedTerminal.attached(), "org", "move", "acme", "--tier", "database");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
    String[] lines = result.err().split("\n", -1);
    assertThat(lines[0]).contains("\rcopying: 600 of 600 documents in ");
    assertThat(lines[1]).contains("\rcomparing: 600 documents in ");
    assertThat(lines[2]).isEqualTo("Simulated failure of ORGANIZATION_UPDATE.");
    assertThat(store.organization("acme").tier()).isEqualTo(TenantTier.COLLECTION);
    assertThat(store.documents("acme")).isEqualTo(documents);
  }
}
