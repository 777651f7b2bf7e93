package io.croupier.adapter.out.mongo;

import io.croupier.adapter.out.mongo.FaultPlan.Call;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.application.port.out.OrganizationPosition;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.TenantDocuments;
import io.croupier.application.port.out.TenantLocation;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.domain.AdminUser;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantTier;
import java.util.List;
import java.util.Optional;

/** Decorators of the storage ports whose writes fail when a {@link FaultPlan} picks them. */
public final class FaultyPorts {

  private FaultyPorts() {}

  /** Organization repository whose writes can fail. */
  public static final class Organizations implements OrganizationRepository {

    private final OrganizationRepository delegate;
    private final FaultPlan plan;

    public Organizations(OrganizationRepository delegate, FaultPlan plan) {
      this.delegate = delegate;
      this.plan = plan;
    }

    @Override
    public void insert(Organization organization) {
      plan.run(Call.ORGANIZATION_INSERT, () -> delegate.insert(organization));
    }

    @Override
    public Optional<Organization> findById(String id) {
      return delegate.findById(id);
    }

    @Override
    public Optional<Organization> findByName(OrganizationName name) {
      return delegate.findByName(name);
    }

    @Override
    public void update(Organization organization) {
      plan.run(Call.ORGANIZATION_UPDATE, () -> delegate.update(organization));
    }

    @Override
    public boolean updateIfUnchanged(Organization expected, Organization next) {
      return plan.call(Call.ORGANIZATION_UPDATE, () -> delegate.updateIfUnchanged(expected, next));
    }

    @Override
    public boolean updatePlacement(Organization expected, Organization next) {
      return plan.call(
          Call.ORGANIZATION_UPDATE_PLACEMENT, () -> delegate.updatePlacement(expected, next));
    }

    @Override
    public List<Organization> findUnsettled(int limit) {
      return delegate.findUnsettled(limit);
    }

    @Override
    public void deleteById(String id) {
      plan.run(Call.ORGANIZATION_DELETE, () -> delegate.deleteById(id));
    }

    @Override
    public List<Organization> findActivePage(Optional<OrganizationPosition> after, int limit) {
      return delegate.findActivePage(after, limit);
    }

    @Override
    public long countActive() {
      return delegate.countActive();
    }

    @Override
    public long countActive(TenantTier tier) {
      return delegate.countActive(tier);
    }
  }

  /** Admin repository whose writes can fail. */
  public static final class Admins implements AdminRepository {

    private final AdminRepository delegate;
    private final FaultPlan plan;

    public Admins(AdminRepository delegate, FaultPlan plan) {
      this.delegate = delegate;
      this.plan = plan;
    }

    @Override
    public void insert(AdminUser admin) {
      plan.run(Call.ADMIN_INSERT, () -> delegate.insert(admin));
    }

    @Override
    public Optional<AdminUser> findById(String id) {
      return delegate.findById(id);
    }

    @Override
    public Optional<AdminUser> findByEmail(EmailAddress email) {
      return delegate.findByEmail(email);
    }

    @Override
    public void update(AdminUser admin) {
      plan.run(Call.ADMIN_UPDATE, () -> delegate.update(admin));
    }

    @Override
    public void deleteByOrganizationId(String organizationId) {
      plan.run(Call.ADMIN_DELETE, () -> delegate.deleteByOrganizationId(organizationId));
    }
  }

  /** Tenant storage whose changes can fail. */
  public static final class Tenants implements TenantStorage {

    private final TenantStorage delegate;
    private final FaultPlan plan;

    public Tenants(TenantStorage delegate, FaultPlan plan) {
      this.delegate = delegate;
      this.plan = plan;
    }

    @Override
    public TenantLocation locate(TenantPlacement placement) {
      return delegate.locate(placement);
    }

    @Override
    public void create(TenantPlacement placement) {
      plan.run(Call.TENANT_CREATE, () -> delegate.create(placement));
    }

    @Override
    public void rename(TenantPlacement placement, OrganizationName to) {
      plan.run(Call.TENANT_RENAME, () -> delegate.rename(placement, to));
    }

    @Override
    public void drop(TenantPlacement placement) {
      plan.run(Call.TENANT_DROP, () -> delegate.drop(placement));
    }

    @Override
    public boolean exists(TenantPlacement placement) {
      return delegate.exists(placement);
    }

    @Override
    public TenantDocuments documents(TenantPlacement placement) {
      return delegate.documents(placement);
    }
  }
}
