package io.croupier.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.application.fakes.FailurePlan;
import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.fakes.InMemoryAdminRepository;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.domain.AdminUser;
import io.croupier.domain.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachingAdminRepositoryTest {

  private static final Duration TTL = Duration.ofSeconds(2);
  private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

  private final FailurePlan store = new FailurePlan();
  private final InMemoryAdminRepository stored = new InMemoryAdminRepository(store);
  private final AtomicLong nanoTime = new AtomicLong();
  private final CachingAdminRepository cached =
      new CachingAdminRepository(stored, TTL, nanoTime::get);

  private final AdminUser admin = admin("admin-1", "org-1", "admin@acme.example");

  private static AdminUser admin(String id, String organizationId, String email) {
    return new AdminUser(id, organizationId, EmailAddress.of(email), "hash-1", 1, CREATED, CREATED);
  }

  private int readsById() {
    return store.calls(Operation.ADMIN_FIND_BY_ID);
  }

  @Test
  void cachedReadHitsStoreOnce() {
    // given
    stored.insert(admin);
    cached.findById(admin.id());

    // when
    Optional<AdminUser> second = cached.findById(admin.id());

    // then
    assertThat(second).hasValue(admin);
    assertThat(readsById()).isEqualTo(1);
  }

  @Test
  void entryExpiresAfterTtl() {
    // given
    stored.insert(admin);
    cached.findById(admin.id());
    nanoTime.addAndGet(TTL.toNanos());

    // when
    cached.findById(admin.id());

    // then
    assertThat(readsById()).isEqualTo(2);
  }

  @Test
  void passwordChangeThroughCacheIsSeenAtOnce() {
    // given
    stored.insert(admin);
    cached.findById(admin.id());
    AdminUser changed = admin.withPasswordHash("hash-2", CREATED);

    // when
    cached.update(changed);

    // then
    assertThat(cached.findById(admin.id()).map(AdminUser::credentialsVersion)).hasValue(2L);
  }

  @Test
  void rehashUsesStoresConditionalWrite() {
    // given
    stored.insert(admin);
    cached.findById(admin.id());

    // when
    boolean replaced = cached.replacePasswordHash(admin.id(), "hash-1", "hash-2");

    // then
    assertThat(replaced).isTrue();
    assertThat(cached.findById(admin.id()).map(AdminUser::passwordHash)).hasValue("hash-2");
    assertThat(readsById()).isEqualTo(2);
  }

  @Test
  void deleteByOrganizationRemovesOnlyItsAdmins() {
    // given
    AdminUser other = admin("admin-2", "org-2", "admin@other.example");
    stored.insert(admin);
    stored.insert(other);
    cached.findById(admin.id());
    cached.findById(other.id());

    // when
    cached.deleteByOrganizationId(admin.organizationId());

    // then
    assertThat(cached.findById(admin.id())).isEmpty();
    assertThat(cached.findById(other.id())).hasValue(other);
    assertThat(readsById()).isEqualTo(3);
  }

  @Test
  void lookupByEmailReadsStoreEveryTime() {
    // given
    stored.insert(admin);
    cached.findByEmail(admin.email());

    // when
    cached.findByEmail(admin.email());

    // then
    assertThat(store.calls(Operation.ADMIN_FIND_BY_EMAIL)).isEqualTo(2);
  }

  @Test
  void writeThroughUncachedViewIsSeenAtOnce() {
    // given
    AdminRepository writer = cached.uncachedReads();
    stored.insert(admin);
    cached.findById(admin.id());

    // when
    writer.update(admin.withPasswordHash("hash-2", CREATED));

    // then
    assertThat(cached.findById(admin.id()).map(AdminUser::credentialsVersion)).hasValue(2L);
  }

  @Test
  void uncachedViewReadsStoreEveryTime() {
    // given
    AdminRepository writer = cached.uncachedReads();
    stored.insert(admin);
    cached.findById(admin.id());

    // when
    writer.findById(admin.id());

    // then
    assertThat(readsById()).isEqualTo(2);
  }
}
