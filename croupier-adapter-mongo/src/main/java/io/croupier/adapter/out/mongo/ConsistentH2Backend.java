package io.croupier.adapter.out.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * H2 backend of mongo-java-server whose data file contains whole commands only, and whose
 * collection renames survive a restart.
 *
 * <p>Whole commands: mongo-java-server 1.47.0 writes one command to several H2 maps in turn, for an
 * insert the collection's documents first and then each unique index. H2's own auto-commit stores
 * the maps in the background at any moment, so a process killed after such a store could leave a
 * document without its index entries, and every later delete or update of that document fails with
 * "Found no position". This backend expects a store opened with auto-commit off. Each message and
 * query holds a read lock while it runs, and {@link #commit()} and {@link #close()} take the write
 * lock, so that every version in the file contains each command entirely or not at all.
 *
 * <p>NOTE: Commands wait while a commit writes. In the crash test on a 2-CPU machine with a load
 * average above 15, half the commits took at most 2 ms, but the slowest took 0.65 s while 6,000
 * documents were imported, longer than a short bound on each write would allow.
 *
 * <p>NOTE: A command in a legacy OP_QUERY message on {@code $cmd} reaches the backend through
 * {@code handleCommand}, which takes no lock here because its parameter type comes from Netty, a
 * runtime-only dependency. The MongoDB Java driver sends OP_QUERY only for its handshake, which
 * writes nothing, and every later command in an OP_MSG message.
 *
 * <p>Renames: in mongo-java-server 1.47.0, {@code H2Database.moveCollection} reads the collection's
 * name after renaming it, so the H2 maps that hold its documents, its statistics and its unique
 * indexes keep the old name. The running server does not notice, but after a restart the renamed
 * collection is empty, and a new collection with the old name shows the old documents. This backend
 * renames those maps as well.
 *
 * <p>Key ranges: a query that bounds {@code _id} from both sides with strings reads only the
 * documents in that range, instead of the whole collection, as {@link IdRangeH2Collection}
 * describes.
 */
final class ConsistentH2Backend extends H2Backend {

  private final ReadWriteLock commands = new ReentrantReadWriteLock();

  /** Creates the backend on a store whose auto-commit is off; see {@link EmbeddedMongoStore}. */
  ConsistentH2Backend(MVStore store) {
    super(store);
  }

  @Override
  public Document handleMessage(MongoMessage message) {
    return whileNotCommitting(() -> super.handleMessage(message));
  }

  @Override
  public QueryResult handleQuery(MongoQuery query) {
    return whileNotCommitting(() -> super.handleQuery(query));
  }

  /** Writes the commands completed so far to the data file, waiting for those under way. */
  @Override
  public void commit() {
    commands.writeLock().lock();
    try {
      super.commit();
    } finally {
      commands.writeLock().unlock();
    }
  }

  /** Waits for the commands under way, then writes everything and closes the data file. */
  @Override
  public void close() {
    commands.writeLock().lock();
    try {
      super.close();
    } finally {
      commands.writeLock().unlock();
    }
  }

  private <T> T whileNotCommitting(Supplier<T> command) {
    commands.readLock().lock();
    try {
      return command.get();
    } finally {
      commands.readLock().unlock();
    }
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    // Called from the parent constructor as well, where getMvStore() is already set.
    return new RenameSafeH2Database(databaseName, getCursorRegistry());
  }

  /**
   * H2 database that moves a renamed collection's maps to the new name, and whose collections read
   * only the {@code _id} range that a query bounds with strings, as {@link IdRangeH2Collection}
   * describes.
   *
   * <p>An inner class, because the parent constructor opens the stored collections through {@link
   * #openOrCreateCollection} before this constructor could set a field. That method therefore takes
   * the store from the enclosing backend, which javac assigns before it calls the parent
   * constructor.
   */
  private final class RenameSafeH2Database extends H2Database {

    // Map names as H2Database and H2Collection of mongo-java-server 1.47.0 build them.
    private static final String DATA_PREFIX = "databases.";
    private static final String STATISTICS_PREFIX = "meta.";
    private static final String INDEX_INFIX = "._index_";

    RenameSafeH2Database(String databaseName, CursorRegistry cursorRegistry) {
      super(databaseName, getMvStore(), cursorRegistry);
    }

    /** Opens the collection's maps as the parent does, in a collection that reads key ranges. */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(
        String collectionName, CollectionOptions options) {
      String fullName = getFullCollectionNamespace(collectionName);
      MVMap<Object, Document> documents = getMvStore().openMap(DATA_PREFIX + fullName);
      MVMap<String, Object> statistics = getMvStore().openMap(STATISTICS_PREFIX + fullName);
      return new IdRangeH2Collection(
          this, collectionName, options, documents, statistics, cursorRegistry);
    }

    // Serialized, because the parent checks the new name and moves the maps in separate steps.
    @Override
    public synchronized void moveCollection(
        MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
      String oldFullName = collection.getFullName();
      super.moveCollection(oldDatabase, collection, newCollectionName);
      String newFullName = collection.getFullName();

      moveMap(DATA_PREFIX + oldFullName, DATA_PREFIX + newFullName);
      moveMap(STATISTICS_PREFIX + oldFullName, STATISTICS_PREFIX + newFullName);
      String oldIndexPrefix = oldFullName + INDEX_INFIX;
      List<String> mapNames = new ArrayList<>(getMvStore().getMapNames());
      for (String mapName : mapNames) {
        if (mapName.startsWith(oldIndexPrefix)) {
          String indexName = mapName.substring(oldIndexPrefix.length());
          moveMap(mapName, newFullName + INDEX_INFIX + indexName);
        }
      }
    }

    /**
     * Renames a map. MVStore renames only onto a free name, and the parent's moveCollection has
     * opened empty data and statistics maps under the new name, so such a map is removed first. A
     * data or index map there that contains entries belongs to another collection and is kept.
     */
    private void moveMap(String oldName, String newName) {
      MVStore store = getMvStore();
      if (store.hasMap(newName)) {
        if (!newName.startsWith(STATISTICS_PREFIX) && !store.openMap(newName).isEmpty()) {
          throw new IllegalStateException(
              "Moving collection data to " + newName + " failed: that map already contains data");
        }
        store.removeMap(newName);
      }
      if (store.hasMap(oldName)) {
        store.renameMap(store.openMap(oldName), newName);
      }
    }
  }
}
