package io.croupier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdminUserRehashTest {

  private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant UPDATED = Instant.parse("2025-01-02T00:00:00Z");

  private final AdminUser admin =
      new AdminUser(
          "admin-1", "org-1", EmailAddress.of("admin@acme.io"), "old-hash", 3, CREATED, UPDATED);

  @Test
  void rehashReplacesHash() {
    // when
    AdminUser rehashed = admin.withRehashedPassword("new-hash");

    // then
    assertThat(rehashed.passwordHash()).isEqualTo("new-hash");
  }

  @Test
  void rehashKeepsCredentialsVersion() {
    // when
    AdminUser rehashed = admin.withRehashedPassword("new-hash");

    // then
    assertThat(rehashed.credentialsVersion()).isEqualTo(3);
  }

  @Test
  void rehashKeepsUpdateTime() {
    // when
    AdminUser rehashed = admin.withRehashedPassword("new-hash");

    // then
    assertThat(rehashed.updatedAt()).isEqualTo(UPDATED);
  }
}
