package io.croupier.application.service;

import io.croupier.application.port.in.MoveOrganizationUseCase;
import io.croupier.application.port.in.MoveProgress;
import io.croupier.application.port.in.MoveReport;
import io.croupier.application.port.out.DocumentPosition;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.TenantDocuments;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.domain.InvalidField;
import io.croupier.domain.MovePhase;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationMoving;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNotFound;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantMove;
import io.croupier.domain.TenantTier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Moves an organization's documents to another tier while the organization keeps working.
 *
 * <p>The move records itself in the organization's metadata and goes through three phases. While
 * copying, the source tier serves every read and write, and each copied batch renews the move's
 * heartbeat. Switching refuses writes, waits {@code settle} for writes that passed their check
 * before the refusal began, copies what changed meanwhile, and compares both copies document by
 * document; only an exact match lets the metadata name the new tier. Cleaning drops the old copy.
 * Every metadata change is a compare-and-set, so a recovery that took over a move thought dead
 * makes this one fail instead of both acting on the data.
 */
public final class MoveOrganizationService implements MoveOrganizationUseCase {

  private static final int BATCH = 500;
  private static final int CATCH_UP_ROUNDS = 3;
  private static final Duration HEARTBEAT = Duration.ofSeconds(1);

  private final OrganizationRepository organizations;
  private final TenantStorage tenants;
  private final Clock clock;
  private final Duration settle;

  public MoveOrganizationService(
      OrganizationRepository organizations, TenantStorage tenants, Clock clock, Duration settle) {
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settle = Objects.requireNonNull(settle, "settle");
  }

  @Override
  public MoveReport move(OrganizationName name, TenantTier target, MoveProgress progress) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(progress, "progress");
    Organization organization = startable(name, target);
    Instant started = clock.instant();
    Organization moving =
        organization.withMove(
            Optional.of(TenantMove.begin(organization.tier(), target, started)), started);
    if (!organizations.updatePlacement(organization, moving)) {
      throw new OrganizationMoving(name, moving.move().get());
    }

    Run run = new Run(moving, progress);
    Duration switching = run.copyAndSwitch();
    run.cleanUp();
    return new MoveReport(
        organization.tier(),
        target,
        run.verified,
        Duration.between(started, clock.instant()),
        switching);
  }

  private Organization startable(OrganizationName name, TenantTier target) {
    Organization organization =
        organizations
            .findByName(Objects.requireNonNull(name, "name"))
            .filter(Organization::isActive)
            .orElseThrow(() -> new OrganizationNotFound(name.value()));
    if (organization.move().isPresent()) {
      throw new OrganizationMoving(name, organization.move().get());
    }
    if (organization.tier() == target) {
      throw new InvalidField(
          TenantTier.FIELD,
          "Organization '" + name + "' is already in tier " + target + "; choose another tier");
    }
    return organization;
  }

  /** One move in progress, holding the metadata as this process last wrote it. */
  private final class Run {

    private final MoveProgress progress;
    private final TenantPlacement source;
    private final TenantPlacement target;
    private Organization current;
    private Instant lastHeartbeat;
    private long verified;

    Run(Organization moving, MoveProgress progress) {
      this.current = moving;
      this.progress = progress;
      this.source = TenantPlacement.of(moving);
      this.target = source.inTier(moving.move().get().target());
      this.lastHeartbeat = moving.move().get().heartbeatAt();
    }

    /** Copies, switches and returns how long writes were refused; rolls back on failure. */
    Duration copyAndSwitch() {
      boolean targetCreated = false;
      try {
        tenants.create(target);
        targetCreated = true;
        copyAll();
        catchUp();
        return switchOver();
      } catch (RuntimeException failure) {
        rollBack(failure, targetCreated);
        throw failure;
      }
    }

    private void copyAll() {
      TenantDocuments from = tenants.documents(source);
      TenantDocuments to = tenants.documents(target);
      long total = from.count();
      long copied = 0;
      Optional<DocumentPosition> after = Optional.empty();
      while (true) {
        List<TenantDocument> page = from.page(after, BATCH);
        page.forEach(to::put);
        copied += page.size();
        progress.report("copying", copied, Math.max(total, copied));
        heartbeat();
        if (page.size() < BATCH) {
          return;
        }
        after = Optional.of(DocumentPosition.of(page.get(page.size() - 1)));
      }
    }

    /** Copies the writes made during the copy, so that the final switch has little left to do. */
    private void catchUp() {
      for (int round = 0; round < CATCH_UP_ROUNDS; round++) {
        long changed = DocumentSync.apply(tenants.documents(source), tenants.documents(target));
        heartbeat();
        if (changed == 0) {
          return;
        }
      }
    }

    private Duration switchOver() {
      Instant frozen = clock.instant();
      advance(current.move().get().inPhase(MovePhase.SWITCHING, frozen), current.tier());
      sleep(settle);

      TenantDocuments from = tenants.documents(source);
      TenantDocuments to = tenants.documents(target);
      DocumentSync.apply(from, to);
      progress.report("verifying", 0, from.count());
      long differences = DocumentSync.differences(from, to);
      long sourceCount = from.count();
      long targetCount = to.count();
      if (differences != 0 || sourceCount != targetCount) {
        throw new IllegalStateException(
            "The copy in tier "
                + target.tier()
                + " differs from the source after the final copy: "
                + differences
                + " documents differ, counts "
                + sourceCount
                + " and "
                + targetCount);
      }
      verified = targetCount;
      advance(current.move().get().inPhase(MovePhase.CLEANING, clock.instant()), target.tier());
      return Duration.between(frozen, clock.instant());
    }

    /** Drops the old copy once the new tier serves the organization, then ends the move. */
    void cleanUp() {
      tenants.drop(source);
      Organization settled = current.withMove(Optional.empty(), clock.instant());
      if (organizations.updatePlacement(current, settled)) {
        current = settled;
      }
      progress.report("done", verified, verified);
    }

    private void rollBack(RuntimeException failure, boolean targetCreated) {
      Undo undo = new Undo(failure);
      Organization before = current.withMove(Optional.empty(), clock.instant());
      undo.run(
          () -> {
            if (!organizations.updatePlacement(current, before)) {
              throw new IllegalStateException("Another process took over the move");
            }
            if (targetCreated) {
              tenants.drop(target);
            }
          });
    }

    private void heartbeat() {
      Instant now = clock.instant();
      if (Duration.between(lastHeartbeat, now).compareTo(HEARTBEAT) < 0) {
        return;
      }
      advance(current.move().get().heartbeat(now), current.tier());
      lastHeartbeat = now;
    }

    private void advance(TenantMove move, TenantTier tier) {
      Instant now = move.heartbeatAt();
      Organization next = current.withTier(tier, now).withMove(Optional.of(move), now);
      if (!organizations.updatePlacement(current, next)) {
        throw new IllegalStateException(
            "Organization '" + current.name() + "' changed during the move; it was abandoned");
      }
      current = next;
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("The move was interrupted", interrupted);
    }
  }
}
