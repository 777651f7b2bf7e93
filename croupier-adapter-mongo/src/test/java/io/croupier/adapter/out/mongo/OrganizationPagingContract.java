package io.croupier.adapter.out.mongo;

import static io.croupier.adapter.out.mongo.TestData.CREATED_AT;
import static io.croupier.adapter.out.mongo.TestData.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.croupier.application.port.out.OrganizationPosition;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Newest-first keyset paging that every {@link MongoOrganizationRepository} store must serve. */
public abstract class OrganizationPagingContract {

  private static final Comparator<Organization> NEWEST_FIRST =
      Comparator.comparing(Organization::createdAt).thenComparing(Organization::id).reversed();

  private MongoDatabase database;
  private OrganizationRepository repository;

  /** Returns an empty master database with the master collections prepared. */
  protected abstract MongoDatabase freshMasterDatabase();

  @BeforeEach
  void createRepository() {
    database = freshMasterDatabase();
    repository = new MongoOrganizationRepository(database);
  }

  private static Organization organizationAt(Instant createdAt, OrganizationState state) {
    return new Organization(
        UUID.randomUUID().toString(),
        uniqueName("page"),
        UUID.randomUUID().toString(),
        state,
        createdAt,
        createdAt);
  }

  /** Stores the organizations with one bulk write, which is much faster than one insert each. */
  private void storeAll(List<Organization> organizations) {
    List<Document> documents = new ArrayList<>();
    organizations.forEach(
        organization -> documents.add(OrganizationDocuments.toDocument(organization)));
    database.getCollection(OrganizationDocuments.COLLECTION).insertMany(documents);
  }

  private List<Organization> pageThroughAll(int limit) {
    List<Organization> listed = new ArrayList<>();
    Optional<OrganizationPosition> after = Optional.empty();
    while (true) {
      List<Organization> page = repository.findActivePage(after, limit);
      listed.addAll(page);
      if (page.size() < limit) {
        return listed;
      }
      Organization last = page.get(page.size() - 1);
      after = Optional.of(new OrganizationPosition(last.createdAt(), last.id()));
    }
  }

  @Test
  void listsNewestFirstWithIdAsTieBreak() {
    // given
    Organization older = organizationAt(CREATED_AT, OrganizationState.ACTIVE);
    Organization sameTimeA = organizationAt(CREATED_AT.plusSeconds(5), OrganizationState.ACTIVE);
    Organization sameTimeB = organizationAt(CREATED_AT.plusSeconds(5), OrganizationState.ACTIVE);
    Organization newest = organizationAt(CREATED_AT.plusSeconds(9), OrganizationState.ACTIVE);
    storeAll(List.of(older, sameTimeA, newest, sameTimeB));

    // when
    List<Organization> page = repository.findActivePage(Optional.empty(), 10);

    // then
    List<Organization> expected = new ArrayList<>(List.of(older, sameTimeA, sameTimeB, newest));
    expected.sort(NEWEST_FIRST);
    assertThat(page).containsExactlyElementsOf(expected);
  }

  @Test
  void returnsAtMostTheLimit() {
    // given
    storeAll(
        List.of(
            organizationAt(CREATED_AT, OrganizationState.ACTIVE),
            organizationAt(CREATED_AT.plusMillis(1), OrganizationState.ACTIVE),
            organizationAt(CREATED_AT.plusMillis(2), OrganizationState.ACTIVE)));

    // when
    List<Organization> page = repository.findActivePage(Optional.empty(), 2);

    // then
    assertThat(page).hasSize(2);
  }

  @Test
  void startsRightAfterPosition() {
    // given
    Organization first = organizationAt(CREATED_AT.plusMillis(2), OrganizationState.ACTIVE);
    Organization second = organizationAt(CREATED_AT.plusMillis(1), OrganizationState.ACTIVE);
    Organization third = organizationAt(CREATED_AT, OrganizationState.ACTIVE);
    storeAll(List.of(first, second, third));

    // when
    List<Organization> page =
        repository.findActivePage(
            Optional.of(new OrganizationPosition(second.createdAt(), second.id())), 10);

    // then
    assertThat(page).containsExactly(third);
  }

  @Test
  void leavesOutPendingAndDeletingOrganizations() {
    // given
    Organization active = organizationAt(CREATED_AT, OrganizationState.ACTIVE);
    storeAll(
        List.of(
            active,
            organizationAt(CREATED_AT.plusMillis(1), OrganizationState.PENDING),
            organizationAt(CREATED_AT.plusMillis(2), OrganizationState.DELETING)));

    // when
    List<Organization> page = repository.findActivePage(Optional.empty(), 10);

    // then
    assertThat(page).containsExactly(active);
    assertThat(repository.countActive()).isEqualTo(1);
  }

  @Test
  void countsNothingInEmptyCollection() {
    assertThat(repository.countActive()).isZero();
  }

  @Test
  void pagesThroughThousandsWithoutLossOrDuplicates() {
    // given: 3000 organizations, 1000 of them created in the same millisecond
    List<Organization> stored = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      Instant createdAt = i < 1000 ? CREATED_AT : CREATED_AT.plusMillis(i);
      stored.add(organizationAt(createdAt, OrganizationState.ACTIVE));
    }
    storeAll(stored);

    // when
    List<Organization> listed = pageThroughAll(97);

    // then
    Set<String> distinctIds = new HashSet<>();
    listed.forEach(organization -> distinctIds.add(organization.id()));
    stored.sort(NEWEST_FIRST);
    assertThat(listed).hasSize(3000);
    assertThat(distinctIds).hasSize(3000);
    assertThat(listed).containsExactlyElementsOf(stored);
    assertThat(repository.countActive()).isEqualTo(3000);
  }
}
