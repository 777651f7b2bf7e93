package io.croupier.adapter.out.mongo;

import static io.croupier.adapter.out.mongo.TestData.UPDATED_AT;
import static io.croupier.adapter.out.mongo.TestData.admin;
import static io.croupier.adapter.out.mongo.TestData.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.client.MongoDatabase;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.domain.AdminUser;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.EmailTaken;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link MongoAdminRepository} store must show. */
public abstract class AdminRepositoryContract {

  private AdminRepository repository;

  /** Returns the master database with the master collections prepared. */
  protected abstract MongoDatabase masterDatabase();

  @BeforeEach
  void createRepository() {
    repository = new MongoAdminRepository(masterDatabase());
  }

  private static String newOrganizationId() {
    return UUID.randomUUID().toString();
  }

  @Test
  void findsInsertedAdminById() {
    // given
    AdminUser admin = admin(newOrganizationId(), uniqueEmail());

    // when
    repository.insert(admin);

    // then
    assertThat(repository.findById(admin.id())).contains(admin);
  }

  @Test
  void findsInsertedAdminByEmail() {
    // given
    AdminUser admin = admin(newOrganizationId(), uniqueEmail());

    // when
    repository.insert(admin);

    // then
    assertThat(repository.findByEmail(admin.email())).contains(admin);
  }

  @Test
  void returnsEmptyForUnknownId() {
    assertThat(repository.findById(UUID.randomUUID().toString())).isEmpty();
  }

  @Test
  void returnsEmptyForUnknownEmail() {
    assertThat(repository.findByEmail(uniqueEmail())).isEmpty();
  }

  @Test
  void rejectsDuplicateEmail() {
    // given
    EmailAddress email = uniqueEmail();
    repository.insert(admin(newOrganizationId(), email));
    AdminUser second = admin(newOrganizationId(), email);

    // when
    EmailTaken conflict = catchThrowableOfType(EmailTaken.class, () -> repository.insert(second));

    // then
    assertThat(conflict.email()).isEqualTo(email);
    assertThat(repository.findById(second.id())).isEmpty();
  }

  @Test
  void acceptsEmailDifferingInOneCharacter() {
    // given
    EmailAddress email = uniqueEmail();
    repository.insert(admin(newOrganizationId(), email));
    AdminUser neighbour = admin(newOrganizationId(), new EmailAddress("x" + email.value()));

    // when
    repository.insert(neighbour);

    // then
    assertThat(repository.findById(neighbour.id())).contains(neighbour);
  }

  @Test
  void updateReplacesStoredAdmin() {
    // given
    AdminUser admin = admin(newOrganizationId(), uniqueEmail());
    repository.insert(admin);
    AdminUser changed =
        admin.withEmail(uniqueEmail(), UPDATED_AT).withPasswordHash("test-hash-new", UPDATED_AT);

    // when
    repository.update(changed);

    // then
    assertThat(repository.findById(admin.id())).contains(changed);
    assertThat(repository.findByEmail(admin.email())).isEmpty();
  }

  @Test
  void rejectsUpdateToTakenEmail() {
    // given
    AdminUser owner = admin(newOrganizationId(), uniqueEmail());
    AdminUser other = admin(newOrganizationId(), uniqueEmail());
    repository.insert(owner);
    repository.insert(other);

    // when
    EmailTaken conflict =
        catchThrowableOfType(
            EmailTaken.class, () -> repository.update(other.withEmail(owner.email(), UPDATED_AT)));

    // then
    assertThat(conflict.email()).isEqualTo(owner.email());
    assertThat(repository.findById(other.id())).contains(other);
  }

  @Test
  void updateKeepingOwnEmailIsNoConflict() {
    // given
    AdminUser admin = admin(newOrganizationId(), uniqueEmail());
    repository.insert(admin);
    AdminUser rehashed = admin.withPasswordHash("test-hash-rehashed", UPDATED_AT);

    // when
    repository.update(rehashed);

    // then
    assertThat(repository.findById(admin.id())).contains(rehashed);
  }

  @Test
  void updateOfMissingAdminStoresNothing() {
    // given
    AdminUser missing = admin(newOrganizationId(), uniqueEmail());

    // when
    repository.update(missing);

    // then
    assertThat(repository.findById(missing.id())).isEmpty();
  }

  @Test
  void keepsCredentialsVersionBeyondIntRange() {
    // given
    AdminUser admin = admin(newOrganizationId(), uniqueEmail());
    AdminUser large =
        new AdminUser(
            admin.id(),
            admin.organizationId(),
            admin.email(),
            admin.passwordHash(),
            Integer.MAX_VALUE + 1L,
            admin.createdAt(),
            admin.updatedAt());

    // when
    repository.insert(large);

    // then
    AdminUser stored = repository.findById(admin.id()).orElseThrow();
    assertThat(stored.credentialsVersion()).isEqualTo(Integer.MAX_VALUE + 1L);
  }

  @Test
  void deletesEveryAdminOfOrganization() {
    // given
    String organizationId = newOrganizationId();
    AdminUser first = admin(organizationId, uniqueEmail());
    AdminUser second = admin(organizationId, uniqueEmail());
    repository.insert(first);
    repository.insert(second);

    // when
    repository.deleteByOrganizationId(organizationId);

    // then
    assertThat(repository.findById(first.id())).isEmpty();
    assertThat(repository.findById(second.id())).isEmpty();
  }

  @Test
  void keepsAdminsOfOtherOrganizations() {
    // given
    AdminUser deleted = admin(newOrganizationId(), uniqueEmail());
    AdminUser unrelated = admin(newOrganizationId(), uniqueEmail());
    repository.insert(deleted);
    repository.insert(unrelated);

    // when
    repository.deleteByOrganizationId(deleted.organizationId());

    // then
    assertThat(repository.findById(unrelated.id())).contains(unrelated);
  }

  @Test
  void deleteByOrganizationIdWithoutAdminsDoesNothing() {
    // given
    AdminUser unrelated = admin(newOrganizationId(), uniqueEmail());
    repository.insert(unrelated);

    // when
    Throwable failure =
        catchThrowable(() -> repository.deleteByOrganizationId(newOrganizationId()));

    // then
    assertThat(failure).isNull();
    assertThat(repository.findById(unrelated.id())).contains(unrelated);
  }

  @Test
  void freesEmailOfDeletedAdmin() {
    // given
    EmailAddress email = uniqueEmail();
    AdminUser first = admin(newOrganizationId(), email);
    repository.insert(first);
    repository.deleteByOrganizationId(first.organizationId());
    AdminUser second = admin(newOrganizationId(), email);

    // when
    repository.insert(second);

    // then
    assertThat(repository.findByEmail(email)).contains(second);
  }
}
