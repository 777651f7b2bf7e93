package io.croupier.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.adapter.in.cli.Cli.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {

  private static final Pattern NEXT_PAGE = Pattern.compile("(?m)^Next page: --cursor (\\S+) ");
  private static final Pattern ACTION = Pattern.compile("\"action\": \"([a-z_]+)\"");

  @TempDir Path dataDir;

  private Cli cli;

  @BeforeEach
  void createAcme() {
    cli = new Cli(dataDir);
    cli.create("acme", "admin@acme.example");
    cli.run("org", "rename", "acme", "acme-labs");
  }

  private static List<String> actionsIn(String json) {
    return ACTION.matcher(json).results().map(match -> match.group(1)).toList();
  }

  @Test
  void printsEventsNewestFirstAsText() {
    // when
    Result result = cli.run("audit", "acme-labs");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines.get(0))
        .matches("TIME +ACTION +OUTCOME +ACTOR +CLIENT_ADDRESS +REQUEST_ID +CHANGED_FIELDS");
    assertThat(lines.get(1)).contains(" organization_updated ").endsWith(" organization_name");
    assertThat(lines.get(2)).contains(" organization_created ").endsWith(" -");
    assertThat(lines.get(3)).isEqualTo("Showing 2 events of organization acme-labs, newest first.");
    assertThat(lines).hasSize(4);
  }

  @Test
  void printsEventsAsJson() {
    // when
    Result result = cli.run("audit", "ACME-LABS", "--output", "json");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(actionsIn(result.out()))
        .containsExactly("organization_updated", "organization_created");
    assertThat(result.out()).contains("\"changed_fields\": [\n        \"organization_name\"\n");
    assertThat(result.out()).contains("\"client_address\": null,");
    assertThat(result.out()).contains("\"next_cursor\": null");
  }

  @Test
  void pagesWithCursor() {
    // when
    Result first = cli.run("audit", "acme-labs", "--limit", "1");
    Matcher cursor = NEXT_PAGE.matcher(first.out());
    assertThat(cursor.find()).as(first.toString()).isTrue();
    Result second = cli.run("audit", "acme-labs", "--limit", "1", "--cursor", cursor.group(1));

    // then
    assertThat(first.out()).contains(" organization_updated ");
    assertThat(second.out()).contains(" organization_created ");
    assertThat(second.out()).doesNotContain("Next page");
  }

  @Test
  void readsDeletedOrganizationByLastName() {
    // given
    Result deleted = cli.run("org", "delete", "acme-labs", "--yes");
    assertThat(deleted.exitCode()).as(deleted.toString()).isZero();

    // when
    Result result = cli.run("audit", "acme-labs", "--output", "json");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(actionsIn(result.out()))
        .containsExactly("organization_deleted", "organization_updated", "organization_created");
  }

  @Test
  void readsRenamedOrganizationByFormerName() {
    // when
    Result result = cli.run("audit", "acme", "--output", "json");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(actionsIn(result.out()))
        .containsExactly("organization_updated", "organization_created");
  }

  @Test
  void unknownOrganizationExitsWithThree() {
    // when
    Result result = cli.run("audit", "never-existed");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void acceptsLimitsAtEdges() {
    assertThat(cli.run("audit", "acme-labs", "--limit", "1").exitCode()).isZero();
    assertThat(cli.run("audit", "acme-labs", "--limit", "200").exitCode()).isZero();
  }

  @Test
  void rejectsLimitsOutsideEdges() {
    // when
    Result zero = cli.run("audit", "acme-labs", "--limit", "0");
    Result tooMany = cli.run("audit", "acme-labs", "--limit", "201");

    // then
    assertThat(zero.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(zero.err()).isEqualTo("Limit 0 is out of range; use 1 to 200.\n");
    assertThat(tooMany.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
  }

  @Test
  void rejectsForgedCursor() {
    // when
    Result result = cli.run("audit", "acme-labs", "--cursor", "forged");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("The cursor is invalid;");
  }

  @Test
  void rejectsInvalidName() {
    // when
    Result result = cli.run("audit", "a");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
  }
}
