package io.croupier.application.port.out;

import io.croupier.domain.AdminUser;
import io.croupier.domain.EmailAddress;
import java.util.Optional;

/** Admin users, with the email unique across every organization. */
public interface AdminRepository {

  /**
   * Stores a new admin.
   *
   * @throws io.croupier.domain.EmailTaken if another admin has the email
   */
  void insert(AdminUser admin);

  /** Returns the admin with the id, or empty. */
  Optional<AdminUser> findById(String id);

  /** Returns the admin with the normalized email, or empty. */
  Optional<AdminUser> findByEmail(EmailAddress email);

  /**
   * Replaces the stored admin that has the same id; does nothing if it is gone.
   *
   * @throws io.croupier.domain.EmailTaken if another admin has the new email
   */
  void update(AdminUser admin);

  /**
   * Replaces the password hash of the admin with a new hash of the same password, only while the
   * stored hash is still {@code currentHash}, and leaves every other field as it is stored, so that
   * a password or email change made meanwhile is never overwritten. Returns whether the hash was
   * replaced.
   *
   * <p>This default reads and then writes, so a change between the two steps can be lost.
   * Implementations should override it with one conditional write.
   */
  default boolean replacePasswordHash(String adminId, String currentHash, String newHash) {
    Optional<AdminUser> stored =
        findById(adminId).filter(admin -> admin.passwordHash().equals(currentHash));
    stored.ifPresent(admin -> update(admin.withRehashedPassword(newHash)));
    return stored.isPresent();
  }

  /** Removes every admin of the organization; does nothing if there is none. */
  void deleteByOrganizationId(String organizationId);
}
