package io.croupier.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link ConsistentH2Backend} writes to its data file while clients insert and delete: each
 * version that a commit stores, and what a crash leaves, which is the file closed without a final
 * write, as after SIGKILL, and then opened again.
 */
class ConsistentH2BackendTest {

  private static final int WRITERS = 4;
  private static final int COMMITS = 50;
  private static final String DATA_MAP = "databases.croupier.accounts";
  private static final String ID_INDEX_MAP = "croupier.accounts._index__id_";
  private static final String EMAIL_INDEX_MAP = "croupier.accounts._index_email_1";

  @TempDir Path folder;

  @Test
  void storesIndexesInStepWithDocuments() throws Exception {
    // given
    Path file = folder.resolve("crash.mv.db");
    MVStore store =
        new MVStore.Builder()
            .fileName(file.toString())
            .autoCommitDisabled()
            .autoCommitBufferSize(0)
            .open();
    ConsistentH2Backend backend = new ConsistentH2Backend(store);
    MongoServer server = new MongoServer(backend);
    server.bind(new InetSocketAddress("127.0.0.1", 0));
    List<String> storedMismatches = new ArrayList<>();

    // when: commits run while clients write, then the process dies without a last commit
    try (MongoClient client =
        MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
      MongoCollection<Document> accounts = client.getDatabase("croupier").getCollection("accounts");
      accounts.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
      AtomicBoolean crashed = new AtomicBoolean();
      List<Thread> writers = startWriters(accounts, crashed);
      for (int commit = 0; commit < COMMITS; commit++) {
        backend.commit();
        storedMismatches.addAll(mismatchesInCopy(file));
      }
      crashed.set(true);
      store.closeImmediately();
      for (Thread writer : writers) {
        writer.join();
      }
    } finally {
      server.shutdownNow();
    }

    // then
    assertThat(storedMismatches).as("index entries that differ from documents").isEmpty();
    MVStore reopened = new MVStore.Builder().fileName(file.toString()).readOnly().open();
    try {
      assertThat(reopened.openMap(DATA_MAP).size()).as("documents after the crash").isPositive();
      assertThat(mismatches(reopened)).as("indexes that differ after the crash").isEmpty();
    } finally {
      reopened.close();
    }
  }

  /**
   * Checks a copy of the data file as the last commit left it. With auto-commit off, nothing but a
   * commit writes the file, so the copy contains exactly the stored version.
   */
  private List<String> mismatchesInCopy(Path file) throws IOException {
    Path copy = folder.resolve("copy.mv.db");
    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
    MVStore stored = new MVStore.Builder().fileName(copy.toString()).readOnly().open();
    try {
      return mismatches(stored);
    } finally {
      stored.close();
    }
  }

  /** Describes the indexes whose number of entries differs from the number of documents. */
  private static List<String> mismatches(MVStore store) {
    if (!store.hasMap(DATA_MAP)) {
      return List.of();
    }
    int documents = store.openMap(DATA_MAP).size();
    List<String> found = new ArrayList<>();
    for (String index : List.of(ID_INDEX_MAP, EMAIL_INDEX_MAP)) {
      int entries = store.hasMap(index) ? store.openMap(index).size() : 0;
      if (entries != documents) {
        found.add(entries + " entries in " + index + " for " + documents + " documents");
      }
    }
    return found;
  }

  /** Starts threads that insert accounts and delete every other one until the crash. */
  private static List<Thread> startWriters(
      MongoCollection<Document> accounts, AtomicBoolean crashed) {
    AtomicInteger next = new AtomicInteger();
    List<Thread> writers = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      Thread writer =
          new Thread(
              () -> {
                while (!crashed.get()) {
                  int n = next.getAndIncrement();
                  try {
                    accounts.insertOne(new Document("_id", n).append("email", n + "@example.com"));
                    if (n % 2 == 0) {
                      accounts.deleteOne(new Document("_id", n));
                    }
                  } catch (RuntimeException afterCrash) {
                    // Every write fails once the store's file is closed.
                  }
                }
              });
      writer.start();
      writers.add(writer);
    }
    return writers;
  }
}
