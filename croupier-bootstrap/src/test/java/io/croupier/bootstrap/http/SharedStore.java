package io.croupier.bootstrap.http;

import io.croupier.adapter.out.mongo.EmbeddedMongoStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One embedded store that several Croupier servers in this JVM use as their external MongoDB
 * through {@code croupier.mongodb-uri}, as instances behind a load balancer share one database.
 */
final class SharedStore implements AutoCloseable {

  private final Path folder;
  private final EmbeddedMongoStore store;
  private final List<CroupierTestServer> servers = new ArrayList<>();

  private SharedStore(Path folder, EmbeddedMongoStore store) {
    this.folder = folder;
    this.store = store;
  }

  /** Starts the store in a new temporary folder. */
  static SharedStore start() throws IOException {
    Path folder = Files.createTempDirectory("croupier-shared-store");
    return new SharedStore(folder, EmbeddedMongoStore.start(folder));
  }

  /** Starts a server on the store with the test defaults and the extra properties. */
  CroupierTestServer startServer(Map<String, Object> extraProperties) throws IOException {
    Map<String, Object> properties = new HashMap<>(extraProperties);
    properties.put("croupier.mongodb-uri", store.connectionString());
    CroupierTestServer server = new CroupierTestServer(properties);
    servers.add(server);
    server.start();
    return server;
  }

  /** Checks every server's log for secrets, then stops the servers and the store. */
  @Override
  public void close() throws IOException {
    try {
      for (CroupierTestServer server : servers) {
        server.assertNoSecretLogged();
      }
    } finally {
      for (CroupierTestServer server : servers) {
        server.close();
      }
      store.close();
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
