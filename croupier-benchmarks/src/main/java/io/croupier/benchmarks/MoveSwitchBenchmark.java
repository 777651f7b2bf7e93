package io.croupier.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.croupier.adapter.out.mongo.EmbeddedMongoStore;
import io.croupier.adapter.out.mongo.MongoTenantStorage;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.LoginResult;
import io.croupier.application.port.in.MoveReport;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.out.StoreUnavailable;
import io.croupier.application.port.out.TenantDocuments;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.Password;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantSwitching;
import io.croupier.domain.TenantTier;
import io.croupier.library.CroupierLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Moves organizations of growing size between two tiers of the embedded store while a writer keeps
 * creating and replacing documents, and reports how long the move rejected writes. If the final
 * switch does not depend on the organization's size, that time stays flat as the size grows.
 *
 * <p>After each move it checks that the new tier contains exactly what the writer saw accepted. Run
 * it with {@code bench/move.sh}; arguments are the source tier, the target tier and the sizes, such
 * as {@code shared collection 1000 10000 50000}.
 */
public final class MoveSwitchBenchmark {

  private static final String PASSWORD = "MoveSwitch1";
  private static final String EMAIL_DOMAIN = "@moves.example";
  private static final Duration SETTLE = Duration.ofSeconds(2);

  private final CroupierLibrary library;
  private final MongoTenantStorage storage;

  private MoveSwitchBenchmark(MongoClient client) {
    MongoDatabase database = client.getDatabase("moves");
    this.library =
        CroupierLibrary.builder(client, database)
            .bcryptCost(4)
            .jwtSecret("move-benchmark-secret-of-32-bytes-or-more")
            .moveSettle(SETTLE)
            .build();
    this.storage = new MongoTenantStorage(client, database);
  }

  /** Runs the benchmark: {@code SOURCE TARGET SIZE...}. */
  public static void main(String[] arguments) throws IOException, InterruptedException {
    if (arguments.length < 3) {
      System.err.println(
          "Usage: MoveSwitchBenchmark SOURCE TARGET SIZE... (e.g. shared collection 1000 10000)");
      System.exit(2);
    }
    TenantTier source = TenantTier.of(arguments[0]);
    TenantTier target = TenantTier.of(arguments[1]);
    Path folder = Files.createTempDirectory("croupier-moves");
    try (EmbeddedMongoStore store = EmbeddedMongoStore.start(folder);
        MongoClient client = MongoClients.create(store.connectionString())) {
      MoveSwitchBenchmark benchmark = new MoveSwitchBenchmark(client);
      System.out.printf("source=%s target=%s settle=%s%n", source, target, SETTLE);
      System.out.println(
          "documents  move_s  rejected_s  longest_gap_s  accepted  rejected  failed  failed_in  exact");
      for (int index = 2; index < arguments.length; index++) {
        benchmark.measure(source, target, Integer.parseInt(arguments[index]));
      }
    }
  }

  private void measure(TenantTier source, TenantTier target, int size) throws InterruptedException {
    String name = "mover-" + size;
    OrganizationDetails details = create(name, source);
    AuthenticatedAdmin admin = logIn(name);
    Map<String, DocumentBody> filled = fill(TenantPlacement.of(details.organization()), size);

    Writer writer = new Writer(admin);
    Thread thread = new Thread(writer, "move-benchmark-writer");
    thread.start();
    MoveReport report =
        library
            .moveOrganization()
            .move(
                OrganizationName.of(name), target, (phase, copied, total) -> writer.phase = phase);
    writer.stopped = true;
    thread.join();

    filled.putAll(writer.expected);
    Map<String, DocumentBody> moved = new HashMap<>();
    library
        .transferDocuments()
        .export(OrganizationName.of(name), document -> moved.put(document.id(), document.body()));
    System.out.printf(
        "%9d  %6.1f  %9.2f  %13.2f  %8d  %7d  %6d  %9s  %5s%n",
        size,
        report.total().toMillis() / 1e3,
        report.switching().toMillis() / 1e3,
        writer.longestGapNanos / 1e9,
        writer.accepted,
        writer.rejected,
        writer.failed,
        writer.failedIn.isEmpty() ? "-" : String.join(",", writer.failedIn),
        matches(filled, moved, writer.uncertain));
  }

