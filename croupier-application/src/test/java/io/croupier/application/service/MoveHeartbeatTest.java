package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.MoveProgress;
import io.croupier.application.port.out.DocumentPosition;
import io.croupier.application.port.out.TenantDocuments;
import io.croupier.application.port.out.TenantLocation;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantTier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A move whose every page read takes a second keeps its heartbeat fresh through copying, catching
 * up and comparing. A recovery takes a move with an old heartbeat for a dead one and rolls it back.
 */
class MoveHeartbeatTest {

  private static final Duration PAGE_TIME = Duration.ofSeconds(1);
  private static final int DOCUMENTS = 1_200;

  private final FakePorts ports = FakePorts.create();
  private final SlowPages slowPages = new SlowPages();
  private final MoveOrganizationService mover =
      new MoveOrganizationService(ports.organizations(), slowPages, ports.clock(), Duration.ZERO);

  private AuthenticatedAdmin acme;
  private Duration oldestHeartbeat = Duration.ZERO;

  @Test
  void heartbeatStaysFreshThroughWholeMove() {
    // given
    acme = Given.adminOf(Given.organization(ports, "acme", TenantTier.COLLECTION));
    TenantDocumentsService documents =
        new TenantDocumentsService(ports.organizations(), ports.tenants(), ports.clock());
    for (int index = 0; index < DOCUMENTS; index++) {
      documents.create(acme, DocumentBody.of(Map.of("n", index)));
    }

    // when
    mover.move(OrganizationName.of("acme"), TenantTier.SHARED, MoveProgress.NONE);

    // then
    assertThat(oldestHeartbeat).isLessThanOrEqualTo(PAGE_TIME.multipliedBy(2));
  }

  /** Records how old the move's heartbeat is when a page read, which takes a second, ends. */
  private void pageRead() {
    ports.clock().advance(PAGE_TIME);
    Organization stored = ports.organizations().findById(acme.organizationId()).orElseThrow();
    stored
        .move()
        .map(move -> Duration.between(move.heartbeatAt(), ports.clock().instant()))
        .filter(age -> age.compareTo(oldestHeartbeat) > 0)
        .ifPresent(age -> oldestHeartbeat = age);
  }

  /** The fake storage with page reads that each take a second on the test clock. */
  private final class SlowPages implements TenantStorage {

    @Override
    public TenantLocation locate(TenantPlacement placement) {
      return ports.tenants().locate(placement);
    }

    @Override
    public void create(TenantPlacement placement) {
      ports.tenants().create(placement);
    }

    @Override
    public void rename(TenantPlacement placement, OrganizationName to) {
      ports.tenants().rename(placement, to);
    }

    @Override
    public void drop(TenantPlacement placement) {
      ports.tenants().drop(placement);
    }

    @Override
    public boolean exists(TenantPlacement placement) {
      return ports.tenants().exists(placement);
    }

    @Override
    public TenantDocuments documents(TenantPlacement placement) {
      TenantDocuments stored = ports.tenants().documents(placement);
      return new TenantDocuments() {
        @Override
        public void insert(TenantDocument document) {
          stored.insert(document);
        }

        @Override
        public Optional<TenantDocument> find(String id) {
          return stored.find(id);
        }

        @Override
        public boolean replace(TenantDocument document) {
          return stored.replace(document);
        }

        @Override
        public boolean put(TenantDocument document) {
          return stored.put(document);
        }

        @Override
        public boolean delete(String id) {
          return stored.delete(id);
        }

        @Override
        public List<TenantDocument> page(Optional<DocumentPosition> after, int limit) {
          List<TenantDocument> page = stored.page(after, limit);
          pageRead();
          return page;
        }

        @Override
        public long count() {
          return stored.count();
        }
      };
    }
  }
}
