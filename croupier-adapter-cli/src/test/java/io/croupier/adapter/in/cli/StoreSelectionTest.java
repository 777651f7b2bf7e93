package io.croupier.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.adapter.in.cli.Cli.Result;
import io.croupier.adapter.out.mongo.EmbeddedMongoStore;
import io.croupier.adapter.out.mongo.MongoConnection;
import io.croupier.adapter.out.mongo.MongoSchema;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSelectionTest {

  @TempDir Path dataDir;
  @TempDir Path otherDir;

  /** Returns a loopback port that nothing listens on, found by opening and closing a socket. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void worksThroughStoreOfRunningServer() {
    // given: the store opened the way the server opens it, with its address file
    try (MongoConnection server = MongoConnection.openAndPublish(Optional.empty(), dataDir)) {
      MongoSchema.prepare(server.database());
      Cli cli = new Cli(dataDir);

      // when
      Result created = cli.create("acme", "admin@acme.example");
      Result listed = cli.run("org", "list");

      // then
      assertThat(created.exitCode()).as(created.toString()).isZero();
      assertThat(listed.out()).contains("Showing 1 of 1 organization, newest first.");
      Document stored =
          server
              .database()
              .getCollection("organizations")
              .find(new Document("organization_name", "acme"))
              .first();
      assertThat(stored).isNotNull();
      assertThat(Files.exists(dataDir.resolve(EmbeddedMongoStore.ADDRESS_FILE_NAME))).isTrue();
    }
  }

  @Test
  void reportsLockedFolderWithoutAddressFile() {
    // given: another process holds the folder and published no address
    try (MongoConnection holder = MongoConnection.open(Optional.empty(), dataDir)) {
      Cli cli = new Cli(dataDir);

      // when
      Result result = cli.run("org", "list");

      // then
      assertThat(result.exitCode()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
      assertThat(result.err())
          .isEqualTo(
              "Another Croupier process (a server or a command) is using the data folder "
                  + dataDir.toAbsolutePath()
                  + " and published no address to reach it, so wait for it or stop it and retry, or"
                  + " pass --mongodb-uri (or set CROUPIER_MONGODB_URI) to use a MongoDB server"
                  + " instead.\n");
      assertThat(result.err().toLowerCase()).doesNotContain("h2").doesNotContain("mvstore");
      assertThat(result.out()).isEmpty();
    }
  }

  @Test
  void reportsLockedFolderWithStaleAddressFile() throws IOException {
    // given: the address file of a server that no longer answers
    try (MongoConnection holder = MongoConnection.open(Optional.empty(), dataDir)) {
      Files.writeString(
          dataDir.resolve(EmbeddedMongoStore.ADDRESS_FILE_NAME),
          "mongodb://127.0.0.1:" + closedPort() + "\n");
      Cli cli = new Cli(dataDir);

      // when
      Result result = cli.run("org", "list");

      // then
      assertThat(result.exitCode()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
      assertThat(result.err()).contains("does not answer at the address it published");
      assertThat(result.err().lines()).hasSize(1);
    }
  }

  @Test
  void verboseAddsCauseToLockedFolderMessage() {
    try (MongoConnection holder = MongoConnection.open(Optional.empty(), dataDir)) {
      // when
      Result result = new Cli(dataDir).run("org", "list", "--verbose");

      // then
      assertThat(result.exitCode()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
      assertThat(result.err()).contains("\tat ");
    }
  }

  @Test
  void takesDataFolderFromEnvironment() {
    // given
    Cli cli = new Cli(dataDir).withEnvironment("CROUPIER_DATA_DIR", otherDir.toString());

    // when
    Result result =
        cli.runExactly(
            ScriptedTerminal.detached().withStandardInput(Cli.PASSWORD),
            "org",
            "create",
            "--name",
            "acme",
            "--email",
            "admin@acme.example",
            "--password-stdin");

    // then
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(otherDir.resolve(EmbeddedMongoStore.DATA_FILE_NAME)).exists();
    assertThat(dataDir.resolve(EmbeddedMongoStore.DATA_FILE_NAME)).doesNotExist();
  }

  @Test
  void dataDirOptionOverridesEnvironment() {
    // given
    Cli cli = new Cli(dataDir).withEnvironment("CROUPIER_DATA_DIR", otherDir.toString());

    // when
    Result result = cli.run("org", "list");

    // then
    assertThat(result.exitCode()).isZero();
    assertThat(dataDir.resolve(EmbeddedMongoStore.DATA_FILE_NAME)).exists();
    assertThat(otherDir.resolve(EmbeddedMongoStore.DATA_FILE_NAME)).doesNotExist();
  }

  @Test
  void usesMongodbUriInsteadOfDataFolder() {
    try (EmbeddedMongoStore external = EmbeddedMongoStore.start(otherDir)) {
      // given
      Cli cli = new Cli(dataDir);

      // when
      Result result =
          cli.run("org", "list", "--mongodb-uri", external.connectionString() + "/tenants");

      // then
      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(dataDir.resolve(EmbeddedMongoStore.DATA_FILE_NAME)).doesNotExist();
    }
  }

  @Test
  void takesMongodbUriFromEnvironment() throws IOException {
    // given
    Cli cli =
        new Cli(dataDir)
            .withEnvironment("CROUPIER_MONGODB_URI", "mongodb://127.0.0.1:" + closedPort());

    // when
    Result result = cli.runExactly(ScriptedTerminal.detached(), "org", "list");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
    assertThat(result.err()).endsWith("Check that the database is running, then retry.\n");
  }

  @Test
  void rejectsInvalidMongodbUri() {
    // when
    Result result = new Cli(dataDir).run("org", "list", "--mongodb-uri", "http://user:pw@host");

    // then
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("The MongoDB connection string is invalid.");
    assertThat(result.err()).doesNotContain("pw@host");
  }
}
