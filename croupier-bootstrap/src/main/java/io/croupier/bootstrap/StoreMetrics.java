package io.croupier.bootstrap;

import io.croupier.adapter.out.mongo.MongoConnection;
import io.croupier.adapter.out.mongo.MongoTenantStorage;
import io.croupier.application.port.in.ListOrganizationsQuery;
import io.croupier.application.port.in.ListOrganizationsUseCase;
import io.croupier.application.port.out.StoreUnavailable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of what the store contains: {@code croupier.organizations}, the active organizations, and
 * {@code croupier.tenant.collections}, the tenant collections of the master database. Both are read
 * from the store when metrics are scraped, at most once per second, so one scrape costs one round
 * of queries. While the store does not answer, both are NaN.
 */
@Singleton
final class StoreMetrics implements MeterBinder {

  static final String ORGANIZATIONS = "croupier.organizations";
  static final String TENANT_COLLECTIONS = "croupier.tenant.collections";

  private static final Logger LOG = LoggerFactory.getLogger(StoreMetrics.class);
  private static final long MAX_AGE_NANOS = Duration.ofSeconds(1).toNanos();

  private final ListOrganizationsUseCase organizations;
  private final MongoTenantStorage tenants;
  private StoreCounts counts;
  private long countedAt;

  StoreMetrics(ListOrganizationsUseCase organizations, MongoConnection connection) {
    this.organizations = organizations;
    this.tenants = new MongoTenantStorage(connection.client(), connection.database());
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(ORGANIZATIONS, this, metrics -> metrics.counts().organizations())
        .description("Active organizations in the store")
        .register(registry);
    Gauge.builder(TENANT_COLLECTIONS, this, metrics -> metrics.counts().tenantCollections())
        .description("Tenant collections org_<name> in the master database")
        .register(registry);
  }

  /** Returns the counts read within the last second, reading them again when they are older. */
  synchronized StoreCounts counts() {
    if (counts == null || System.nanoTime() - countedAt >= MAX_AGE_NANOS) {
      counts = read();
      countedAt = System.nanoTime();
    }
    return counts;
  }

  private StoreCounts read() {
    try {
      long active = organizations.list(ListOrganizationsQuery.firstPage(1)).total();
      return new StoreCounts(active, tenants.countCollections());
    } catch (StoreUnavailable unavailable) {
      // Health checks and the failed requests log an outage already, so scrapes log it at DEBUG.
      LOG.debug("Reading the store's counts for metrics failed", unavailable);
      return new StoreCounts(Double.NaN, Double.NaN);
    }
  }

  /** Organization and tenant collection counts, NaN when they could not be read. */
  record StoreCounts(double organizations, double tenantCollections) {}
}
