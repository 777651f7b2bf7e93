package io.croupier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdminUserTest {

  private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant LATER = Instant.parse("2025-01-02T00:00:00Z");
  private static final String HASH = "$2a$12$abcdefghijklmnopqrstuuMxyzMxyzMxyzMxyzMxyzMxyzMxyzMx";

  private static AdminUser admin() {
    return new AdminUser(
        "admin-1", "org-1", EmailAddress.of("admin@acme.io"), HASH, 1, CREATED, CREATED);
  }

  @Test
  void toStringLeavesOutHash() {
    // when
    String printed = admin().toString();

    // then
    assertThat(printed).doesNotContain(HASH);
  }

  @Test
  void toStringShowsIdsAndEmail() {
    // when
    String printed = admin().toString();

    // then
    assertThat(printed).contains("admin-1");
    assertThat(printed).contains("org-1");
    assertThat(printed).contains("admin@acme.io");
  }

  @Test
  void passwordChangeBumpsCredentialsVersion() {
    // when
    AdminUser changed = admin().withPasswordHash("other-hash", LATER);

    // then
    assertThat(changed.credentialsVersion()).isEqualTo(2);
    assertThat(changed.passwordHash()).isEqualTo("other-hash");
    assertThat(changed.updatedAt()).isEqualTo(LATER);
    assertThat(changed.createdAt()).isEqualTo(CREATED);
  }

  @Test
  void emailChangeKeepsCredentialsVersion() {
    // when
    AdminUser changed = admin().withEmail(EmailAddress.of("new@acme.io"), LATER);

    // then
    assertThat(changed.email().value()).isEqualTo("new@acme.io");
    assertThat(changed.credentialsVersion()).isEqualTo(1);
    assertThat(changed.updatedAt()).isEqualTo(LATER);
  }
}
