package io.croupier.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.croupier.application.port.out.StoreUnavailable;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedAddressTest {

  private static final Duration SHORT = Duration.ofMillis(500);

  @TempDir Path dataFolder;

  private Path addressFile() {
    return dataFolder.resolve(EmbeddedMongoStore.ADDRESS_FILE_NAME);
  }

  private MongoConnection join() {
    return MongoConnection.openOrJoin(Optional.empty(), dataFolder, SHORT, SHORT);
  }

  /** Returns a loopback port that nothing listens on, found by opening and closing a socket. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void serverConnectionPublishesItsAddress() throws IOException {
    try (MongoConnection server = MongoConnection.openAndPublish(Optional.empty(), dataFolder)) {
      // then
      String published = Files.readString(addressFile(), StandardCharsets.UTF_8).strip();
      assertThat(published).isEqualTo(server.embeddedStore().orElseThrow().connectionString());
    }
  }

  @Test
  void addressFileIsReadableByOwnerOnly() throws IOException {
    try (MongoConnection server = MongoConnection.openAndPublish(Optional.empty(), dataFolder)) {
      // then
      assertThat(Files.getPosixFilePermissions(addressFile()))
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
  }

  @Test
  void closeDeletesPublishedAddress() {
    // given
    MongoConnection server = MongoConnection.openAndPublish(Optional.empty(), dataFolder);

    // when
    server.close();

    // then
    assertThat(addressFile()).doesNotExist();
  }

  @Test
  void plainOpenPublishesNothing() {
    try (MongoConnection connection = MongoConnection.open(Optional.empty(), dataFolder)) {
      assertThat(addressFile()).doesNotExist();
    }
  }

  @Test
  void publishedAddressIsEmptyWithoutFile() {
    assertThat(EmbeddedMongoStore.publishedAddress(dataFolder)).isEmpty();
  }

  @Test
  void clientStartsOwnStoreOnFreeFolder() {
    try (MongoConnection client = join()) {
      assertThat(client.embeddedStore()).isPresent();
    }
  }

  @Test
  void clientJoinsStoreThatServerPublished() {
    try (MongoConnection server = MongoConnection.openAndPublish(Optional.empty(), dataFolder);
        MongoConnection client = join()) {
      // when
      client.database().getCollection("things").insertOne(new Document("_id", "from-client"));

      // then
      assertThat(client.embeddedStore()).isEmpty();
      assertThat(server.database().getCollection("things").countDocuments()).isEqualTo(1);
    }
  }

  @Test
  void closingJoinedClientKeepsServerStoreRunning() {
    try (MongoConnection server = MongoConnection.openAndPublish(Optional.empty(), dataFolder)) {
      // given
      join().close();

      // when
      server.ping();

      // then
      assertThat(addressFile()).exists();
    }
  }

  @Test
  void rejectsLockedFolderWithoutAddress() {
    try (MongoConnection holder = MongoConnection.open(Optional.empty(), dataFolder)) {
      // when
      StoreUnavailable error = catchThrowableOfType(StoreUnavailable.class, this::join);

      // then
      assertThat(error.getMessage())
          .isEqualTo(
              "Another Croupier process (a server or a command) is using the data folder "
                  + dataFolder.toAbsolutePath()
                  + " and published no address to reach it, so wait for it or stop it and retry, or"
                  + " pass --mongodb-uri (or set CROUPIER_MONGODB_URI) to use a MongoDB server"
                  + " instead.");
    }
  }

  @Test
  void rejectsLockedFolderWhoseAddressDoesNotAnswer() throws IOException {
    try (MongoConnection holder = MongoConnection.open(Optional.empty(), dataFolder)) {
      // given
      Files.writeString(addressFile(), "mongodb://127.0.0.1:" + closedPort() + "\n");

      // when
      StoreUnavailable error = catchThrowableOfType(StoreUnavailable.class, this::join);

      // then
      assertThat(error.getMessage()).contains("does not answer at the address it published");
    }
  }

  @Test
  void ignoresPublishedAddressOutsideLoopback() throws IOException {
    try (MongoConnection holder = MongoConnection.open(Optional.empty(), dataFolder)) {
      // given
      Files.writeString(addressFile(), "mongodb://192.0.2.10:27017\n");

      // when
      StoreUnavailable error = catchThrowableOfType(StoreUnavailable.class, this::join);

      // then
      assertThat(error.getMessage()).contains("published no address to reach it");
    }
  }

  @Test
  void ignoresMalformedPublishedAddress() throws IOException {
    try (MongoConnection holder = MongoConnection.open(Optional.empty(), dataFolder)) {
      // given
      Files.writeString(addressFile(), "not a connection string\n");

      // when
      StoreUnavailable error = catchThrowableOfType(StoreUnavailable.class, this::join);

      // then
      assertThat(error.getMessage()).contains("published no address to reach it");
    }
  }
}
