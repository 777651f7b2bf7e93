package io.croupier.application.service;

import io.croupier.application.port.in.MoveOrganizationUseCase;
import io.croupier.application.port.in.MoveProgress;
import io.croupier.application.port.in.MoveReport;
import io.croupier.application.port.out.JournalEntry;
import io.croupier.application.port.out.MoveJournal;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Moves an organization's documents to another tier while the organization keeps working.
 *
 * <p>The move records itself in the organization's metadata and goes through three phases. While
 * copying, the source tier serves every read and write, and the documents service notes each
 * written document in the {@link MoveJournal}. The move copies every document, waits until {@code
 * settle} has passed since it began, so that writes that read the metadata before the move are
 * done, and then compares both copies in full and repairs what differs. After that it copies only
 * the journaled documents, a few rounds, until few are left.
 *
 * <p>Switching rejects writes and waits {@code settle} for writes that passed their check before.
 * Then it copies the documents still in the journal, and compares each of them and the counts of
 * both copies. Only an exact match lets the metadata name the new tier. So the time that writes are
 * rejected depends on the writes made just before the switch, not on the organization's size.
 * Cleaning drops the old copy.
 *
 * <p>Every batch that the move reads renews the move's heartbeat at most once a second, so a
 * recovery takes a long move for a dead one only if a single batch read lasts longer than its
 * delay. Every metadata change is a compare-and-set, so a recovery that took over a move thought
 * dead makes this one fail instead of both acting on the data.
 */
public final class MoveOrganizationService implements MoveOrganizationUseCase {

  private static final int BATCH = 500;
  private static final int CATCH_UP_ROUNDS = 5;
  private static final Duration HEARTBEAT = Duration.ofSeconds(1);

  private final OrganizationRepository organizations;
  private final TenantStorage tenants;
  private final MoveJournal journal;
  private final Clock clock;
  private final Duration settle;

  public MoveOrganizationService(
      OrganizationRepository organizations,
      TenantStorage tenants,
      MoveJournal journal,
      Clock clock,
      Duration settle) {
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settle = Objects.requireNonNull(settle, "settle");
  }

  @Override
  public MoveReport move(OrganizationName name, TenantTier target, MoveProgress progress) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(progress, "progress");
    Organization organization = startable(name, target);
    // Entries left by a move that died belong to no move now. Writers note nothing until the
    // metadata below records this one, so clearing here removes no entry of this move.
    journal.clear(organization.id());
    Instant started = clock.instant();
    Organization moving =
        organization.withMove(
            Optional.of(TenantMove.begin(organization.tier(), target, started)), started);
    if (!begin(organization, moving)) {
      throw new OrganizationMoving(name, moving.move().get());
    }

