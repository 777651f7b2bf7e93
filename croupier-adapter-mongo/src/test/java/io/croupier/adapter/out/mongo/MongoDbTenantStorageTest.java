package io.croupier.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.croupier.domain.TenantTier;
import java.util.Date;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Runs the tenant storage contracts of every tier against MongoDB 7 in a container. */
@Testcontainers(disabledWithoutDocker = true)
class MongoDbTenantStorageTest {

  @Test
  void sharedPageUsesOrganizationIndexWithoutSortStage() {
    // given
    Date createdAt = new Date(TestData.CREATED_AT.toEpochMilli());
    Bson filter =
        Filters.and(
            Filters.eq("org_id", "some-organization"),
            Filters.gte("created_at", createdAt),
            Filters.or(Filters.gt("created_at", createdAt), Filters.gt("doc_id", "some-id")));

    // when
    Document plan =
        RealMongo.masterDatabase()
            .getCollection("tenant_documents")
            .find(filter)
            .sort(Sorts.ascending("created_at", "doc_id"))
            .limit(21)
            .explain();

    // then
    String winningPlan =
        plan.get("queryPlanner", Document.class).get("winningPlan", Document.class).toJson();
    assertThat(winningPlan).contains("org_id_1_created_at_1_doc_id_1");
    assertThat(winningPlan).doesNotContain("\"SORT\"");
  }

  @Nested
  class SharedTier extends TenantStorageContract {

    @Override
    protected TenantTier tier() {
      return TenantTier.SHARED;
    }

    @Override
    protected MongoClient client() {
      return RealMongo.client();
    }

    @Override
    protected MongoDatabase masterDatabase() {
      return RealMongo.masterDatabase();
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
      return RealMongo.client();
    }

    @Override
    protected MongoDatabase masterDatabase() {
      return RealMongo.masterDatabase();
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
      return RealMongo.client();
    }

    @Override
    protected MongoDatabase masterDatabase() {
      return RealMongo.masterDatabase();
    }
  }

  @Nested
  class SharedCollection extends SharedTierContract {

    @Override
    protected MongoClient client() {
      return RealMongo.client();
    }

    @Override
    protected MongoDatabase masterDatabase() {
      return RealMongo.masterDatabase();
    }
  }

  @Nested
  class CollectionPerOrganization extends CollectionTierContract {

    @Override
    @Test
    @Disabled(
        "MongoDB rejects database names of 64 bytes or more, and with a shorter database name no"
            + " valid organization name reaches the 255-byte namespace limit")
    void createAcceptsNamespaceOfExactlyMaximumLength() {}

    @Override
    protected MongoClient client() {
      return RealMongo.client();
    }

    @Override
    protected MongoDatabase masterDatabase() {
      return RealMongo.masterDatabase();
    }
  }

  @Nested
  class DatabasePerOrganization extends DatabaseTierContract {

    @Override
    protected MongoClient client() {
      return RealMongo.client();
    }

    @Override
    protected MongoDatabase masterDatabase() {
      return RealMongo.masterDatabase();
    }
  }
}
