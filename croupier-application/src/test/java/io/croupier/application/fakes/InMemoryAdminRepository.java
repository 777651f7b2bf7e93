package io.croupier.application.fakes;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.domain.AdminUser;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.EmailTaken;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Admin repository in a map, with the email unique across every organization. */
public final class InMemoryAdminRepository implements AdminRepository {

  private final Map<String, AdminUser> byId = new LinkedHashMap<>();
  private final FailurePlan failures;

  public InMemoryAdminRepository(FailurePlan failures) {
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  /**
   * Stores a new admin.
   *
   * @throws EmailTaken if another admin has the email
   * @throws IllegalStateException if an admin with the id is already stored
   */
  @Override
  public synchronized void insert(AdminUser admin) {
    failures.check(Operation.ADMIN_INSERT);
    if (byId.containsKey(admin.id())) {
      throw new IllegalStateException("Admin id " + admin.id() + " already stored");
    }
    rejectEmailOfAnother(admin);
    byId.put(admin.id(), admin);
    failures.checkAfterEffect(Operation.ADMIN_INSERT);
  }

  @Override
  public synchronized Optional<AdminUser> findById(String id) {
    failures.check(Operation.ADMIN_FIND_BY_ID);
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Optional<AdminUser> findByEmail(EmailAddress email) {
    failures.check(Operation.ADMIN_FIND_BY_EMAIL);
    return byId.values().stream().filter(stored -> stored.email().equals(email)).findFirst();
  }

  @Override
  public synchronized void update(AdminUser admin) {
    failures.check(Operation.ADMIN_UPDATE);
    if (!byId.containsKey(admin.id())) {
      return;
    }
    rejectEmailOfAnother(admin);
    byId.put(admin.id(), admin);
    failures.checkAfterEffect(Operation.ADMIN_UPDATE);
  }

  /** Replaces the hash in one step under the lock, like the conditional write of a real store. */
  @Override
  public synchronized boolean replacePasswordHash(
      String adminId, String currentHash, String newHash) {
    failures.check(Operation.ADMIN_UPDATE);
    AdminUser stored = byId.get(adminId);
    if (stored == null || !stored.passwordHash().equals(currentHash)) {
      return false;
    }
    byId.put(adminId, stored.withRehashedPassword(newHash));
    failures.checkAfterEffect(Operation.ADMIN_UPDATE);
    return true;
  }

  @Override
  public synchronized void deleteByOrganizationId(String organizationId) {
    failures.check(Operation.ADMIN_DELETE);
    byId.values().removeIf(stored -> stored.organizationId().equals(organizationId));
    failures.checkAfterEffect(Operation.ADMIN_DELETE);
  }

  /** Returns every stored admin, in insertion order. */
  public synchronized List<AdminUser> all() {
    return List.copyOf(byId.values());
  }

  /** Returns a copy of the stored admins by id, for comparing states. */
  public synchronized Map<String, AdminUser> snapshot() {
    return Map.copyOf(byId);
  }

  private void rejectEmailOfAnother(AdminUser admin) {
    boolean taken =
        byId.values().stream()
            .anyMatch(
                stored -> stored.email().equals(admin.email()) && !stored.id().equals(admin.id()));
    if (taken) {
      throw new EmailTaken(admin.email());
    }
  }
}
