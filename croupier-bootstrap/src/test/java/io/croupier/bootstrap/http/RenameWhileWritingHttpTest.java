package io.croupier.bootstrap.http;

import static io.croupier.bootstrap.http.CroupierTestServer.CONTENT_TYPE;
import static io.croupier.bootstrap.http.CroupierTestServer.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Document writes over HTTP while the organization is renamed in the collection tier, on the
 * embedded store. A rename renames the collection that writes address, so a write acknowledged with
 * 201 must be readable afterwards, whichever name it was sent under.
 */
class RenameWhileWritingHttpTest {

  @RegisterExtension
  static final CroupierTestServer server =
      new CroupierTestServer(Map.of("croupier.move-settle", "PT0.2S"));

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int WRITERS = 4;
  private static final int RENAMES = 8;

  /** Acknowledged writes that each rename waits for, so that every rename meets running writes. */
  private static final int WRITES_BETWEEN_RENAMES = 20;

  /** Threads that create documents until stopped and record what the server replied. */
  private static final class Writers {

    private final String token;
    private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
    private final List<Future<?>> running = new ArrayList<>();
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<Reply> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicInteger rejected = new AtomicInteger();
    private volatile boolean stopped;

    Writers(String token) {
      this.token = token;
    }

    void start() {
      for (int writer = 0; writer < WRITERS; writer++) {
        int number = writer;
        running.add(threads.submit(() -> write(number)));
      }
    }

    private void write(int writer) {
      for (int index = 0; !stopped; index++) {
        String body = NODES.objectNode().put("writer", writer).put("n", index).toString();
        Reply reply =
            server.send(
                "POST",
                "/org/documents",
                body,
                CONTENT_TYPE,
                JSON,
                "Authorization",
                "Bearer " + token);
        if (reply.status() == 201) {
          acknowledged.add(reply.text("id"));
        } else if (reply.status() == 503
            && reply.text("type").equals("urn:croupier:problem:tenant-switching")) {
          rejected.incrementAndGet();
        } else {
          unexpected.add(reply);
        }
      }
    }

    /** Waits until the writers have had the number of writes acknowledged, for at most 20 s. */
    void awaitAcknowledged(int count) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (acknowledged.size() < count && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
    }

    void stop() throws Exception {
      stopped = true;
      for (Future<?> writer : running) {
        writer.get(30, TimeUnit.SECONDS);
      }
      threads.shutdownNow();
    }
  }

  @Test
  @Timeout(180)
  void everyAcknowledgedWriteIsReadableAfterRenames() throws Exception {
    // given
    Tenant tenant = server.register();
    Writers writers = new Writers(tenant.token());
    List<String> collections = new ArrayList<>(List.of(tenant.collectionName()));
    writers.start();

    // when
    try {
      for (int round = 0; round < RENAMES; round++) {
        writers.awaitAcknowledged(writers.acknowledged.size() + WRITES_BETWEEN_RENAMES);
        String newName = NewOrganization.uniqueName();
        Reply renamed = server.putJson("/org/update", nameChange(newName), tenant.token());
        assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);
        collections.add("org_" + newName);
      }
      writers.awaitAcknowledged(writers.acknowledged.size() + WRITES_BETWEEN_RENAMES);
    } finally {
      writers.stop();
    }

    // then
    assertThat(writers.unexpected).as("replies other than 201 and 503 tenant-switching").isEmpty();
    List<String> read = readAllDocumentIds(tenant.token());
    assertThat(read)
        .as("documents read back, with %d writes rejected with 503", writers.rejected.get())
        .hasSize(writers.acknowledged.size());
    assertThat(read).containsExactlyInAnyOrderElementsOf(writers.acknowledged);
    List<String> orphans = collections.subList(0, collections.size() - 1);
    assertThat(collectionNames()).doesNotContainAnyElementsOf(orphans);
  }

  private static List<String> readAllDocumentIds(String token) {
    List<String> ids = new ArrayList<>();
    String path = "/org/documents?limit=1000";
    while (path != null) {
      Reply page = server.getWithToken(path, token);
      assertThat(page.status()).as("%s", page).isEqualTo(200);
      JsonNode json = page.json();
      json.path("documents").forEach(document -> ids.add(document.path("id").asText()));
      JsonNode next = json.path("next_cursor");
      path =
          next.isNull() || next.isMissingNode()
              ? null
              : "/org/documents?limit=1000&after=" + CroupierTestServer.query(next.asText());
    }
    return ids;
  }

  private static String nameChange(String name) {
    return NODES.objectNode().put("organization_name", name).toString();
  }

  private static List<String> collectionNames() {
    return server.database().listCollectionNames().into(new ArrayList<>());
  }
}
