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

  /** Removes every admin of the organization; does nothing if there is none. */
  void deleteByOrganizationId(String organizationId);
}
