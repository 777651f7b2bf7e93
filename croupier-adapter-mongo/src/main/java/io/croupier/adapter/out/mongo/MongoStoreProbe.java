package io.croupier.adapter.out.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import io.croupier.application.port.out.StoreProbe;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link StoreProbe} that pings the master database. It logs when the store stops responding and
 * when it responds again, not on every failed ping, so frequent health checks during an outage do
 * not flood the log.
 */
public final class MongoStoreProbe implements StoreProbe {

  private static final Logger LOG = LoggerFactory.getLogger(MongoStoreProbe.class);

  private final MongoDatabase database;
  private final AtomicBoolean reachable = new AtomicBoolean(true);

  /** Creates a probe of the connection's master database. */
  public MongoStoreProbe(MongoConnection connection) {
    this(Objects.requireNonNull(connection, "connection").database());
  }

  /**
   * Creates a probe of the database. A ping waits as long as its client's server selection timeout
   * allows.
   */
  public MongoStoreProbe(MongoDatabase database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public boolean isReachable() {
    try {
      database.runCommand(new Document("ping", 1));
      if (reachable.compareAndSet(false, true)) {
        LOG.info("The store answers pings again");
      }
      return true;
    } catch (MongoException unavailable) {
      if (reachable.compareAndSet(true, false)) {
        LOG.warn(
            "The store stopped answering pings to database {}", database.getName(), unavailable);
      }
      return false;
    }
  }
}
