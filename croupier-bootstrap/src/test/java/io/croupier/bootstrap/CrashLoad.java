package io.croupier.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads that create, rename and delete organizations over HTTP until they are stopped. Names come
 * from a small pool, so that creates and renames compete for names and take the names of deleted
 * and renamed organizations. Every admin email is new, and its password is recorded before the
 * create is sent, so that any admin found in the store later can log in.
 */
final class CrashLoad {

  /** Names that organizations take; about a third of them are in use at a time. */
  static final int NAME_POOL = 64;

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final String baseUrl;
  private final long seed;
  private final String round;
  private final Accounts accounts;
  private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
  private final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> claimed = ConcurrentHashMap.newKeySet();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopped;

  /**
   * Admin accounts that the load and the test share across rounds: the password of every email ever
   * sent, the emails of the admins believed to exist, and an access token for some of them.
   * Passwords never change, so a token stays valid across restarts until its organization goes.
   */
  record Accounts(
      Map<String, String> passwords, Set<String> liveEmails, Map<String, String> tokens) {

    static Accounts create() {
      return new Accounts(
          new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet(), new ConcurrentHashMap<>());
    }
  }

  /** Creates the load on the server at the port; {@code round} makes its admin emails unique. */
  CrashLoad(HttpClient client, int port, long seed, String round, Accounts accounts) {
    this.client = client;
    this.baseUrl = "http://127.0.0.1:" + port;
    this.seed = seed;
    this.round = round;
    this.accounts = accounts;
  }

  static String poolName(int index) {
    return String.format("crash-%02d", index);
  }

  void start(int threadCount) {
    for (int i = 0; i < threadCount; i++) {
      int index = i;
      Thread thread = new Thread(() -> run(index), "crash-load-" + round + "-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** Waits for the first response of the server, or until the timeout passes. */
  void awaitFirstResponse(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (outcomes.isEmpty() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }

  /** Stops every thread and waits for them; requests still open end with the killed server. */
  void stop() throws InterruptedException {
    stopped = true;
    for (Thread thread : threads) {
      thread.join(REQUEST_TIMEOUT.toMillis());
    }
  }

  /** Returns how often each outcome occurred, such as {@code create 201} or {@code rename 409}. */
  Map<String, Integer> outcomes() {
    Map<String, Integer> counts = new TreeMap<>();
    outcomes.forEach((outcome, count) -> counts.put(outcome, count.get()));
    return counts;
  }

  /** Returns the responses with a status of 500 or more other than 503, with their bodies. */
  List<String> serverErrors() {
    synchronized (serverErrors) {
      return List.copyOf(serverErrors);
    }
  }

  private void run(int index) {
    Random random = new Random(seed * 31 + index);
    int counter = 0;
    while (!stopped) {
      int choice = random.nextInt(100);
      Optional<String> email = claimLive(random);
      try {
        if (choice < 40 || email.isEmpty()) {
          create(random, index, counter++);
        } else if (choice < 75) {
          rename(email.get(), randomName(random));
        } else {
          delete(email.get());
        }
      } catch (IOException failed) {
        // The server was killed, or is being killed, while the request was open.
        record("request failed");
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        email.ifPresent(claimed::remove);
      }
    }
  }

  /**
   * Picks an admin that no other thread works on, so that each organization gets one request at a
   * time.
   *
   * <p>NOTE: Two requests that change one organization at once can lose an update, because an
   * organization's metadata is replaced without comparing it to what the request read. A rename
   * that overwrites another one can then leave the metadata naming a collection that the other
   * rename has moved away. This load avoids that race, so that it tests what a crash leaves.
   */
  private Optional<String> claimLive(Random random) {
    List<String> emails = new ArrayList<>(accounts.liveEmails());
    Collections.shuffle(emails, random);
    return emails.stream().filter(claimed::add).findFirst();
  }

  private static String randomName(Random random) {
    return poolName(random.nextInt(NAME_POOL));
  }

  private void create(Random random, int thread, int counter)
      throws IOException, InterruptedException {
    String email = "admin-" + round + "-" + thread + "-" + counter + "@crash.example";
    String password = "Crash" + round + "x" + thread + "x" + counter + "Pw";
    accounts.passwords().put(email, password);
    String body =
        JSON.createObjectNode()
            .put("organization_name", randomName(random))
            .put("email", email)
            .put("password", password)
            .toString();
    HttpResponse<String> response = send(post("/org/create", body), "create");
    if (response.statusCode() == 201) {
      accounts.liveEmails().add(email);
    }
  }

  private void rename(String email, String newName) throws IOException, InterruptedException {
    Optional<String> token = token(email);
    if (token.isEmpty()) {
      return;
    }
    String body = JSON.createObjectNode().put("organization_name", newName).toString();
    HttpRequest request =
        request("/org/update", token.get())
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build();
    forgetIfGone(email, send(request, "rename"));
  }

  private void delete(String email) throws IOException, InterruptedException {
    Optional<String> token = token(email);
    if (token.isEmpty()) {
      return;
    }
    HttpResponse<String> response =
        send(request("/org/delete", token.get()).DELETE().build(), "delete");
    if (response.statusCode() == 204) {
      accounts.liveEmails().remove(email);
      accounts.tokens().remove(email);
    }
    forgetIfGone(email, response);
  }

  /** Drops an admin whose token the server rejected: its organization is gone. */
  private void forgetIfGone(String email, HttpResponse<String> response) {
    if (response.statusCode() == 401) {
      accounts.liveEmails().remove(email);
      accounts.tokens().remove(email);
    }
  }

  /** Returns the admin's access token, logging in if there is none; empty if the admin is gone. */
  private Optional<String> token(String email) throws IOException, InterruptedException {
    String known = accounts.tokens().get(email);
    if (known != null) {
      return Optional.of(known);
    }
    String body =
        JSON.createObjectNode()
            .put("email", email)
            .put("password", accounts.passwords().get(email))
            .toString();
    HttpResponse<String> response = send(post("/admin/login", body), "login");
    forgetIfGone(email, response);
    if (response.statusCode() != 200) {
      return Optional.empty();
    }
    String token = JSON.readTree(response.body()).get("access_token").asText();
    accounts.tokens().put(email, token);
    return Optional.of(token);
  }

  private HttpResponse<String> send(HttpRequest request, String operation)
      throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    record(operation + " " + response.statusCode());
    if (response.statusCode() >= 500 && response.statusCode() != 503) {
      serverErrors.add(operation + " " + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  private void record(String outcome) {
    outcomes.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet();
  }

  private HttpRequest post(String path, String json) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .timeout(REQUEST_TIMEOUT)
        .build();
  }

  private HttpRequest.Builder request(String path, String token) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", "Bearer " + token)
        .timeout(REQUEST_TIMEOUT);
  }
}
