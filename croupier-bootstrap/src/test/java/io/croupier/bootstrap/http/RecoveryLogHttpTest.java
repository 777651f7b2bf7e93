package io.croupier.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.adapter.out.mongo.MongoOrganizationRepository;
import io.croupier.domain.MovePhase;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationState;
import io.croupier.domain.TenantMove;
import io.croupier.domain.TenantTier;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The log of the recovery that a server runs at start-up on the work that a stopped server left
 * unfinished in the same data folder.
 */
class RecoveryLogHttpTest {

  @RegisterExtension static final CroupierTestServer server = new CroupierTestServer();

  private static final String RECOVERY_LOGGER = "io.croupier.bootstrap.RecoveryRunner";

  private static Organization stored(MongoOrganizationRepository organizations, Tenant tenant) {
    return organizations.findById(tenant.organizationId()).orElseThrow();
  }

  /** Returns the recovery's log lines that contain the organization id. */
  private static List<String> recoveryLinesOf(String organizationId) {
    return server.logs().lines().stream()
        .filter(line -> line.contains(RECOVERY_LOGGER))
        .filter(line -> line.contains(organizationId))
        .toList();
  }

  @Test
  void logsEachSettledOrganizationByNameAndId() {
    // given: a create, a delete, a rename and a move that a stopped server left unfinished
    Tenant pending = server.register();
    Tenant deleting = server.register();
    Tenant renaming = server.register();
    Tenant moving = server.register();
    Tenant untouched = server.register();
    String newName = NewOrganization.uniqueName();
    MongoOrganizationRepository organizations = new MongoOrganizationRepository(server.database());
    Instant now = Instant.now();
    organizations.update(stored(organizations, pending).withState(OrganizationState.PENDING, now));
    organizations.update(
        stored(organizations, deleting).withState(OrganizationState.DELETING, now));
    organizations.update(
        stored(organizations, renaming).withName(OrganizationName.of(newName), now));
    Organization beforeMove = stored(organizations, moving);
    TenantMove move = TenantMove.begin(beforeMove.tier(), TenantTier.DATABASE, now);
    organizations.updatePlacement(
        beforeMove, beforeMove.withMove(Optional.of(move.inPhase(MovePhase.SWITCHING, now)), now));

    // when
    server.restart();

    // then
    assertThat(recoveryLinesOf(pending.organizationId()))
        .containsExactly(
            recoveryLine("rolled back the interrupted create", pending.name(), pending));
    assertThat(recoveryLinesOf(deleting.organizationId()))
        .containsExactly(
            recoveryLine("finished the interrupted delete", deleting.name(), deleting));
    assertThat(recoveryLinesOf(renaming.organizationId()))
        .containsExactly(recoveryLine("finished the interrupted rename", newName, renaming));
    assertThat(recoveryLinesOf(moving.organizationId()))
        .containsExactly(recoveryLine("rolled back the interrupted move", moving.name(), moving));
    assertThat(recoveryLinesOf(untouched.organizationId())).isEmpty();
  }

  /** Returns the log line, as {@link LogCapture} renders it, of one settled organization. */
  private static String recoveryLine(String done, String name, Tenant tenant) {
    return "WARN "
        + RECOVERY_LOGGER
        + " - Recovery "
        + done
        + " of organization '"
        + name
        + "' (id "
        + tenant.organizationId()
        + ")";
  }
}
