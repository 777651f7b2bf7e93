package io.croupier.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.croupier.adapter.out.mongo.EmbeddedMongoStore;
import io.croupier.adapter.out.mongo.MongoTenantStorage;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.ListDocumentsQuery;
import io.croupier.application.port.in.LoginResult;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.Password;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantTier;
import io.croupier.library.CroupierLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Provisions many tenants in one tier of the embedded store and reports, at each checkpoint, the
 * latency of creating an organization and of reading a fixed set of probe tenants' documents. If
 * reads scale, the probe figures stay flat as the tenant count grows.
 *
 * <p>Every provisioned tenant gets one document, so the shared collection grows with the tenant
 * count. Run it with {@code bench/scaling.sh}; arguments are the tier and the checkpoints, such as
 * {@code shared 1000 10000 100000}.
 */
public final class TenantScalingBenchmark {

  private static final String PASSWORD = "Scaling1";
  private static final int PROBES = 50;
  private static final int PROBE_DOCUMENTS = 20;
  private static final int SAMPLES = 200;

  private final CroupierLibrary library;
  private final MongoTenantStorage storage;
  private final TenantTier tier;
  private final List<AuthenticatedAdmin> probes = new ArrayList<>();
  private final List<String> probeDocuments = new ArrayList<>();
  private int created;

  private TenantScalingBenchmark(MongoClient client, TenantTier tier) {
    var database = client.getDatabase("scaling");
    this.library =
        CroupierLibrary.builder(client, database)
            .bcryptCost(4)
            .jwtSecret("scaling-benchmark-secret-of-32-bytes-or-more")
            .build();
    this.storage = new MongoTenantStorage(client, database);
    this.tier = tier;
  }

  /** Runs the benchmark: {@code TIER CHECKPOINT...}. */
  public static void main(String[] arguments) throws IOException {
    if (arguments.length < 2) {
      System.err.println(
          "Usage: TenantScalingBenchmark TIER CHECKPOINT... (e.g. shared 1000 10000)");
      System.exit(2);
    }
    TenantTier tier = TenantTier.of(arguments[0]);
    int[] checkpoints =
        Arrays.stream(arguments).skip(1).mapToInt(Integer::parseInt).sorted().toArray();
    Path folder = Files.createTempDirectory("croupier-scaling");
    try (EmbeddedMongoStore store = EmbeddedMongoStore.start(folder);
        MongoClient client = MongoClients.create(store.connectionString())) {
      new TenantScalingBenchmark(client, tier).run(checkpoints);
    }
  }

  private void run(int[] checkpoints) {
    createProbes();
    System.out.printf(
        "tier=%s probes=%d documents/probe=%d samples=%d%n",
        tier, PROBES, PROBE_DOCUMENTS, SAMPLES);
    System.out.println(
        "tenants  create_p50_ms  create_p99_ms  get_p50_ms  get_p99_ms  page_p50_ms  page_p99_ms");
    for (int checkpoint : checkpoints) {
      while (created < checkpoint - SAMPLES) {
        createTenant();
      }
      double[] creates = new double[SAMPLES];
      for (int sample = 0; sample < SAMPLES && created < checkpoint; sample++) {
        long start = System.nanoTime();
        createTenant();
        creates[sample] = millisSince(start);
      }
      double[] gets = measureGets();
      double[] pages = measurePages();
      System.out.printf(
          "%7d  %13.2f  %13.2f  %10.3f  %10.3f  %11.3f  %11.3f%n",
          created,
          percentile(creates, 50),
          percentile(creates, 99),
          percentile(gets, 50),
          percentile(gets, 99),
          percentile(pages, 50),
          percentile(pages, 99));
    }
  }

  private void createProbes() {
    for (int probe = 0; probe < PROBES; probe++) {
      String name = "probe-" + probe;
      String email = name + "@scaling.example";
      library
          .createOrganization()
          .create(
              new CreateOrganizationCommand(
                  OrganizationName.of(name),
                  EmailAddress.of(email),
                  Password.of(PASSWORD),
                  Optional.of(tier)));
      LoginResult login = library.logIn().logIn(email, PASSWORD);
      AuthenticatedAdmin caller = new AuthenticatedAdmin(login.adminId(), login.organizationId());
      probes.add(caller);
      for (int document = 0; document < PROBE_DOCUMENTS; document++) {
        TenantDocument stored =
            library.documents().create(caller, DocumentBody.of(Map.of("probe", probe)));
        probeDocuments.add(stored.id());
      }
    }
  }

  /** Creates one tenant through the use case and gives it one document through its storage. */
  private void createTenant() {
    created++;
    String name = "tenant-" + created;
    OrganizationDetails details =
        library
            .createOrganization()
            .create(
                new CreateOrganizationCommand(
                    OrganizationName.of(name),
                    EmailAddress.of(name + "@scaling.example"),
                    Password.of(PASSWORD),
                    Optional.of(tier)));
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    storage
        .documents(TenantPlacement.of(details.organization()))
        .insert(
            new TenantDocument(
                UUID.randomUUID().toString(), now, now, DocumentBody.of(Map.of("n", created))));
  }

  private double[] measureGets() {
    double[] latencies = new double[SAMPLES];
    for (int sample = 0; sample < SAMPLES; sample++) {
      int index = sample % probeDocuments.size();
      AuthenticatedAdmin caller = probes.get(index / PROBE_DOCUMENTS);
      long start = System.nanoTime();
      library.documents().get(caller, probeDocuments.get(index));
      latencies[sample] = millisSince(start);
    }
    return latencies;
  }

  private double[] measurePages() {
    double[] latencies = new double[SAMPLES];
    ListDocumentsQuery query = new ListDocumentsQuery(PROBE_DOCUMENTS, Optional.empty());
    for (int sample = 0; sample < SAMPLES; sample++) {
      AuthenticatedAdmin caller = probes.get(sample % PROBES);
      long start = System.nanoTime();
      library.documents().list(caller, query);
      latencies[sample] = millisSince(start);
    }
    return latencies;
  }

  private static double millisSince(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  private static double percentile(double[] values, int percent) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
  }
}
