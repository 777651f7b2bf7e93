package io.croupier.bootstrap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.croupier.adapter.out.mongo.EmbeddedMongoStore;
import io.croupier.application.port.in.MoveReport;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantTier;
import io.croupier.library.CroupierLibrary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A process that moves one organization to another tier on the embedded store of a running server,
 * through the library's move use case, and prints each progress report as a line that starts with
 * {@value #PROGRESS}. A test runs it with {@code croupier.jar} and the test classes on the class
 * path, and kills it. The command line has no move command, so this process runs the move instead.
 *
 * <p>Arguments: the server's data folder, the organization's name, the target tier, and the phase
 * of the first progress report at which the move pauses for good, or {@code none}. The move reports
 * {@code verifying} while writes are refused and {@code cleaning} once the target tier serves the
 * organization, so a pause there lets a test kill the process in that phase.
 */
final class TierMoveProcess {

  /** Start of each progress line, followed by the phase, the documents copied and the total. */
  static final String PROGRESS = "move-progress ";

  /** Line printed once the move has finished. */
  static final String FINISHED = "move-finished";

  /** Line printed when the move pauses, followed by the phase. */
  static final String PAUSED = "move-paused ";

  /**
   * Time that the move waits for writes under way before its final copy; half of it bounds each
   * document write. Three times the default, so that a copy on a loaded test machine stays within
   * the bound.
   */
  private static final Duration SETTLE = Duration.ofSeconds(6);

  private TierMoveProcess() {}

  public static void main(String[] arguments) {
    Path dataFolder = Path.of(arguments[0]);
    OrganizationName name = OrganizationName.of(arguments[1]);
    TenantTier target = TenantTier.of(arguments[2]);
    String pauseAt = arguments[3];
    String address =
        EmbeddedMongoStore.publishedAddress(dataFolder)
            .orElseThrow(() -> new IllegalStateException("No store address in " + dataFolder));
    PrintStream out = System.out;
    try (MongoClient client = MongoClients.create(address)) {
      CroupierLibrary library =
          CroupierLibrary.builder(client, client.getDatabase(StoreSnapshot.MASTER))
              .moveSettle(SETTLE)
              .build();
      MoveReport report =
          library
              .moveOrganization()
              .move(
                  name,
                  target,
                  (phase, copied, total) -> {
                    out.println(PROGRESS + phase + " " + copied + " " + total);
                    out.flush();
                    if (phase.equals(pauseAt)) {
                      pause(out, phase);
                    }
                  });
      out.println(FINISHED + " " + report.documents());
      out.flush();
    }
  }

  /** Blocks the move's thread until the process is killed. */
  private static void pause(PrintStream out, String phase) {
    out.println(PAUSED + phase);
    out.flush();
    while (true) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException ignored) {
        // Only a kill ends the pause.
      }
    }
  }
}
