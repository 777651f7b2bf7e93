package io.croupier.adapter.out.mongo;

import io.croupier.application.port.out.StoreProbe;
import io.croupier.application.port.out.StoreUnavailable;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link StoreProbe} that pings the master database over the connection's client. It logs when
 * the store stops answering and when it answers again, not on every failed ping, so frequent
 * health checks during an outage do not flood the log.
 */
public final class MongoStoreProbe implements StoreProbe {

  private static final Logger LOG = LoggerFactory.getLogger(MongoStoreProbe.class);

  private final MongoConnection connection;
  private final AtomicBoolean reachable = new AtomicBoolean(true);

  public MongoStoreProbe(MongoConnection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  @Override
  public boolean isReachable() {
    try {
      connection.ping();
      if (reachable.compareAndSet(false, true)) {
        LOG.info("The store answers pings again");
      }
      return true;
    } catch (StoreUnavailable unavailable) {
      if (reachable.compareAndSet(true, false)) {
        LOG.warn("The store stopped answering pings", unavailable);
      }
      return false;
    }
  }
}
