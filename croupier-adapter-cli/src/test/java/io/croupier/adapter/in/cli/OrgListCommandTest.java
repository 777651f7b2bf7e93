package io.croupier.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.adapter.in.cli.Cli.Result;
import io.croupier.adapter.out.mongo.MongoConnection;
import io.croupier.adapter.out.mongo.MongoOrganizationRepository;
import io.croupier.adapter.out.mongo.MongoSchema;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrgListCommandTest {

  private static final Pattern NEXT_PAGE = Pattern.compile("(?m)^Next page: --after (\\S+) ");
  private static final Pattern ROW = Pattern.compile("(?m)^(bulk-\\d+) ");

  @TempDir Path dataDir;

  private Cli cli;

  @BeforeEach
  void createCli() {
    cli = new Cli(dataDir);
  }

  /** Stores organizations directly, because creating thousands through the CLI takes minutes. */
  private void storeDirectly(int count) {
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    try (MongoConnection connection = MongoConnection.open(Optional.empty(), dataDir)) {
      MongoSchema.prepare(connection.database());
      MongoOrganizationRepository repository =
          new MongoOrganizationRepository(connection.database());
      for (int i = 0; i < count; i++) {
        // Every tenth organization shares its creation time with the next, so ids break ties.
        Instant createdAt = base.plusMillis(i - i % 10 / 9);
        repository.insert(
            new Organization(
                UUID.randomUUID().toString(),
                new OrganizationName("bulk-" + i),
                UUID.randomUUID().toString(),
                OrganizationState.ACTIVE,
                createdAt,
                createdAt));
      }
    }
  }

  @Test
  void listsNewestFirstWithTotal() {
    // given
    cli.create("alpha", "admin@alpha.example");
    cli.create("bravo", "admin@bravo.example");

    // when
    Result result = cli.run("org", "list");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines.get(0)).startsWith("NAME ");
    assertThat(lines.get(1)).startsWith("bravo ");
    assertThat(lines.get(2)).startsWith("alpha ");
    assertThat(lines.get(3)).isEqualTo("Showing 2 of 2 organizations, newest first.");
    assertThat(lines).hasSize(4);
  }

  @Test
  void listsEmptyStore() {
    // when
    Result result = cli.run("org", "list");

    // then
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("Showing 0 of 0 organizations, newest first.\n");
  }

  @Test
  void printsCursorOfFullPage() {
    // given
    cli.create("alpha", "admin@alpha.example");
    cli.create("bravo", "admin@bravo.example");

    // when
    Result first = cli.run("org", "list", "--limit", "1");
    Matcher cursor = NEXT_PAGE.matcher(first.out());
    cursor.find();
    Result second = cli.run("org", "list", "--limit", "1", "--after", cursor.group(1));

    // then
    assertThat(first.out()).contains("Showing 1 of 2 organizations");
    assertThat(second.out().lines().toList().get(1)).startsWith("alpha ");
    assertThat(second.out()).doesNotContain("Next page");
  }

  @Test
  void printsPageAsJson() {
    // given
    cli.create("alpha", "admin@alpha.example");
    cli.create("bravo", "admin@bravo.example");

    // when
    Result result = cli.run("org", "list", "--limit", "1", "--output", "json");

    // then
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("{\n  \"organizations\": [\n    {\n      \"id\": ");
    assertThat(result.out()).contains("\"organization_name\": \"bravo\"");
    assertThat(result.out()).doesNotContain("\"email\"");
    assertThat(result.out()).contains("\"total\": 2,");
    assertThat(result.out()).containsPattern("\"next_cursor\": \"[A-Za-z0-9_-]+\"\n}\n$");
  }

  @Test
  void printsNullCursorOnLastPageAsJson() {
    // when
    Result result = cli.run("org", "list", "--output", "json");

    // then
    assertThat(result.out())
        .isEqualTo("{\n  \"organizations\": [],\n  \"total\": 0,\n  \"next_cursor\": null\n}\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "1000"})
  void acceptsLimitAtEdges(String limit) {
    assertThat(cli.run("org", "list", "--limit", limit).exitCode()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1001"})
  void rejectsLimitOutsideEdges(String limit) {
    // when
    Result result = cli.run("org", "list", "--limit", limit);

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).isEqualTo("Limit " + limit + " is out of range; use 1 to 1000.\n");
  }

  @Test
  void rejectsNonNumericLimit() {
    // when
    Result result = cli.run("org", "list", "--limit", "ten");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("Invalid value for option '--limit': 'ten' is not an int");
  }

  @Test
  void rejectsForeignCursor() {
    // when
    Result result = cli.run("org", "list", "--after", "not-a-cursor");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("Cursor 'not-a-cursor' is invalid");
  }

  @Test
  void pagesThroughThousandsWithoutLossOrDuplicates() {
    // given
    storeDirectly(2500);
    List<String> listed = new ArrayList<>();
    String cursor = null;

    // when
    do {
      Result page =
          cursor == null
              ? cli.run("org", "list", "--limit", "300")
              : cli.run("org", "list", "--limit", "300", "--after", cursor);
      assertThat(page.exitCode()).as(page.toString()).isZero();
      Matcher row = ROW.matcher(page.out());
      while (row.find()) {
        listed.add(row.group(1));
      }
      Matcher next = NEXT_PAGE.matcher(page.out());
      cursor = next.find() ? next.group(1) : null;
    } while (cursor != null);

    // then
    Set<String> distinct = new HashSet<>(listed);
    assertThat(listed).hasSize(2500);
    assertThat(distinct).hasSize(2500);
    assertThat(listed.get(0)).isIn("bulk-2499", "bulk-2498");
    assertThat(listed.get(2499)).isEqualTo("bulk-0");
  }
}
