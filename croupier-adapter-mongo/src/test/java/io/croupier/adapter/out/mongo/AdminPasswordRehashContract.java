package io.croupier.adapter.out.mongo;

import static io.croupier.adapter.out.mongo.TestData.UPDATED_AT;
import static io.croupier.adapter.out.mongo.TestData.admin;
import static io.croupier.adapter.out.mongo.TestData.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.domain.AdminUser;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How every {@link MongoAdminRepository} store replaces a password hash after a re-hash. */
public abstract class AdminPasswordRehashContract {

  private AdminRepository repository;
  private AdminUser admin;

  /** Returns the master database with the master collections prepared. */
  protected abstract MongoDatabase masterDatabase();

  @BeforeEach
  void storeAdmin() {
    repository = new MongoAdminRepository(masterDatabase());
    admin = admin(UUID.randomUUID().toString(), uniqueEmail());
    repository.insert(admin);
  }

  private AdminUser stored() {
    return repository.findById(admin.id()).orElseThrow();
  }

  @Test
  void replacesCurrentHash() {
    // when
    boolean replaced = repository.replacePasswordHash(admin.id(), admin.passwordHash(), "rehashed");

    // then
    assertThat(replaced).isTrue();
    assertThat(stored()).isEqualTo(admin.withRehashedPassword("rehashed"));
  }

  @Test
  void keepsCredentialsVersion() {
    // when
    repository.replacePasswordHash(admin.id(), admin.passwordHash(), "rehashed");

    // then
    assertThat(stored().credentialsVersion()).isEqualTo(admin.credentialsVersion());
  }

  @Test
  void leavesHashChangedMeanwhile() {
    // given
    AdminUser changed = admin.withPasswordHash("changed-by-update", UPDATED_AT);
    repository.update(changed);

    // when
    boolean replaced = repository.replacePasswordHash(admin.id(), admin.passwordHash(), "rehashed");

    // then
    assertThat(replaced).isFalse();
    assertThat(stored()).isEqualTo(changed);
  }

  @Test
  void keepsEmailChangedMeanwhile() {
    // given
    AdminUser changed = admin.withEmail(uniqueEmail(), UPDATED_AT);
    repository.update(changed);

    // when
    repository.replacePasswordHash(admin.id(), admin.passwordHash(), "rehashed");

    // then
    assertThat(stored().email()).isEqualTo(changed.email());
    assertThat(stored().passwordHash()).isEqualTo("rehashed");
  }

  @Test
  void reportsUnknownAdmin() {
    assertThat(repository.replacePasswordHash("unknown", admin.passwordHash(), "x")).isFalse();
  }
}