    Run run = new Run(moving, progress);
    Duration switching = run.copyAndSwitch();
    progress.report("cleaning", run.verified, run.verified);
    run.cleanUp();
    return new MoveReport(
        organization.tier(),
        target,
        run.verified,
        Duration.between(started, clock.instant()),
        switching);
  }

  /** Records the move; a write that reports a failure but was applied is taken back. */
  private boolean begin(Organization organization, Organization moving) {
    try {
      return organizations.updatePlacement(organization, moving);
    } catch (RuntimeException failure) {
      Undo undo = new Undo(failure);
      undo.run(
          () -> organizations.updatePlacement(moving, organization.touchedAt(clock.instant())));
      throw failure;
    }
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
    private Optional<Organization> attempted = Optional.empty();
    private final long recordedNanos = System.nanoTime();
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
      // Storage at the target is this organization's own: the shared and database tiers address
      // it by id, the collection tier by the name that the organization holds. So the rollback
      // drops it even if the create reported a failure, or found a leftover of an earlier move.
      boolean targetAttempted = false;
      try {
        targetAttempted = true;
        tenants.create(target);
        copyAll();
        awaitWritesBeforeMove();
        compareAll();
        catchUp();
        return switchOver();
      } catch (RuntimeException failure) {
        rollBack(failure, targetAttempted);
        throw failure;
      }
    }

    private void copyAll() {
      TenantDocuments from = tenants.documents(source);
      TenantDocuments to = tenants.documents(target);
      long total = from.count();
      long copied = 0;
      Optional<String> after = Optional.empty();
      while (true) {
        List<TenantDocument> page = from.pageInIdOrder(after, BATCH);
        page.forEach(to::put);
        copied += page.size();
        progress.report("copying", copied, Math.max(total, copied));
        heartbeat();
        if (page.size() < BATCH) {
          return;
        }
        after = Optional.of(page.get(page.size() - 1).id());
      }
    }

    /**
     * Waits until {@code settle} has passed since the move began. A write that read the metadata
     * before the move was recorded notes nothing in the journal, and it is done by then.
     */
    private void awaitWritesBeforeMove() {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - recordedNanos);
      if (elapsed.compareTo(settle) < 0) {
        sleep(settle.minus(elapsed));
      }
    }

    /**
     * Compares both copies in full and repairs the target. A write that runs meanwhile is in the
     * journal, so a document that this repair copies before the write lands is copied again.
     */
    private void compareAll() {
      TenantDocuments from = tenants.documents(source);
      progress.report("comparing", 0, from.count());
      DocumentSync.apply(from, tenants.documents(target), this::heartbeat);
      heartbeat();
    }

    /** Copies the journaled documents until a round finds few of them, so the switch is short. */
    private void catchUp() {
      for (int round = 0; round < CATCH_UP_ROUNDS; round++) {
        if (copyJournaled(false).size() < BATCH) {
          return;
        }
      }
    }

    /**
     * Copies each journaled document from the source, or deletes it from the target if the source
     * has none, and removes its entry unless a write noted it again meanwhile. Unless {@code
     * everything} is set, it skips documents whose write is still in progress. Returns the ids of
     * the documents it copied.
     */
    private List<String> copyJournaled(boolean everything) {
      TenantDocuments from = tenants.documents(source);
      TenantDocuments to = tenants.documents(target);
      List<String> copied = new ArrayList<>();
      Optional<String> after = Optional.empty();
      while (true) {
        List<JournalEntry> page = journal.page(current.id(), after, BATCH);
        for (JournalEntry entry : page) {
          if (everything || entry.settled()) {
            copyOne(from, to, entry.documentId());
            journal.remove(entry);
            copied.add(entry.documentId());
          }
        }
        heartbeat();
        if (page.size() < BATCH) {
          return copied;
        }
        after = Optional.of(page.get(page.size() - 1).documentId());
      }
    }

    private Duration switchOver() {
      Instant frozen = clock.instant();
      advance(current.move().get().inPhase(MovePhase.SWITCHING, frozen), current.tier());
      sleep(settle);

      TenantDocuments from = tenants.documents(source);
      TenantDocuments to = tenants.documents(target);
      List<String> copied = copyJournaled(true);
      long sourceCount = from.count();
      progress.report("verifying", 0, sourceCount);
      long differences = copied.stream().filter(id -> !from.find(id).equals(to.find(id))).count();
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
      try {
        journal.clear(current.id());
      } catch (RuntimeException ignored) {
        // The move is done; the next move of the organization clears the entries left.
      }
      progress.report("done", verified, verified);
    }

    private void rollBack(RuntimeException failure, boolean targetAttempted) {
      Undo undo = new Undo(failure);
      undo.run(
          () -> {
            if (endMove() || targetUnused()) {
              if (targetAttempted) {
                tenants.drop(target);
              }
              journal.clear(current.id());
            } else {
              throw new IllegalStateException(
                  "Organization '" + current.name() + "' changed during the move's rollback");
            }
          });
    }

    /**
     * Removes the move from the metadata, whether the last change of phase was stored or not;
     * returns false if the metadata matches neither. A switch to the new tier that was stored is
     * never taken back, since writes may have gone to the new tier since; recovery finishes it.
     */
    private boolean endMove() {
      Organization before = current.withMove(Optional.empty(), clock.instant());
      if (organizations.updatePlacement(current, before)) {
        return true;
      }
      Optional<Organization> samePlace = attempted.filter(next -> next.tier() == current.tier());
      return samePlace.isPresent() && organizations.updatePlacement(samePlace.get(), before);
    }

    /**
     * Returns whether the organization neither lives in the target tier nor moves there: true after
     * a recovery took over this move while it still ran and wrote to the target.
     */
    private boolean targetUnused() {
      return organizations
          .findById(current.id())
          .map(stored -> stored.tier() != target.tier() && stored.move().isEmpty())
          .orElse(false);
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
      attempted = Optional.of(next);
      if (!organizations.updatePlacement(current, next)) {
        throw new IllegalStateException(
            "Organization '" + current.name() + "' changed during the move; it was abandoned");
      }
      current = next;
      attempted = Optional.empty();
    }
  }

  private static void copyOne(TenantDocuments from, TenantDocuments to, String id) {
    Optional<TenantDocument> document = from.find(id);
    if (document.isPresent()) {
      to.put(document.get());
    } else {
      to.delete(id);
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
