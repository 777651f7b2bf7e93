package io.croupier.application.service;

import io.croupier.application.port.in.RecoverOrganizationsUseCase;
import io.croupier.application.port.in.RecoveryAction;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Settles what a dead process left unfinished, once it is older than the given age, so that a live
 * process that is still working on it is left alone:
 *
 * <ul>
 *   <li>a rename whose storage did not move is finished, before anything else;
 *   <li>a pending organization is removed with its admin and storage, as a failed create would;
 *   <li>a deleting organization is deleted to the end, since its admin may be gone already;
 *   <li>a move that had not switched is rolled back, and one that had switched is finished.
 * </ul>
 *
 * <p>The report names each organization settled and what was done. An organization whose settling
 * fails is left for the next recovery, and the other organizations are settled all the same. The
 * report carries the failure with the organization and what was tried.
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
    List<Organization> unsettled = organizations.findUnsettled(BATCH);

    List<Organization> stillRenaming = finishRenames(unsettled, staleBefore, tally);
    for (Organization organization : unsettled) {
      if (organization.move().isPresent()) {
        TenantMove move = organization.move().get();
        if (!move.heartbeatAt().isAfter(staleBefore)) {
          tally.attempt(organization, moveAction(move), () -> settleMove(organization, move));
        }
      } else if (!organization.isActive()
          && isStale(organization, staleBefore)
          && !keepsStorageOf(stillRenaming, organization)) {
        tally.attempt(
            organization,
            createOrDeleteAction(organization),
            () -> settleCreateOrDelete(organization));
      }
    }
    return tally.report();
  }

  /**
   * Finishes the stale renames and returns the renames left unfinished. Renames go first: until a
   * rename is finished its storage is still under the old name, and a create that died may have
   * taken that name, so undoing that create must not drop the storage.
   */
  private List<Organization> finishRenames(
      List<Organization> unsettled, Instant staleBefore, Tally tally) {
    List<Organization> stillRenaming = new ArrayList<>();
    for (Organization organization : unsettled) {
      boolean finished =
          isRename(organization)
              && isStale(organization, staleBefore)
              && tally.attempt(
                  organization, RecoveryAction.RENAME_FINISHED, () -> settleRename(organization));
      if (organization.isRenaming() && !finished) {
        stillRenaming.add(organization);
      }
    }
    return stillRenaming;
  }

  private static boolean isRename(Organization organization) {
    return organization.isActive() && organization.isRenaming() && organization.move().isEmpty();
  }

  private static boolean isStale(Organization organization, Instant staleBefore) {
    return !organization.updatedAt().isAfter(staleBefore);
  }

  /**
   * Returns whether a rename that is not finished still keeps its data where the organization's
   * storage would be. Such an organization waits for a later recovery, after the rename.
   */
  private static boolean keepsStorageOf(List<Organization> renames, Organization organization) {
    return renames.stream()
        .anyMatch(
            rename ->
                !rename.id().equals(organization.id())
                    && rename.tier() == organization.tier()
                    && rename.storageName().equals(organization.storageName()));
  }

  private static RecoveryAction createOrDeleteAction(Organization organization) {
    return organization.state() == OrganizationState.PENDING
        ? RecoveryAction.CREATE_ROLLED_BACK
        : RecoveryAction.DELETE_FINISHED;
  }

  private static RecoveryAction moveAction(TenantMove move) {
    return move.phase() == MovePhase.CLEANING
        ? RecoveryAction.MOVE_FINISHED
        : RecoveryAction.MOVE_ROLLED_BACK;
  }

  /** Settles an organization that is pending or deleting, the states other than active. */
  private boolean settleCreateOrDelete(Organization organization) {
    TenantPlacement placement = TenantPlacement.of(organization);
    if (organization.state() == OrganizationState.PENDING) {
      tenants.drop(placement);
      admins.deleteByOrganizationId(organization.id());
    } else {
      admins.deleteByOrganizationId(organization.id());
      tenants.drop(placement);
    }
    organizations.deleteById(organization.id());
    return true;
  }

  private boolean settleRename(Organization organization) {
    TenantPlacement placement = TenantPlacement.of(organization);
    TenantPlacement renamed = placement.named(organization.name());
    if (tenants.exists(placement) && !tenants.exists(renamed)) {
      tenants.rename(placement, organization.name());
    }
    // A compare-and-set, so that metadata another writer changed meanwhile stays as it is.
    return organizations.updateIfUnchanged(
        organization, organization.withStorageUnderName(clock.instant()));
  }

  /** Settles a move and returns whether it did, or false if another process changed it first. */
  private boolean settleMove(Organization organization, TenantMove move) {
    Organization settled = organization.withMove(Optional.empty(), clock.instant());
    // The metadata changes first, so that a mover that is alive after all fails its next
    // compare-and-set instead of working on a copy that is being dropped.
    if (!organizations.updatePlacement(organization, settled)) {
      return false;
    }
    TenantPlacement placement = TenantPlacement.of(organization);
    if (move.phase() == MovePhase.CLEANING) {
      tenants.drop(placement.inTier(move.source()));
    } else {
      tenants.drop(placement.inTier(move.target()));
    }
    return true;
  }

  /** The organizations that one recovery settled and those whose settling failed. */
  private static final class Tally {
    final List<RecoveryReport.Settled> settled = new ArrayList<>();
    final List<RecoveryReport.Failure> failures = new ArrayList<>();

    /**
     * Runs the settling of one organization, records its outcome, and returns whether it ran
     * without failure. Settling that returns false found nothing left to do and is not recorded.
     */
    boolean attempt(Organization organization, RecoveryAction action, BooleanSupplier settling) {
      try {
        if (settling.getAsBoolean()) {
          settled.add(new RecoveryReport.Settled(organization.id(), organization.name(), action));
        }
        return true;
      } catch (RuntimeException failure) {
        failures.add(
            new RecoveryReport.Failure(organization.id(), organization.name(), action, failure));
        return false;
      }
    }

    RecoveryReport report() {
      return new RecoveryReport(settled, failures);
    }
  }
}
