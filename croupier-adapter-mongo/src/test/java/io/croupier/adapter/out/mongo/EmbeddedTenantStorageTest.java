package io.croupier.adapter.out.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.croupier.domain.TenantTier;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** Runs the tenant storage contracts of every tier against the embedded store. */
class EmbeddedTenantStorageTest {

  @TempDir static Path dataFolder;

  private static EmbeddedTestStore store;

  @BeforeAll
  static void startStore() {
    store = EmbeddedTestStore.start(dataFolder);
  }

  @AfterAll
  static void stopStore() {
    store.close();
  }

  @Nested
  class SharedTier extends TenantStorageContract {

    @Override
    protected TenantTier tier() {
      return TenantTier.SHARED;
    }

    @Override
    protected MongoClient client() {
      return store.client();
    }

    @Override
    protected MongoDatabase masterDatabase() {
      return store.masterDatabase();
    }
  }

  @Nested
  class CollectionTier extends TenantStorageContract {

    @Override
    protected TenantTier tier() {
      return TenantTier.COLLECTION;
    }

    @Override
    protected MongoClient client() {
      return store.client();
    }

    @Override
    protected MongoDatabase masterDatabase() {
      return store.masterDatabase();
    }
  }

  @Nested
  class DatabaseTier extends TenantStorageContract {

    @Override
    protected TenantTier tier() {
      return TenantTier.DATABASE;
    }

    @Override
    protected MongoClient client() {
      return store.client();
    }

    @Override
    protected MongoDatabase masterDatabase() {
      return store.masterDatabase();
    }
  }

  @Nested
  class SharedCollection extends SharedTierContract {

    @Override
    protected MongoClient client() {
      return store.client();
    }

    @Override
    protected MongoDatabase masterDatabase() {
      return store.masterDatabase();
    }
  }

  @Nested
  class CollectionPerOrganization extends CollectionTierContract {

    @Override
    protected MongoClient client() {
      return store.client();
    }

    @Override
    protected MongoDatabase masterDatabase() {
      return store.masterDatabase();
    }
  }

  @Nested
  class DatabasePerOrganization extends DatabaseTierContract {

    @Override
    protected MongoClient client() {
      return store.client();
    }

    @Override
    protected MongoDatabase masterDatabase() {
      return store.masterDatabase();
    }
  }
}
