package io.croupier.adapter.out.mongo;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMoveJournalTest extends MoveJournalContract {

  @TempDir static Path dataFolder;

  private static EmbeddedTestStore store;

  @BeforeAll
  static void startStore() {
    store = EmbeddedTestStore.start(dataFolder);
  }

  @AfterAll
  static void stopStore() {
    store.close();
  }

  @Override
  protected MongoDatabase masterDatabase() {
    return store.masterDatabase();
  }
}
