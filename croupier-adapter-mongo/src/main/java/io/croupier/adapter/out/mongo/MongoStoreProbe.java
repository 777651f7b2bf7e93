package io.croupier.adapter.out.mongo;

import io.croupier.application.port.out.StoreProbe;
import io.croupier.application.port.out.StoreUnavailable;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link StoreProbe} that pings the master database over the connection's client. */
public final class MongoStoreProbe implements StoreProbe {

  private static final Logger LOG = LoggerFactory.getLogger(MongoStoreProbe.class);

  private final MongoConnection connection;

  public MongoStoreProbe(MongoConnection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  @Override
  public boolean isReachable() {
    try {
      connection.ping();
      return true;
    } catch (StoreUnavailable unavailable) {
      LOG.warn("The store did not answer a ping: {}", unavailable.getMessage());
      return false;
    }
  }
}
