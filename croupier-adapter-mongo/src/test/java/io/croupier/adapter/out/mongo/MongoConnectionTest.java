package io.croupier.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.croupier.application.port.out.StoreUnavailable;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoConnectionTest {

  private static final Duration SHORT = Duration.ofMillis(300);

  @TempDir Path dataFolder;

  /** Returns a loopback port that nothing listens on, found by opening and closing a socket. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void startsEmbeddedStoreWithoutConnectionString() {
    try (MongoConnection connection = MongoConnection.open(Optional.empty(), dataFolder)) {
      // when
      connection.ping();

      // then
      assertThat(connection.embeddedStore()).isPresent();
      assertThat(connection.databaseName()).isEqualTo("croupier");
      assertThat(Files.exists(dataFolder.resolve(EmbeddedMongoStore.DATA_FILE_NAME))).isTrue();
    }
  }

  @Test
  void treatsBlankConnectionStringAsMissing() {
    try (MongoConnection connection = MongoConnection.open(Optional.of("  "), dataFolder)) {
      assertThat(connection.embeddedStore()).isPresent();
    }
  }

  @Test
  void usesDatabaseNamedInConnectionString() {
    try (EmbeddedMongoStore server = EmbeddedMongoStore.start(dataFolder);
        MongoConnection connection =
            MongoConnection.open(
                Optional.of(server.connectionString() + "/tenants"),
                dataFolder.resolve("unused"))) {
      // when
      connection.ping();

      // then
      assertThat(connection.databaseName()).isEqualTo("tenants");
      assertThat(connection.embeddedStore()).isEmpty();
      assertThat(Files.exists(dataFolder.resolve("unused"))).isFalse();
    }
  }

  @Test
  void defaultsToCroupierDatabase() {
    try (EmbeddedMongoStore server = EmbeddedMongoStore.start(dataFolder);
        MongoConnection connection =
            MongoConnection.open(Optional.of(server.connectionString()), dataFolder)) {
      assertThat(connection.databaseName()).isEqualTo("croupier");
    }
  }

  @Test
  void closeReleasesEmbeddedDataFolder() {
    // given
    MongoConnection.open(Optional.empty(), dataFolder).close();

    // when
    Throwable failure =
        catchThrowable(() -> MongoConnection.open(Optional.empty(), dataFolder).close());

    // then
    assertThat(failure).isNull();
  }

  @Test
  void pingFailsFastWhenStoreIsDown() throws IOException {
    // given
    String unreachable = "mongodb://127.0.0.1:" + closedPort();
    try (MongoConnection connection =
        MongoConnection.open(Optional.of(unreachable), dataFolder, SHORT, SHORT)) {
      long start = System.nanoTime();

      // when
      StoreUnavailable failure = catchThrowableOfType(StoreUnavailable.class, connection::ping);

      // then
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(failure.getMessage())
          .isEqualTo(
              "Pinging database 'croupier' failed because MongoDB is unreachable or returned an"
                  + " error. Check that the database is running, then retry.");
      assertThat(failure.getCause()).isInstanceOf(com.mongodb.MongoTimeoutException.class);
    }
  }

  @Test
  void pingFailsWithinStoreTimeout() throws IOException {
    // given
    String unreachable = "mongodb://127.0.0.1:" + closedPort();
    try (MongoConnection connection =
        MongoConnection.open(Optional.of(unreachable), dataFolder, SHORT)) {
      long start = System.nanoTime();

      // when
      StoreUnavailable failure = catchThrowableOfType(StoreUnavailable.class, connection::ping);

      // then
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(failure.getCause()).isInstanceOf(com.mongodb.MongoTimeoutException.class);
    }
  }

  @Test
  void rejectsTimeoutOfZero() {
    // when
    IllegalArgumentException invalid =
        catchThrowableOfType(
            IllegalArgumentException.class,
            () -> MongoConnection.open(Optional.empty(), dataFolder, Duration.ZERO));

    // then
    assertThat(invalid.getMessage()).contains("timeout").contains("PT0S");
    assertThat(Files.exists(dataFolder.resolve(EmbeddedMongoStore.DATA_FILE_NAME))).isFalse();
  }

  @Test
  void acceptsTimeoutOfOneMillisecond() {
    // when
    Throwable failure =
        catchThrowable(
            () -> MongoConnection.open(Optional.empty(), dataFolder, Duration.ofMillis(1)).close());

    // then
    assertThat(failure).isNull();
  }

  @Test
  void connectionStringOptionsOverrideTimeouts() throws IOException {
    // given
    String unreachable = "mongodb://127.0.0.1:" + closedPort() + "/?serverSelectionTimeoutMS=200";
    try (MongoConnection connection =
        MongoConnection.open(
            Optional.of(unreachable), dataFolder, Duration.ofMinutes(1), Duration.ofMinutes(1))) {
      long start = System.nanoTime();

      // when
      catchThrowable(connection::ping);

      // then
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void rejectsInvalidConnectionStringWithoutRepeatingIt() {
    // when
    IllegalArgumentException invalid =
        catchThrowableOfType(
            IllegalArgumentException.class,
            () ->
                MongoConnection.open(
                    Optional.of("mongodb://admin:s3cret-value@db.example:notaport"), dataFolder));

    // then
    assertThat(invalid.getMessage()).doesNotContain("s3cret-value");
    assertThat(invalid.getMessage()).startsWith("The MongoDB connection string is invalid.");
    assertThat(invalid.getCause()).isNull();
  }
}