  /**
   * Returns whether the new tier contains exactly the accepted writes. A write that failed with an
   * outage may or may not have been applied, so a document may also contain its body, or exist only
   * with it.
   */
  private static boolean matches(
      Map<String, DocumentBody> expected,
      Map<String, DocumentBody> moved,
      Set<DocumentBody> uncertain) {
    for (Map.Entry<String, DocumentBody> entry : moved.entrySet()) {
      DocumentBody accepted = expected.get(entry.getKey());
      if (!entry.getValue().equals(accepted) && !uncertain.contains(entry.getValue())) {
        return false;
      }
    }
    return moved.keySet().containsAll(expected.keySet());
  }

  private OrganizationDetails create(String name, TenantTier tier) {
    return library
        .createOrganization()
        .create(
            new CreateOrganizationCommand(
                OrganizationName.of(name),
                EmailAddress.of(name + EMAIL_DOMAIN),
                Password.of(PASSWORD),
                Optional.of(tier)));
  }

  private AuthenticatedAdmin logIn(String name) {
    LoginResult login = library.logIn().logIn(name + EMAIL_DOMAIN, PASSWORD);
    return new AuthenticatedAdmin(login.adminId(), login.organizationId());
  }

  /** Stores the documents straight through the storage, which is faster than the use case. */
  private Map<String, DocumentBody> fill(TenantPlacement placement, int size) {
    TenantDocuments documents = storage.documents(placement);
    Map<String, DocumentBody> bodies = new HashMap<>();
    for (int index = 0; index < size; index++) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      TenantDocument document =
          new TenantDocument(
              UUID.randomUUID().toString(), now, now, DocumentBody.of(Map.of("n", index)));
      documents.insert(document);
      bodies.put(document.id(), document.body());
    }
    return bodies;
  }

  /**
   * Creates a document, then replaces one of its own, in turn, as fast as the use case allows, and
   * keeps what was accepted. Only its own documents count, because the filled ones never change.
   */
  private final class Writer implements Runnable {

    private final AuthenticatedAdmin admin;
    private final Map<String, DocumentBody> expected = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final Set<DocumentBody> uncertain = new HashSet<>();
    private final Set<String> failedIn = new TreeSet<>();
    private volatile boolean stopped;
    private volatile String phase = "copying";
    private long accepted;
    private long rejected;
    private long failed;
    private long longestGapNanos;

    Writer(AuthenticatedAdmin admin) {
      this.admin = admin;
    }

    @Override
    public void run() {
      long lastAccepted = System.nanoTime();
      int step = 0;
      while (!stopped) {
        DocumentBody body = DocumentBody.of(Map.of("step", step));
        try {
          if (ids.isEmpty() || step % 2 == 0) {
            TenantDocument created = library.documents().create(admin, body);
            ids.add(created.id());
            expected.put(created.id(), body);
          } else {
            String id = ids.get(step % ids.size());
            library.documents().replace(admin, id, body);
            expected.put(id, body);
          }
          accepted++;
          long now = System.nanoTime();
          longestGapNanos = Math.max(longestGapNanos, now - lastAccepted);
          lastAccepted = now;
        } catch (TenantSwitching rejection) {
          rejected++;
          pause();
        } catch (StoreUnavailable outage) {
          failed++;
          failedIn.add(phase);
          uncertain.add(body);
          pause();
        }
        step++;
      }
    }

    private void pause() {
      try {
        Thread.sleep(10);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        stopped = true;
      }
    }
  }
}
