package io.croupier.bootstrap;

import io.croupier.adapter.out.mongo.EmbeddedStoreLocked;
import io.croupier.adapter.out.security.InvalidSigningKeyConfiguration;
import io.croupier.application.port.out.StoreUnavailable;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.BindException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code croupier serve}: starts the HTTP server and blocks until the process is stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Start the HTTP server. Settings not given here come from CROUPIER_* variables.")
final class ServeCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Option(
      names = "--port",
      description = "TCP port to listen on (default: CROUPIER_PORT, else 8000).")
  private Integer port;

  @Option(
      names = "--data-dir",
      description =
          "Folder of the embedded store (default: CROUPIER_DATA_DIR, else ./croupier-data).")
  private String dataDir;

  @Option(
      names = "--mongodb-uri",
      description = "MongoDB connection string; when set, the embedded store does not start.")
  private String mongodbUri;

  @Override
  public Integer call() throws InterruptedException {
    checkPort();
    // Installed first, so that a signal during start-up stops the server once it has started.
    CountDownLatch stopRequested = new CountDownLatch(1);
    ShutdownSignals.install(stopRequested::countDown);
    ApplicationContext context = ApplicationContext.builder().properties(overrides()).build();
    EmbeddedServer server;
    try {
      context.start();
      server = context.getBean(EmbeddedServer.class);
      server.start();
    } catch (RuntimeException failure) {
      // Stops what already started, such as the embedded store, and removes its address file.
      context.close();
      throw startupFailure(failure);
    }
    LOG.info("Croupier {} listening on {}", Croupier.version(), server.getURL());
    LOG.info(HashingPriority.describe());

    GracefulStop stop = context.getBean(GracefulStop.class);
    // Stops the server gracefully on the ways to end the JVM that the signal handlers do not cover,
    // such as SIGHUP. The JVM then exits with that signal's status, not 0.
    Runtime.getRuntime().addShutdownHook(new Thread(stop::run, "croupier-shutdown"));
    stopRequested.await();
    stop.run();
    return 0;
  }

  /**
   * Returns the configuration or store problem behind a failed start-up, which the context wraps in
   * bean creation exceptions, as an exception whose message the command line prints alone.
   */
  static RuntimeException startupFailure(RuntimeException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return new IllegalArgumentException(
            "The server could not listen on its port, which another process probably uses; stop"
                + " that process or set CROUPIER_PORT (or --port) to a free port.",
            failure);
      }
      if (cause instanceof InvalidSigningKeyConfiguration
          || cause instanceof IllegalArgumentException) {
        return new IllegalArgumentException(cause.getMessage(), failure);
      }
      if (cause instanceof EmbeddedStoreLocked || cause instanceof StoreUnavailable) {
        return new StoreUnavailable(cause.getMessage(), failure);
      }
    }
    return failure;
  }

  /** Rejects a port outside 1 to 65535 before anything starts, naming where it came from. */
  void checkPort() {
    String source = port != null ? "--port" : "CROUPIER_PORT";
    String value = port != null ? port.toString() : System.getenv("CROUPIER_PORT");
    if (value == null) {
      return;
    }
    int number;
    try {
      number = Integer.parseInt(value.strip());
    } catch (NumberFormatException notANumber) {
      number = -1;
    }
    if (number < 1 || number > 65535) {
      throw new IllegalArgumentException(
          source + " '" + value + "' is invalid; give a port number from 1 to 65535.");
    }
  }

  private Map<String, Object> overrides() {
    Map<String, Object> properties = new HashMap<>();
    if (port != null) {
      properties.put("croupier.port", port);
    }
    if (dataDir != null) {
      properties.put("croupier.data-dir", dataDir);
    }
    if (mongodbUri != null) {
      properties.put("croupier.mongodb-uri", mongodbUri);
    }
    return properties;
  }
}
