package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.fakes.ObservedTenantStorage;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.MoveProgress;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantTier;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A move whose every page read takes a second keeps its heartbeat fresh through copying, catching
 * up and comparing. A recovery takes a move with an old heartbeat for a dead one and rolls it back.
 */
class MoveHeartbeatTest {

  private static final Duration PAGE_TIME = Duration.ofSeconds(1);
  private static final int DOCUMENTS = 1_200;

  private final FakePorts ports = FakePorts.create();
  private final MoveOrganizationService mover =
      new MoveOrganizationService(
          ports.organizations(),
          new ObservedTenantStorage(ports.tenants(), documents -> pageRead(), documents -> {}),
          ports.journal(),
          ports.clock(),
          Duration.ZERO);

  private AuthenticatedAdmin acme;
  private Duration oldestHeartbeat = Duration.ZERO;

  @Test
  void heartbeatStaysFreshThroughWholeMove() {
    // given
    acme = Given.adminOf(Given.organization(ports, "acme", TenantTier.COLLECTION));
    TenantDocumentsService documents =
        new TenantDocumentsService(
            ports.organizations(), ports.tenants(), ports.journal(), ports.clock());
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
}
