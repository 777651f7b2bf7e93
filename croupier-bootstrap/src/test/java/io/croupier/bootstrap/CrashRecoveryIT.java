package io.croupier.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.croupier.adapter.out.mongo.EmbeddedMongoStore;
import io.croupier.domain.OrganizationName;
import io.croupier.library.CroupierLibrary;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL sent to {@code java -jar croupier.jar serve} on the embedded store while it creates,
 * renames and deletes organizations, then a restart on the same data folder: the recovery at
 * start-up must leave a consistent store. Also SIGKILL sent to a process that moves an organization
 * between tiers, then a restart of the server: the organization's documents must be in exactly one
 * tier, all of them.
 *
 * <p>The embedded store writes its changes to disk about once a second, so SIGKILL loses the writes
 * of the last second or so, including some that the server had acknowledged. These tests therefore
 * check that the store is consistent after each restart, not that every acknowledged write
 * survived.
 *
 * <p>The HTTP API of this version has no tier field on create and no document endpoints, so the
 * load gets organizations into each tier by restarting the server with another {@code
 * CROUPIER_DEFAULT_TIER} each round, and sends no document writes. The command line has no move
 * command, so {@link TierMoveProcess} runs the library's move in a process of its own.
 *
 * <p>The seed of the kill delays and of the load is printed; set {@code -Dcrash.seed=N} to reuse
 * it. The order in which threads and the server interleave still differs from run to run.
 */
class CrashRecoveryIT {

  private static final Path LOG_COPIES = Path.of("target", "logs");
  private static final String JWT_SECRET = "crash-recovery-test-secret-0123456789abcdef";
  private static final List<String> TIERS = List.of("shared", "collection", "database");
  private static final String PASSWORD = "M0vingTenant";

  /**
   * Kills of the server under load. More follow, up to {@link #MAX_ROUNDS}, while no kill has left
   * unsettled work, so that the recovery always has something to do.
   */
  private static final int ROUNDS = 5;

  private static final int MAX_ROUNDS = 8;
  private static final int LOAD_THREADS = 12;
  private static final int MIN_KILL_DELAY_MILLIS = 300;
  private static final int MAX_KILL_DELAY_MILLIS = 1500;
  private static final int MOVED_DOCUMENTS = 2000;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration MOVE_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final CrashLoad.Accounts accounts = CrashLoad.Accounts.create();

  private final List<CroupierProcess> processes = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();

  @TempDir Path folder;

