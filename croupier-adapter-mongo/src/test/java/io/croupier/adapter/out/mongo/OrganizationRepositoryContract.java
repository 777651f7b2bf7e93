package io.croupier.adapter.out.mongo;

import static io.croupier.adapter.out.mongo.TestData.CREATED_AT;
import static io.croupier.adapter.out.mongo.TestData.UPDATED_AT;
import static io.croupier.adapter.out.mongo.TestData.organization;
import static io.croupier.adapter.out.mongo.TestData.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.client.MongoDatabase;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNameTaken;
import io.croupier.domain.OrganizationState;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link MongoOrganizationRepository} store must show. */
public abstract class OrganizationRepositoryContract {

  private OrganizationRepository repository;

  /** Returns the master database with the master collections prepared. */
  protected abstract MongoDatabase masterDatabase();

  @BeforeEach
  void createRepository() {
    repository = new MongoOrganizationRepository(masterDatabase());
  }

  @Test
  void findsInsertedOrganizationById() {
    // given
    Organization organization = organization(uniqueName("acme"));

    // when
    repository.insert(organization);

    // then
    assertThat(repository.findById(organization.id())).contains(organization);
  }

  @Test
  void findsInsertedOrganizationByName() {
    // given
    Organization organization = organization(uniqueName("acme"));

    // when
    repository.insert(organization);

    // then
    assertThat(repository.findByName(organization.name())).contains(organization);
  }

  @Test
  void returnsEmptyForUnknownId() {
    assertThat(repository.findById(UUID.randomUUID().toString())).isEmpty();
  }

  @Test
  void returnsEmptyForUnknownName() {
    assertThat(repository.findByName(uniqueName("missing"))).isEmpty();
  }

  @Test
  void findsOrganizationInEveryState() {
    for (OrganizationState state : OrganizationState.values()) {
      // given
      Organization organization = organization(uniqueName("state")).withState(state, CREATED_AT);

      // when
      repository.insert(organization);

      // then
      assertThat(repository.findByName(organization.name())).contains(organization);
    }
  }

  @Test
  void rejectsDuplicateOrganizationName() {
    // given
    OrganizationName name = uniqueName("taken");
    repository.insert(organization(name));
    Organization second = organization(name);

    // when
    OrganizationNameTaken conflict =
        catchThrowableOfType(OrganizationNameTaken.class, () -> repository.insert(second));

    // then
    assertThat(conflict.name()).isEqualTo(name);
    assertThat(repository.findById(second.id())).isEmpty();
  }

  @Test
  void acceptsNameDifferingInOneCharacter() {
    // given
    OrganizationName name = uniqueName("near");
    repository.insert(organization(name));
    Organization neighbour = organization(new OrganizationName(name.value() + "x"));

    // when
    repository.insert(neighbour);

    // then
    assertThat(repository.findById(neighbour.id())).contains(neighbour);
  }

  @Test
  void updateReplacesStoredOrganization() {
    // given
    Organization organization = organization(uniqueName("before"));
    repository.insert(organization);
    Organization renamed =
        organization
            .withName(uniqueName("after"), UPDATED_AT)
            .withState(OrganizationState.DELETING, UPDATED_AT);

    // when
    repository.update(renamed);

    // then
    assertThat(repository.findById(organization.id())).contains(renamed);
    assertThat(repository.findByName(organization.name())).isEmpty();
  }

  @Test
  void rejectsUpdateToTakenName() {
    // given
    Organization owner = organization(uniqueName("owner"));
    Organization other = organization(uniqueName("other"));
    repository.insert(owner);
    repository.insert(other);

    // when
    OrganizationNameTaken conflict =
        catchThrowableOfType(
            OrganizationNameTaken.class,
            () -> repository.update(other.withName(owner.name(), UPDATED_AT)));

    // then
    assertThat(conflict.name()).isEqualTo(owner.name());
    assertThat(repository.findById(other.id())).contains(other);
  }

  @Test
  void updateKeepingOwnNameIsNoConflict() {
    // given
    Organization organization = organization(uniqueName("same"));
    repository.insert(organization);
    Organization touched = organization.touchedAt(UPDATED_AT);

    // when
    repository.update(touched);

    // then
    assertThat(repository.findById(organization.id())).contains(touched);
  }

  @Test
  void updateOfMissingOrganizationStoresNothing() {
    // given
    Organization missing = organization(uniqueName("gone"));

    // when
    repository.update(missing);

    // then
    assertThat(repository.findById(missing.id())).isEmpty();
  }

  @Test
  void deleteByIdRemovesOrganization() {
    // given
    Organization organization = organization(uniqueName("delete"));
    repository.insert(organization);

    // when
    repository.deleteById(organization.id());

    // then
    assertThat(repository.findById(organization.id())).isEmpty();
    assertThat(repository.findByName(organization.name())).isEmpty();
  }

  @Test
  void deleteByIdKeepsOtherOrganizations() {
    // given
    Organization deleted = organization(uniqueName("delete"));
    Organization unrelated = organization(uniqueName("keep"));
    repository.insert(deleted);
    repository.insert(unrelated);

    // when
    repository.deleteById(deleted.id());

    // then
    assertThat(repository.findById(unrelated.id())).contains(unrelated);
  }

  @Test
  void deleteByIdOfMissingOrganizationDoesNothing() {
    // given
    Organization unrelated = organization(uniqueName("keep"));
    repository.insert(unrelated);

    // when
    Throwable failure = catchThrowable(() -> repository.deleteById(UUID.randomUUID().toString()));

    // then
    assertThat(failure).isNull();
    assertThat(repository.findById(unrelated.id())).contains(unrelated);
  }

  @Test
  void freesNameOfDeletedOrganization() {
    // given
    OrganizationName name = uniqueName("reuse");
    Organization first = organization(name);
    repository.insert(first);
    repository.deleteById(first.id());
    Organization second = organization(name);

    // when
    repository.insert(second);

    // then
    assertThat(repository.findByName(name)).contains(second);
  }

  @Test
  void keepsWholeMillisecondTimestampsExactly() {
    // given
    Organization organization = organization(uniqueName("millis"));

    // when
    repository.insert(organization);

    // then
    Organization stored = repository.findById(organization.id()).orElseThrow();
    assertThat(stored.createdAt()).isEqualTo(CREATED_AT);
  }

  @Test
  void truncatesTimestampsBelowTheMillisecond() {
    // given
    Instant precise = Instant.parse("2026-03-01T10:15:30.123999999Z");
    Organization organization =
        new Organization(
            UUID.randomUUID().toString(),
            uniqueName("micros"),
            UUID.randomUUID().toString(),
            OrganizationState.ACTIVE,
            precise,
            precise);

    // when
    repository.insert(organization);

    // then
    Organization stored = repository.findById(organization.id()).orElseThrow();
    assertThat(stored.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123Z"));
  }
}
