package io.croupier.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoStoreProbeTest {

  @TempDir Path dataFolder;

  @Test
  void reportsRunningStoreAsReachable() {
    try (EmbeddedTestStore store = EmbeddedTestStore.start(dataFolder)) {
      assertThat(new MongoStoreProbe(store.connection()).isReachable()).isTrue();
    }
  }

  @Test
  void reportsStoppedStoreAsUnreachable() {
    try (EmbeddedTestStore store = EmbeddedTestStore.start(dataFolder)) {
      // given
      store.connection().embeddedStore().orElseThrow().close();

      // when
      boolean reachable = new MongoStoreProbe(store.connection()).isReachable();

      // then
      assertThat(reachable).isFalse();
    }
  }
}
