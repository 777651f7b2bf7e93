package io.croupier.library;

import io.croupier.application.port.out.AdminRepository;
import io.croupier.domain.AdminUser;
import io.croupier.domain.EmailAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@link AdminRepository} decorator that caches admins found by id, with the credentials version
 * that token authentication checks, for a short time. Every write through it removes the admin's
 * entry, so a password change made through this instance revokes older tokens at once. A password
 * change made through another instance revokes them once the entry expires. Lookups by email always
 * read the store, because a login must see the current password hash.
 *
 * <p>Services that read an admin in order to change it use {@link #uncachedReads()}.
 */
final class CachingAdminRepository implements AdminRepository {

  private final AdminRepository store;
  private final ExpiringCache<String, AdminUser> byId;

  /**
   * Creates the decorator with entries that live for the TTL on the monotonic nanosecond clock.
   *
   * @throws IllegalArgumentException if the TTL is not positive
   */
  CachingAdminRepository(AdminRepository store, Duration ttl, LongSupplier nanoTime) {
    this.store = Objects.requireNonNull(store, "store");
    this.byId = new ExpiringCache<>(ttl, ExpiringCache.MAX_ENTRIES, nanoTime);
  }

  /** Returns a view with the same writes and invalidation whose lookups always read the store. */
  AdminRepository uncachedReads() {
    return new UncachedReads();
  }

  @Override
  public void insert(AdminUser admin) {
    try {
      store.insert(admin);
    } finally {
      byId.invalidate(admin.id());
    }
  }

  @Override
  public Optional<AdminUser> findById(String id) {
    return byId.get(id, store::findById);
  }

  @Override
  public Optional<AdminUser> findByEmail(EmailAddress email) {
    return store.findByEmail(email);
  }

  @Override
  public void update(AdminUser admin) {
    try {
      store.update(admin);
    } finally {
      byId.invalidate(admin.id());
    }
  }

  /**
   * Delegates to the store's own conditional write, never to the port's read-then-write default.
   */
  @Override
  public boolean replacePasswordHash(String adminId, String currentHash, String newHash) {
    try {
      return store.replacePasswordHash(adminId, currentHash, newHash);
    } finally {
      byId.invalidate(adminId);
    }
  }

  @Override
  public void deleteByOrganizationId(String organizationId) {
    try {
      store.deleteByOrganizationId(organizationId);
    } finally {
      byId.invalidateIf(cached -> cached.organizationId().equals(organizationId));
    }
  }

  /** The same repository with every lookup read from the store. */
  private final class UncachedReads implements AdminRepository {

    @Override
    public void insert(AdminUser admin) {
      CachingAdminRepository.this.insert(admin);
    }

    @Override
    public Optional<AdminUser> findById(String id) {
      return store.findById(id);
    }

    @Override
    public Optional<AdminUser> findByEmail(EmailAddress email) {
      return store.findByEmail(email);
    }

    @Override
    public void update(AdminUser admin) {
      CachingAdminRepository.this.update(admin);
    }

    @Override
    public boolean replacePasswordHash(String adminId, String currentHash, String newHash) {
      return CachingAdminRepository.this.replacePasswordHash(adminId, currentHash, newHash);
    }

    @Override
    public void deleteByOrganizationId(String organizationId) {
      CachingAdminRepository.this.deleteByOrganizationId(organizationId);
    }
  }
}
