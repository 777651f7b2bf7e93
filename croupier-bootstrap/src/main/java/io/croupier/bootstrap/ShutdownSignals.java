package io.croupier.bootstrap;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Handles SIGTERM and SIGINT in place of the JVM, whose own handlers exit with status 143 or 130
 * once the shutdown hooks have run. A stop that an operator or an orchestrator requests is a normal
 * end of the server, so it stops gracefully and exits with status 0.
 */
final class ShutdownSignals {

  private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);
  private static final List<String> SIGNALS = List.of("TERM", "INT");

  private ShutdownSignals() {}

  /**
   * Runs {@code onSignal} on the JVM's signal thread when SIGTERM or SIGINT arrives, every time one
   * arrives. A signal that cannot be handled, as under {@code java -Xrs}, is logged and left to the
   * JVM.
   */
  static void install(Runnable onSignal) {
    for (String name : SIGNALS) {
      try {
        Signal.handle(
            new Signal(name),
            signal -> {
              LOG.info("Received SIG{}", signal.getName());
              onSignal.run();
            });
      } catch (IllegalArgumentException unsupported) {
        LOG.warn(
            "SIG{} cannot be handled here ({}), so it stops the server through the JVM's shutdown"
                + " hooks and the exit status is not 0",
            name,
            unsupported.getMessage());
      }
    }
  }
}
