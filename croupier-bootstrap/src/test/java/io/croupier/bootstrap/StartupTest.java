package io.croupier.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.croupier.adapter.out.mongo.EmbeddedMongoStore;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up checks of the wiring, before the HTTP server listens. */
class StartupTest {

  @TempDir Path dataDir;

  @Test
  void externalStoreWithoutSecretStopsStartUp() {
    try (EmbeddedMongoStore external = EmbeddedMongoStore.start(dataDir.resolve("external"))) {
      // when
      Throwable failure =
          catchThrowable(
              () ->
                  ApplicationContext.run(
                          Map.of(
                              "croupier.mongodb-uri", external.connectionString(),
                              "croupier.data-dir", dataDir.resolve("unused").toString()))
                      .close());

      // then
      assertThat(rootCause(failure)).hasMessageContaining("CROUPIER_JWT_SECRET");
      assertThat(Files.exists(dataDir.resolve("unused"))).isFalse();
    }
  }

  @Test
  void shortSecretStopsStartUp() {
    // when
    Throwable failure =
        catchThrowable(
            () ->
                ApplicationContext.run(
                        Map.of(
                            "croupier.jwt-secret", "x".repeat(31),
                            "croupier.data-dir", dataDir.toString()))
                    .close());

    // then
    assertThat(rootCause(failure)).hasMessageContaining("31").hasMessageContaining("32");
    assertThat(rootCause(failure).getMessage()).doesNotContain("x".repeat(31));
  }

  @Test
  void embeddedStoreWithoutSecretGeneratesOne() {
    // when
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("croupier.data-dir", dataDir.toString()))) {

      // then
      assertThat(context.isRunning()).isTrue();
      assertThat(dataDir.resolve("jwt-secret")).exists();
    }
  }

  private static Throwable rootCause(Throwable failure) {
    assertThat(failure).isNotNull();
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
