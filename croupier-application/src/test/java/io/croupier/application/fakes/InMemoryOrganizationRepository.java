package io.croupier.application.fakes;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.port.out.OrganizationPosition;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.TenantMove;
import io.croupier.domain.TenantTier;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Organization repository in a map, with the name unique across every state. */
public final class InMemoryOrganizationRepository implements OrganizationRepository {

  private static final Comparator<Organization> NEWEST_FIRST =
      Comparator.comparing(Organization::createdAt).thenComparing(Organization::id).reversed();

  private final Map<String, Organization> byId = new LinkedHashMap<>();
  private final FailurePlan failures;
  private Runnable beforeNextConditionalUpdate = () -> {};

  public InMemoryOrganizationRepository(FailurePlan failures) {
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  /**
   * Sets a step that the next {@link #updateIfUnchanged} runs first, once, so that a test can make
   * another request change the organization between a read and a compare-and-set.
   */
  public synchronized void beforeNextConditionalUpdate(Runnable step) {
    this.beforeNextConditionalUpdate = Objects.requireNonNull(step, "step");
  }

  /**
   * Stores a new organization.
   *
   * @throws OrganizationNameTaken if any organization has the name
   * @throws IllegalStateException if an organization with the id is already stored
   */
  @Override
  public synchronized void insert(Organization organization) {
    failures.check(Operation.ORGANIZATION_INSERT);
    if (byId.containsKey(organization.id())) {
      throw new IllegalStateException("Organization id " + organization.id() + " already stored");
    }
    rejectNameOfAnother(organization);
    byId.put(organization.id(), organization);
    failures.checkAfterEffect(Operation.ORGANIZATION_INSERT);
  }

  @Override
  public synchronized Optional<Organization> findById(String id) {
    failures.check(Operation.ORGANIZATION_FIND_BY_ID);
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Optional<Organization> findByName(OrganizationName name) {
    failures.check(Operation.ORGANIZATION_FIND_BY_NAME);
    return byId.values().stream().filter(stored -> stored.name().equals(name)).findFirst();
  }

  @Override
  public synchronized void update(Organization organization) {
    failures.check(Operation.ORGANIZATION_UPDATE);
    if (byId.containsKey(organization.id())) {
      replaceMetadata(organization);
    }
    failures.checkAfterEffect(Operation.ORGANIZATION_UPDATE);
  }

  @Override
  public synchronized boolean updateIfUnchanged(Organization expected, Organization next) {
    Runnable step = beforeNextConditionalUpdate;
    beforeNextConditionalUpdate = () -> {};
    step.run();
    failures.check(Operation.ORGANIZATION_UPDATE);
    Organization stored = byId.get(expected.id());
    boolean matches =
        stored != null
            && stored.name().equals(expected.name())
            && stored.storageName().equals(expected.storageName())
            && stored.state() == expected.state();
    if (matches) {
      replaceMetadata(next);
    }
    failures.checkAfterEffect(Operation.ORGANIZATION_UPDATE);
    return matches;
  }

  private void replaceMetadata(Organization organization) {
    rejectNameOfAnother(organization);
    Organization stored = byId.get(organization.id());
    byId.put(
        organization.id(),
        new Organization(
            organization.id(),
            organization.name(),
            organization.adminId(),
            organization.state(),
            organization.createdAt(),
            organization.updatedAt(),
            stored.tier(),
            organization.storageName(),
            stored.move()));
  }

  @Override
  public synchronized boolean updatePlacement(Organization expected, Organization next) {
    failures.check(Operation.ORGANIZATION_UPDATE);
    Organization stored = byId.get(expected.id());
    boolean matches =
        stored != null
            && stored.state() == expected.state()
            && stored.tier() == expected.tier()
            && sameMove(stored.move(), expected.move());
    if (matches) {
      byId.put(
          stored.id(),
          stored.withTier(next.tier(), next.updatedAt()).withMove(next.move(), next.updatedAt()));
    }
    failures.checkAfterEffect(Operation.ORGANIZATION_UPDATE);
    return matches;
  }

  private static boolean sameMove(Optional<TenantMove> stored, Optional<TenantMove> expected) {
    if (stored.isEmpty() || expected.isEmpty()) {
      return stored.isEmpty() && expected.isEmpty();
    }
    TenantMove a = stored.get();
    TenantMove b = expected.get();
    return a.source() == b.source()
        && a.target() == b.target()
        && a.phase() == b.phase()
        && a.startedAt().equals(b.startedAt());
  }

  @Override
  public synchronized List<Organization> findUnsettled(int limit) {
    failures.check(Operation.ORGANIZATION_FIND_PAGE);
    return byId.values().stream()
        .filter(o -> !o.isActive() || o.move().isPresent() || o.isRenaming())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized long countActive(TenantTier tier) {
    failures.check(Operation.ORGANIZATION_COUNT);
    return byId.values().stream()
        .filter(Organization::isActive)
        .filter(o -> o.tier() == tier)
        .count();
  }

  @Override
  public synchronized void deleteById(String id) {
    failures.check(Operation.ORGANIZATION_DELETE);
    byId.remove(id);
    failures.checkAfterEffect(Operation.ORGANIZATION_DELETE);
  }

  @Override
  public synchronized List<Organization> findActivePage(
      Optional<OrganizationPosition> after, int limit) {
    failures.check(Operation.ORGANIZATION_FIND_PAGE);
    return byId.values().stream()
        .filter(Organization::isActive)
        .filter(stored -> after.map(position -> sortsAfter(stored, position)).orElse(true))
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized long countActive() {
    failures.check(Operation.ORGANIZATION_COUNT);
    return byId.values().stream().filter(Organization::isActive).count();
  }

  private static boolean sortsAfter(Organization stored, OrganizationPosition position) {
    int byTime = stored.createdAt().compareTo(position.createdAt());
    return byTime < 0 || (byTime == 0 && stored.id().compareTo(position.id()) < 0);
  }

  /** Returns every stored organization in any state, in insertion order. */
  public synchronized List<Organization> all() {
    return List.copyOf(byId.values());
  }

  /** Returns a copy of the stored organizations by id, for comparing states. */
  public synchronized Map<String, Organization> snapshot() {
    return Map.copyOf(byId);
  }

  private void rejectNameOfAnother(Organization organization) {
    boolean taken =
        byId.values().stream()
            .anyMatch(
                stored ->
                    stored.name().equals(organization.name())
                        && !stored.id().equals(organization.id()));
    if (taken) {
      throw new OrganizationNameTaken(organization.name());
    }
  }
}
