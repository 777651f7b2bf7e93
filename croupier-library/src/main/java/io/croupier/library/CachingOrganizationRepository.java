package io.croupier.library;

import io.croupier.application.port.out.OrganizationPosition;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantTier;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@link OrganizationRepository} decorator that caches organizations found by id and by name for a
 * short time. Every write through it removes the organization's entries, so a change made through
 * this instance is seen at once. A change made through another instance is seen once the entries
 * expire. Pages and counts always read the store.
 *
 * <p>Services that read an organization in order to change it use {@link #uncachedReads()}, so that
 * they never write back a value another instance changed meanwhile.
 */
final class CachingOrganizationRepository implements OrganizationRepository {

  private final OrganizationRepository store;
  private final ExpiringCache<String, Organization> byId;
  private final ExpiringCache<OrganizationName, Organization> byName;

  /**
   * Creates the decorator with entries that live for the TTL on the monotonic nanosecond clock.
   *
   * @throws IllegalArgumentException if the TTL is not positive
   */
  CachingOrganizationRepository(OrganizationRepository store, Duration ttl, LongSupplier nanoTime) {
    this.store = Objects.requireNonNull(store, "store");
    this.byId = new ExpiringCache<>(ttl, ExpiringCache.MAX_ENTRIES, nanoTime);
    this.byName = new ExpiringCache<>(ttl, ExpiringCache.MAX_ENTRIES, nanoTime);
  }

  /** Returns a view with the same writes and invalidation whose lookups always read the store. */
  OrganizationRepository uncachedReads() {
    return new UncachedReads();
  }

  @Override
  public void insert(Organization organization) {
    try {
      store.insert(organization);
    } finally {
      forget(organization.id(), organization.name());
    }
  }

  @Override
  public Optional<Organization> findById(String id) {
    return byId.get(id, store::findById);
  }

  @Override
  public Optional<Organization> findByName(OrganizationName name) {
    return byName.get(name, store::findByName);
  }

  @Override
  public void update(Organization organization) {
    try {
      store.update(organization);
    } finally {
      forget(organization.id(), organization.name());
    }
  }

  @Override
  public boolean updateIfUnchanged(Organization expected, Organization next) {
    try {
      return store.updateIfUnchanged(expected, next);
    } finally {
      forget(next.id(), next.name());
    }
  }

  @Override
  public void deleteById(String id) {
    try {
      store.deleteById(id);
    } finally {
      forget(id, null);
    }
  }

  @Override
  public List<Organization> findActivePage(Optional<OrganizationPosition> after, int limit) {
    return store.findActivePage(after, limit);
  }

  @Override
  public long countActive() {
    return store.countActive();
  }

  @Override
  public boolean updatePlacement(Organization expected, Organization next) {
    try {
      return store.updatePlacement(expected, next);
    } finally {
      forget(expected.id(), expected.name());
    }
  }

  @Override
  public List<Organization> findUnsettled(int limit) {
    return store.findUnsettled(limit);
  }

  @Override
  public long countActive(TenantTier tier) {
    return store.countActive(tier);
  }

  /**
   * Removes the entries of the organization under its id, under the name it has now, and under any
   * former name, which a rename leaves behind.
   */
  private void forget(String id, OrganizationName name) {
    byId.invalidate(id);
    if (name != null) {
      byName.invalidate(name);
    }
    byName.invalidateIf(cached -> cached.id().equals(id));
  }

  /** The same repository with every lookup read from the store. */
  private final class UncachedReads implements OrganizationRepository {

    @Override
    public void insert(Organization organization) {
      CachingOrganizationRepository.this.insert(organization);
    }

    @Override
    public Optional<Organization> findById(String id) {
      return store.findById(id);
    }

    @Override
    public Optional<Organization> findByName(OrganizationName name) {
      return store.findByName(name);
    }

    @Override
    public void update(Organization organization) {
      CachingOrganizationRepository.this.update(organization);
    }

    @Override
    public boolean updateIfUnchanged(Organization expected, Organization next) {
      return CachingOrganizationRepository.this.updateIfUnchanged(expected, next);
    }

    @Override
    public void deleteById(String id) {
      CachingOrganizationRepository.this.deleteById(id);
    }

    @Override
    public List<Organization> findActivePage(Optional<OrganizationPosition> after, int limit) {
      return store.findActivePage(after, limit);
    }

    @Override
    public long countActive() {
      return store.countActive();
    }

    @Override
    public boolean updatePlacement(Organization expected, Organization next) {
      return CachingOrganizationRepository.this.updatePlacement(expected, next);
    }

    @Override
    public List<Organization> findUnsettled(int limit) {
      return store.findUnsettled(limit);
    }

    @Override
    public long countActive(TenantTier tier) {
      return store.countActive(tier);
    }
  }
}