  /** Kills the processes that still run and copies their logs to target/logs for diagnosis. */
  @AfterEach
  void killProcessesAndKeepLogs(TestInfo test) throws IOException, InterruptedException {
    for (CroupierProcess process : processes) {
      if (process.isAlive()) {
        process.kill();
      }
    }
    Path copies = LOG_COPIES.resolve("crash-recovery-" + test.getDisplayName().replace(' ', '-'));
    Files.createDirectories(copies);
    for (Path log : logs) {
      Files.copy(log, copies.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void storeStaysConsistentAcrossKillsUnderLoad() throws Exception {
    // given
    long seed = Long.getLong("crash.seed", System.nanoTime());
    System.out.println("CrashRecoveryIT seed " + seed + " (rerun with -Dcrash.seed=" + seed + ")");
    Random random = new Random(seed);
    Path data = folder.resolve("data");
    Map<String, Integer> outcomes = new TreeMap<>();
    List<String> serverErrors = new ArrayList<>();
    int leftUnsettled = 0;

    // when: each round starts the server, checks what the recovery left, and kills it under load
    for (int round = 1; round <= MAX_ROUNDS; round++) {
      String tier = TIERS.get(round % TIERS.size());
      CroupierProcess server = serve(data, tier, "round-" + round);
      if (round > 1) {
        // then
        assertConsistent(data, server, "after kill " + (round - 1));
      }
      int delay =
          MIN_KILL_DELAY_MILLIS + random.nextInt(MAX_KILL_DELAY_MILLIS - MIN_KILL_DELAY_MILLIS + 1);
      CrashLoad load =
          new CrashLoad(client, server.port(), random.nextLong(), "r" + round, accounts);
      load.start(LOAD_THREADS);
      // The delay counts from the first response, so that the slow first requests of a new JVM
      // do not use it up.
      load.awaitFirstResponse(REQUEST_TIMEOUT);
      LockSupport.parkNanos(Duration.ofMillis(delay).toNanos());
      int status = server.kill();
      load.stop();
      keepDataFile(data, "after-kill-" + round);
      List<String> unsettled = StoreSnapshot.unsettledWhileStopped(data);
      System.out.printf(
          "Round %d in tier %s: killed %d ms after the first response, leaving %s unsettled; %s%n",
          round, tier, delay, unsettled, load.outcomes());

      assertThat(status)
          .as("exit status after SIGKILL in round %d", round)
          .isEqualTo(CroupierProcess.KILLED_STATUS);
      leftUnsettled += unsettled.size();
      load.outcomes().forEach((outcome, count) -> outcomes.merge(outcome, count, Integer::sum));
      serverErrors.addAll(load.serverErrors());
      if (round >= ROUNDS && leftUnsettled > 0) {
        break;
      }
    }
    CroupierProcess server = serve(data, "collection", "final");

    // then
    assertConsistent(data, server, "after the last kill");
    assertCommandLineListsEveryOrganization(data);
    assertThat(leftUnsettled).as("organizations that the kills left unsettled").isPositive();
    assertThat(serverErrors).as("server errors under load").isEmpty();
    assertThat(outcomes.getOrDefault("create 201", 0)).as("organizations created").isPositive();
    assertThat(outcomes.getOrDefault("rename 200", 0)).as("organizations renamed").isPositive();
    assertThat(outcomes.getOrDefault("delete 204", 0)).as("organizations deleted").isPositive();
  }

  @Test
  void killedMovesLeaveEachTenantInOneTier() throws Exception {
    // given
    Path data = folder.resolve("data");
    CroupierProcess server = serve(data, "collection", "before-moves");
    Map<String, Set<String>> seeded = new TreeMap<>();
    for (String name : List.of("copying", "switching", "cleaning")) {
      createOrganization(server, name, "admin@" + name + ".example");
      seeded.put(name, seedDocuments(data, name, MOVED_DOCUMENTS));
    }

    // when: one mover is killed while it copies, the others once they pause in a later phase
    CroupierProcess copying = startMove(data, "copying", "database", "none");
    CroupierProcess switching = startMove(data, "switching", "shared", "verifying");
    CroupierProcess cleaning = startMove(data, "cleaning", "database", "cleaning");
    copying.awaitLog(TierMoveProcess.PROGRESS + "copying", MOVE_TIMEOUT);
    int copyingStatus = copying.kill();
    switching.awaitLog(TierMoveProcess.PAUSED + "verifying", MOVE_TIMEOUT);
    int switchingStatus = switching.kill();
    cleaning.awaitLog(TierMoveProcess.PAUSED + "cleaning", MOVE_TIMEOUT);
    int cleaningStatus = cleaning.kill();
    assertThat(server.stop()).as("server exit status after SIGTERM").isZero();
    List<String> unsettled = StoreSnapshot.unsettledWhileStopped(data);
    server = serve(data, "collection", "after-moves");

    // then
    assertThat(List.of(copyingStatus, switchingStatus, cleaningStatus))
        .as("exit statuses of the movers after SIGKILL")
        .containsOnly(CroupierProcess.KILLED_STATUS);
    assertThat(unsettled).as("organizations that the killed moves left unsettled").hasSize(3);
    StoreSnapshot store = StoreSnapshot.read(data);
    assertThat(store.unsettled()).as("organizations left unsettled").isEmpty();
    assertThat(store.orphanStorage()).as("storage without an organization").isEmpty();
    assertOnlyInTier(data, store, "copying", "collection", seeded.get("copying"));
    assertOnlyInTier(data, store, "switching", "collection", seeded.get("switching"));
    assertOnlyInTier(data, store, "cleaning", "database", seeded.get("cleaning"));
    for (String name : seeded.keySet()) {
      assertThat(logIn(server, "admin@" + name + ".example", PASSWORD).statusCode())
          .as("login of the admin of %s", name)
          .isEqualTo(200);
    }
  }

  /** Checks that all the organization's documents are in the tier and in no other. */
  private static void assertOnlyInTier(
      Path data, StoreSnapshot store, String name, String tier, Set<String> seeded) {
    StoreSnapshot.Organization organization = store.organizationNamed(name);
    assertThat(organization.tier()).as("tier of %s", name).isEqualTo(tier);
    assertThat(store.tiersHolding(organization)).as("tiers holding %s", name).containsOnly(tier);
    try (MongoClient mongo = MongoClients.create(address(data))) {
      assertThat(StoreSnapshot.countDocuments(mongo, organization, tier))
          .as("documents of %s in tier %s", name, tier)
          .isEqualTo(seeded.size());
    }
    assertThat(exportedIds(data, name))
        .as("ids of the exported documents of %s", name)
        .isEqualTo(seeded);
  }

  /**
   * Checks every invariant of a consistent store, in the store itself and through the API, and
   * makes the live emails those of the admins found.
   */
  private void assertConsistent(Path data, CroupierProcess server, String when) throws Exception {
    StoreSnapshot store = StoreSnapshot.read(data);
    System.out.printf(
        "Store %s: %d organizations, %d admins%n",
        when, store.organizations.size(), store.admins.size());

    assertThat(store.unsettled()).as("%s: organizations left unsettled", when).isEmpty();
    assertThat(store.withoutSingleAdmin()).as("%s: admins per organization", when).isEmpty();
    assertThat(store.orphanAdmins()).as("%s: admins without organization", when).isEmpty();
    assertThat(store.withoutStorage()).as("%s: organizations without storage", when).isEmpty();
    assertThat(store.orphanStorage()).as("%s: storage without organization", when).isEmpty();
    assertThat(unreachableThroughApi(server, store)).as("%s: API failures", when).isEmpty();

    accounts.liveEmails().clear();
    store.organizations.forEach(
        organization -> accounts.liveEmails().add(store.adminEmail(organization)));
  }

  /** Returns the organizations that GET /org/get misses or whose admin cannot log in. */
  private List<String> unreachableThroughApi(CroupierProcess server, StoreSnapshot store)
      throws IOException, InterruptedException {
    List<String> failures = new ArrayList<>();
    for (StoreSnapshot.Organization organization : store.organizations) {
      HttpResponse<String> found = getOrganization(server, organization.name());
      if (found.statusCode() != 200) {
        failures.add("GET " + organization.name() + ": " + found.statusCode());
      }
      String email = store.adminEmail(organization);
      String password = accounts.passwords().get(email);
      if (password == null) {
        failures.add(organization.name() + " has an admin the test never created: " + email);
        continue;
      }
      HttpResponse<String> login = logIn(server, email, password);
      String organizationId =
          login.statusCode() == 200
              ? JSON.readTree(login.body()).get("organization_id").asText()
              : "";
      if (!organizationId.equals(organization.id())) {
        failures.add("login of " + email + ": " + login.statusCode() + " " + login.body());
      }
    }
    return failures;
  }

  /** Runs {@code croupier org list} against the running server's store. */
  private void assertCommandLineListsEveryOrganization(Path data) throws Exception {
    Set<String> stored = new HashSet<>();
    StoreSnapshot.read(data).organizations.forEach(organization -> stored.add(organization.name()));
    Path log = folder.resolve("org-list.json");
    CroupierProcess list =
        CroupierProcess.java(
            List.of(
                "-jar",
                CroupierProcess.JAR.toString(),
                "org",
                "list",
                "--limit",
                "1000",
                "--output",
                "json"),
            log,
            Map.of("CROUPIER_DATA_DIR", data.toString()));
    processes.add(list);

    int status = list.awaitExit(REQUEST_TIMEOUT);

    assertThat(status).as("org list exit status; output:%n%s", list.logText()).isZero();
    // Log lines may come before the page, whose JSON starts on a line of its own.
    String output = "\n" + list.logText();
    JsonNode page = JSON.readTree(output.substring(output.indexOf("\n{") + 1));
    Set<String> listed = new HashSet<>();
    page.get("organizations")
        .forEach(organization -> listed.add(organization.get("organization_name").asText()));
    assertThat(listed).as("organizations that org list shows").isEqualTo(stored);
  }

  /** Copies the store's data file next to the logs, to rerun a recovery on it when one fails. */
  private void keepDataFile(Path data, String label) throws IOException {
    Path copy = folder.resolve("data-" + label + ".mv.db");
    Files.copy(data.resolve(EmbeddedMongoStore.DATA_FILE_NAME), copy);
    logs.add(copy);
  }

  private CroupierProcess serve(Path data, String defaultTier, String label) throws IOException {
    Path log = folder.resolve("server-" + label + ".log");
    logs.add(log);
    Map<String, String> settings =
        Map.of(
            "CROUPIER_JWT_SECRET", JWT_SECRET,
            "CROUPIER_BCRYPT_COST", "4",
            "CROUPIER_DEFAULT_TIER", defaultTier,
            // Logins of admins that a concurrent delete removed fail; they must not lock anyone
            // out.
            "CROUPIER_LOGIN_ACCOUNT_FAILURES", "1000000",
            "CROUPIER_LOGIN_ADDRESS_FAILURES", "1000000");
    CroupierProcess server = CroupierProcess.serve(data, log, settings);
    processes.add(server);
    return server;
  }

  private CroupierProcess startMove(Path data, String name, String tier, String pauseAt)
      throws IOException {
    Path log = folder.resolve("move-" + name + ".log");
    logs.add(log);
    String classPath = CroupierProcess.JAR + File.pathSeparator + Path.of("target", "test-classes");
    CroupierProcess mover =
        CroupierProcess.java(
            List.of(
                "-cp",
                classPath,
                TierMoveProcess.class.getName(),
                data.toString(),
                name,
                tier,
                pauseAt),
            log,
            Map.of());
    processes.add(mover);
    return mover;
  }

  /**
   * Inserts documents into the collection {@code org_<name>} of a collection-tier organization in
   * one bulk write, in the layout of the MongoDB adapter, and returns their ids. Importing them
   * through the library writes one document per round trip, which took seconds per organization.
   */
  private static Set<String> seedDocuments(Path data, String name, int count) {
    Date createdAt = Date.from(Instant.parse("2026-01-01T00:00:00Z"));
    List<Document> documents =
        IntStream.range(0, count)
            .mapToObj(
                i ->
                    new Document("_id", "doc-" + i)
                        .append("created_at", createdAt)
                        .append("updated_at", createdAt)
                        .append("body", new Document("n", i).append("text", "document " + i)))
            .toList();
    try (MongoClient mongo = MongoClients.create(address(data))) {
      mongo.getDatabase(StoreSnapshot.MASTER).getCollection("org_" + name).insertMany(documents);
    }
    Set<String> ids = new HashSet<>();
    documents.forEach(document -> ids.add(document.getString("_id")));
    return ids;
  }

  private static Set<String> exportedIds(Path data, String name) {
    Set<String> ids = new HashSet<>();
    try (MongoClient mongo = MongoClients.create(address(data))) {
      library(mongo)
          .transferDocuments()
          .export(OrganizationName.of(name), document -> ids.add(document.id()));
    }
    return ids;
  }

  private static CroupierLibrary library(MongoClient mongo) {
    return CroupierLibrary.builder(mongo, mongo.getDatabase(StoreSnapshot.MASTER)).build();
  }

  private static String address(Path data) {
    return EmbeddedMongoStore.publishedAddress(data)
        .orElseThrow(() -> new IllegalStateException("No store address in " + data));
  }

  private void createOrganization(CroupierProcess server, String name, String email)
      throws IOException, InterruptedException {
    String body =
        JSON.createObjectNode()
            .put("organization_name", name)
            .put("email", email)
            .put("password", PASSWORD)
            .toString();
    HttpResponse<String> response = send(post(server, "/org/create", body));
    assertThat(response.statusCode()).as("create %s: %s", name, response.body()).isEqualTo(201);
  }

  private HttpResponse<String> getOrganization(CroupierProcess server, String name)
      throws IOException, InterruptedException {
    String query = "?organization_name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    return send(
        HttpRequest.newBuilder(uri(server, "/org/get" + query))
            .timeout(REQUEST_TIMEOUT)
            .GET()
            .build());
  }

  private HttpResponse<String> logIn(CroupierProcess server, String email, String password)
      throws IOException, InterruptedException {
    String body = JSON.createObjectNode().put("email", email).put("password", password).toString();
    return send(post(server, "/admin/login", body));
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest post(CroupierProcess server, String path, String json) {
    return HttpRequest.newBuilder(uri(server, path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .timeout(REQUEST_TIMEOUT)
        .build();
  }

  private static URI uri(CroupierProcess server, String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
