package io.croupier.bootstrap;

import io.croupier.application.port.in.RecoverOrganizationsUseCase;
import io.croupier.application.port.in.RecoveryAction;
import io.croupier.application.port.in.RecoveryReport;
import io.croupier.application.port.out.StoreUnavailable;
import io.croupier.library.CroupierLibrary;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled recovery of work that a dead process left unfinished. At start-up it settles work older
 * than the configured recovery delay (zero on the embedded store, which no other process can use).
 * Every ten seconds it settles work older than the delay or 30 seconds, whichever is longer, so it
 * never takes over work that this server or a running command is still doing. It logs one line for
 * each organization it settled or failed to settle, with the organization's name and id and what
 * was done or tried.
 */
@Context
final class RecoveryRunner {

  private static final Logger LOG = LoggerFactory.getLogger(RecoveryRunner.class);

  private final RecoverOrganizationsUseCase recovery;
  private final Duration startupDelay;
  private final Duration periodicDelay;

  RecoveryRunner(RecoverOrganizationsUseCase recovery, CroupierSettings settings) {
    this.recovery = Objects.requireNonNull(recovery, "recovery");
    this.startupDelay = settings.recoveryDelay();
    this.periodicDelay = max(startupDelay, CroupierLibrary.DEFAULT_RECOVERY_DELAY);
    recover(startupDelay);
  }

  @Scheduled(fixedDelay = "10s", initialDelay = "10s")
  void recoverPeriodically() {
    recover(periodicDelay);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private void recover(Duration staleAfter) {
    RecoveryReport report;
    try {
      report = recovery.recover(staleAfter);
    } catch (StoreUnavailable unavailable) {
      LOG.warn("Recovery of unfinished work skipped: the store is unavailable");
      return;
    } catch (RuntimeException failure) {
      // Thrown on, it would stop the server from starting, although requests work without the
      // recovery; the next run tries again.
      LOG.error("Recovery of unfinished work failed", failure);
      return;
    }
    log(report);
  }

  /** Logs one line for each organization that the recovery settled or failed to settle. */
  private static void log(RecoveryReport report) {
    for (RecoveryReport.Settled settled : report.settled()) {
      LOG.warn(
          "Recovery {} the interrupted {} of organization '{}' (id {})",
          rollsBack(settled.action()) ? "rolled back" : "finished",
          work(settled.action()),
          settled.name(),
          settled.organizationId());
    }
    for (RecoveryReport.Failure failure : report.failures()) {
      LOG.error(
          "Recovery failed to {} the interrupted {} of organization '{}' (id {}); the next run"
              + " retries it",
          rollsBack(failure.action()) ? "roll back" : "finish",
          work(failure.action()),
          failure.name(),
          failure.organizationId(),
          failure.cause());
    }
  }

  private static boolean rollsBack(RecoveryAction action) {
    return action == RecoveryAction.CREATE_ROLLED_BACK || action == RecoveryAction.MOVE_ROLLED_BACK;
  }

  /** Returns the kind of work that the action settles, such as "create". */
  private static String work(RecoveryAction action) {
    return switch (action) {
      case CREATE_ROLLED_BACK -> "create";
      case DELETE_FINISHED -> "delete";
      case RENAME_FINISHED -> "rename";
      case MOVE_ROLLED_BACK, MOVE_FINISHED -> "move";
    };
  }
}
