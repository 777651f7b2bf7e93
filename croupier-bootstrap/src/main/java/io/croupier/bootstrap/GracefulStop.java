package io.croupier.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.runtime.graceful.GracefulShutdownManager;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the running server once: the HTTP server stops accepting connections, the requests in
 * flight get up to the grace period to finish, and then the application context closes, which
 * closes the remaining connections and stops the store. Created at start-up, so that an invalid
 * grace period stops the server before it listens.
 */
@Context
final class GracefulStop implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);

  private final ApplicationContext context;
  private final Duration gracePeriod;
  private boolean stopped;

  GracefulStop(ApplicationContext context, CroupierSettings settings) {
    this.context = context;
    this.gracePeriod = settings.shutdownGracePeriod();
  }

  /** Stops the server once. A later or concurrent call returns when the first call has finished. */
  @Override
  public synchronized void run() {
    if (stopped) {
      return;
    }
    stopped = true;
    LOG.info("Stopping Croupier");
    drainRequests();
    context.close();
    LOG.info("Croupier stopped");
  }

  private void drainRequests() {
    // NOTE: GracefulShutdownManager is marked experimental in Micronaut 4.10. There, the HTTP
    // server stops accepting connections at once, then waits for the requests on open ones.
    GracefulShutdownManager manager = context.getBean(GracefulShutdownManager.class);
    CompletableFuture<?> drained = manager.shutdownGracefully().toCompletableFuture();
    LOG.info(
        "Refusing new connections and waiting up to {} for the requests in flight", gracePeriod);
    try {
      drained.get(gracePeriod.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("Every request in flight has finished");
    } catch (TimeoutException late) {
      LOG.warn(
          "The grace period of {} ended with {} still in flight, so their connections are closed",
          gracePeriod,
          describe(manager.reportActiveTasks()));
    } catch (ExecutionException failed) {
      LOG.warn(
          "Waiting for the requests in flight failed, so their connections are closed", failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      LOG.warn(
          "Waiting for the requests in flight was interrupted, so their connections are closed");
    }
  }

  private static String describe(OptionalLong activeTasks) {
    return activeTasks.isPresent() ? activeTasks.getAsLong() + " requests" : "requests";
  }
}
