package io.croupier.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantDatabaseNamesTest {

  /** Characters MongoDB allows in a database name that the names here use. */
  private static final String VALID_NAME = "[a-z0-9_-]{1,63}";

  private static int bytes(String name) {
    return name.getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void namesDatabaseAfterMasterAndOrganizationId() {
    // given
    String id = UUID.randomUUID().toString();

    // when
    String name = TenantDatabaseNames.of("croupier", id);

    // then
    assertThat(name).isEqualTo("croupier_t_" + id);
  }

  @Test
  void keepsIdThatMakesSixtyThreeBytes() {
    // given
    String id = "a".repeat(63 - "croupier_t_".length());

    // when
    String name = TenantDatabaseNames.of("croupier", id);

    // then
    assertThat(name).isEqualTo("croupier_t_" + id);
    assertThat(bytes(name)).isEqualTo(63);
  }

  @Test
  void hashesIdThatWouldMakeSixtyFourBytes() {
    // given
    String id = "a".repeat(64 - "croupier_t_".length());

    // when
    String name = TenantDatabaseNames.of("croupier", id);

    // then
    assertThat(name).startsWith("croupier_h_");
    assertThat(name).matches(VALID_NAME);
    assertThat(bytes(name)).isLessThan(64);
  }

  @Test
  void hashesIdWithUpperCase() {
    // given
    String lower = "abc-def";
    String upper = "ABC-DEF";

    // when
    String lowerName = TenantDatabaseNames.of("croupier", lower);
    String upperName = TenantDatabaseNames.of("croupier", upper);

    // then
    assertThat(lowerName).isEqualTo("croupier_t_abc-def");
    assertThat(upperName).matches(VALID_NAME);
    assertThat(upperName).isNotEqualToIgnoringCase(lowerName);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a/b", "a\\b", "a.b", "a b", "a\"b", "a$b", "a*b", "a<b", "a>b", "a:b", "a|b", "a?b",
        "a\0b", "é", ""
      })
  void hashesIdWithUnsafeCharacter(String id) {
    // when
    String name = TenantDatabaseNames.of("croupier", id);

    // then
    assertThat(name).startsWith("croupier_h_");
    assertThat(name).matches(VALID_NAME);
  }

  @Test
  void hashedIdsOfDifferentIdsDiffer() {
    assertThat(TenantDatabaseNames.of("croupier", "a.b"))
        .isNotEqualTo(TenantDatabaseNames.of("croupier", "a.c"));
  }

  @Test
  void returnsSameNameForSameInput() {
    assertThat(TenantDatabaseNames.of("croupier", "A.B"))
        .isEqualTo(TenantDatabaseNames.of("croupier", "A.B"));
  }

  @Test
  void lowerCasesMasterName() {
    assertThat(TenantDatabaseNames.prefix("Croupier-Prod")).isEqualTo("croupier-prod");
  }

  @Test
  void keepsMasterNameOfTwentyCharacters() {
    // given
    String master = "m".repeat(TenantDatabaseNames.MAX_PREFIX_LENGTH);

    // when
    String prefix = TenantDatabaseNames.prefix(master);

    // then
    assertThat(prefix).isEqualTo(master);
  }

  @Test
  void hashesMasterNameOfTwentyOneCharacters() {
    // given
    String master = "m".repeat(TenantDatabaseNames.MAX_PREFIX_LENGTH + 1);

    // when
    String prefix = TenantDatabaseNames.prefix(master);

    // then
    assertThat(prefix).matches("m{11}-[0-9a-f]{8}");
  }

  @Test
  void shortenedMasterNamesWithSameStartDiffer() {
    assertThat(TenantDatabaseNames.prefix("croupier_staging_europe"))
        .isNotEqualTo(TenantDatabaseNames.prefix("croupier_staging_asia_1"));
  }

  @Test
  void replacesUnsafeMasterNameCharacters() {
    // when
    String prefix = TenantDatabaseNames.prefix("café");

    // then
    assertThat(prefix).matches("caf_-[0-9a-f]{8}");
  }

  @Test
  void fitsLongestMasterName() {
    // given
    String master = "x".repeat(63);

    // when
    String name = TenantDatabaseNames.of(master, UUID.randomUUID().toString());

    // then
    assertThat(name).matches(VALID_NAME);
    assertThat(name).contains("_t_");
  }
}
