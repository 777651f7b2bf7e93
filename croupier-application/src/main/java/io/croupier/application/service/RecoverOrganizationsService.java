package io.croupier.application.service;

import io.croupier.application.port.in.RecoverOrganizationsUseCase;
import io.croupier.application.port.in.RecoveryReport;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.domain.MovePhase;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationState;
import io.croupier.domain.TenantMove;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Settles what a dead process left unfinished, once it is older than the given age, so that a live
 * process that is still working on it is left alone:
 *
 * <ul>
 *   <li>a pending organization is removed with its admin and storage, as a failed create would;
 *   <li>a deleting organization is deleted to the end, since its admin may be gone already;
 *   <li>a rename whose storage did not move is finished;
 *   <li>a move that had not switched is rolled back, and one that had switched is finished.
 * </ul>
 */
public final class RecoverOrganizationsService implements RecoverOrganizationsUseCase {

  /**
   * Most organizations one recovery looks at. Unfinished work is rare and short, so all of it fits;
   * past this, the rest waits for the next recovery.
   */
  private static final int BATCH = 10_000;

  private final OrganizationRepository organizations;
  private final AdminRepository admins;
  private final TenantStorage tenants;
  private final Clock clock;

  public RecoverOrganizationsService(
      OrganizationRepository organizations,
      AdminRepository admins,
      TenantStorage tenants,
      Clock clock) {
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.admins = Objects.requireNonNull(admins, "admins");
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public RecoveryReport recover(Duration staleAfter) {
    Objects.requireNonNull(staleAfter, "staleAfter");
    Instant staleBefore = clock.instant().minus(staleAfter);
    Tally tally = new Tally();
    for (Organization organization : organizations.findUnsettled(BATCH)) {
      if (organization.move().isPresent()) {
        if (organization.move().get().heartbeatAt().isAfter(staleBefore)) {
          continue;
        }
        settleMove(organization, organization.move().get(), tally);
      } else if (!organization.updatedAt().isAfter(staleBefore)) {
        settle(organization, tally);
      }
    }
    return tally.report();
  }

  private void settle(Organization organization, Tally tally) {
    TenantPlacement placement = TenantPlacement.of(organization);
    if (organization.state() == OrganizationState.PENDING) {
      tenants.drop(placement);
      admins.deleteByOrganizationId(organization.id());
      organizations.deleteById(organization.id());
      tally.createsUndone++;
    } else if (organization.state() == OrganizationState.DELETING) {
      admins.deleteByOrganizationId(organization.id());
      tenants.drop(placement);
      organizations.deleteById(organization.id());
      tally.deletesFinished++;
    } else if (organization.isRenaming()) {
      TenantPlacement renamed = placement.named(organization.name());
      if (tenants.exists(placement) && !tenants.exists(renamed)) {
        tenants.rename(placement, organization.name());
      }
      organizations.update(organization.withStorageUnderName(clock.instant()));
      tally.renamesFinished++;
    }
  }

  private void settleMove(Organization organization, TenantMove move, Tally tally) {
    Organization settled = organization.withMove(Optional.empty(), clock.instant());
    // The metadata changes first, so that a mover that is alive after all fails its next
    // compare-and-set instead of working on a copy that is being dropped.
    if (!organizations.updatePlacement(organization, settled)) {
      return;
    }
    TenantPlacement placement = TenantPlacement.of(organization);
    if (move.phase() == MovePhase.CLEANING) {
      tenants.drop(placement.inTier(move.source()));
      tally.movesFinished++;
    } else {
      tenants.drop(placement.inTier(move.target()));
      tally.movesRolledBack++;
    }
  }

  private static final class Tally {
    int createsUndone;
    int deletesFinished;
    int renamesFinished;
    int movesRolledBack;
    int movesFinished;

    RecoveryReport report() {
      return new RecoveryReport(
          createsUndone, deletesFinished, renamesFinished, movesRolledBack, movesFinished);
    }
  }
}
