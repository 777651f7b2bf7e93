package io.croupier.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.application.fakes.FailurePlan;
import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.fakes.InMemoryOrganizationRepository;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachingOrganizationRepositoryTest {

  private static final Duration TTL = Duration.ofSeconds(2);
  private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

  private final FailurePlan store = new FailurePlan();
  private final InMemoryOrganizationRepository stored = new InMemoryOrganizationRepository(store);
  private final AtomicLong nanoTime = new AtomicLong();
  private final CachingOrganizationRepository cached =
      new CachingOrganizationRepository(stored, TTL, nanoTime::get);

  private final Organization acme =
      new Organization(
          "org-1",
          OrganizationName.of("acme"),
          "admin-1",
          OrganizationState.ACTIVE,
          CREATED,
          CREATED);

  private int readsById() {
    return store.calls(Operation.ORGANIZATION_FIND_BY_ID);
  }

  private int readsByName() {
    return store.calls(Operation.ORGANIZATION_FIND_BY_NAME);
  }

  @Test
  void cachedReadByIdHitsStoreOnce() {
    // given
    stored.insert(acme);
    cached.findById(acme.id());

    // when
    Optional<Organization> second = cached.findById(acme.id());

    // then
    assertThat(second).hasValue(acme);
    assertThat(readsById()).isEqualTo(1);
  }

  @Test
  void cachedReadByNameHitsStoreOnce() {
    // given
    stored.insert(acme);
    cached.findByName(acme.name());

    // when
    Optional<Organization> second = cached.findByName(acme.name());

    // then
    assertThat(second).hasValue(acme);
    assertThat(readsByName()).isEqualTo(1);
  }

  @Test
  void entryExpiresAfterTtl() {
    // given
    stored.insert(acme);
    cached.findById(acme.id());
    nanoTime.addAndGet(TTL.toNanos());

    // when
    cached.findById(acme.id());

    // then
    assertThat(readsById()).isEqualTo(2);
  }

  @Test
  void changeInStoreAloneIsHiddenUntilTtl() {
    // given
    stored.insert(acme);
    cached.findById(acme.id());
    stored.update(acme.withState(OrganizationState.DELETING, CREATED));

    // when
    Optional<Organization> beforeExpiry = cached.findById(acme.id());
    nanoTime.addAndGet(TTL.toNanos());
    Optional<Organization> afterExpiry = cached.findById(acme.id());

    // then
    assertThat(beforeExpiry.map(Organization::isActive)).hasValue(true);
    assertThat(afterExpiry.map(Organization::isActive)).hasValue(false);
  }

  @Test
  void renameThroughCacheIsSeenAtOnce() {
    // given
    stored.insert(acme);
    cached.findById(acme.id());
    cached.findByName(acme.name());
    Organization renamed = acme.withName(OrganizationName.of("acme_corp"), CREATED);

    // when
    cached.update(renamed);

    // then
    assertThat(cached.findById(acme.id())).hasValue(renamed);
    assertThat(cached.findByName(acme.name())).isEmpty();
    assertThat(cached.findByName(renamed.name())).hasValue(renamed);
  }

  @Test
  void deleteThroughCacheIsSeenAtOnce() {
    // given
    stored.insert(acme);
    cached.findById(acme.id());
    cached.findByName(acme.name());

    // when
    cached.deleteById(acme.id());

    // then
    assertThat(cached.findById(acme.id())).isEmpty();
    assertThat(cached.findByName(acme.name())).isEmpty();
  }

  @Test
  void writeThroughUncachedViewIsSeenAtOnce() {
    // given
    OrganizationRepository writer = cached.uncachedReads();
    stored.insert(acme);
    cached.findById(acme.id());
    Organization deleting = acme.withState(OrganizationState.DELETING, CREATED);

    // when
    writer.update(deleting);

    // then
    assertThat(cached.findById(acme.id())).hasValue(deleting);
  }

  @Test
  void uncachedViewReadsStoreEveryTime() {
    // given
    OrganizationRepository writer = cached.uncachedReads();
    stored.insert(acme);
    cached.findById(acme.id());

    // when
    writer.findById(acme.id());
    writer.findByName(acme.name());

    // then
    assertThat(readsById()).isEqualTo(2);
    assertThat(readsByName()).isEqualTo(1);
  }

  @Test
  void updateOfOtherOrganizationKeepsEntry() {
    // given
    Organization other =
        new Organization(
            "org-2",
            OrganizationName.of("other"),
            "admin-2",
            OrganizationState.ACTIVE,
            CREATED,
            CREATED);
    stored.insert(acme);
    stored.insert(other);
    cached.findById(acme.id());

    // when
    cached.update(other.touchedAt(CREATED.plusSeconds(1)));
    cached.findById(acme.id());

    // then
    assertThat(readsById()).isEqualTo(1);
  }

  @Test
  void pagesAndCountsReadStore() {
    // given
    stored.insert(acme);
    cached.countActive();

    // when
    long count = cached.countActive();

    // then
    assertThat(count).isEqualTo(1);
    assertThat(store.calls(Operation.ORGANIZATION_COUNT)).isEqualTo(2);
  }
}
