package io.croupier.adapter.out.mongo;

import static io.croupier.adapter.out.mongo.TestData.CREATED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class MongoDbOrganizationPagingTest extends OrganizationPagingContract {

  @Override
  protected MongoDatabase freshMasterDatabase() {
    MongoDatabase database =
        RealMongo.database("paging_" + UUID.randomUUID().toString().substring(0, 8));
    MongoSchema.prepare(database);
    return database;
  }

  @Test
  void keysetPageUsesListingIndexWithoutSortStage() {
    // given
    MongoDatabase database = freshMasterDatabase();
    Date createdAt = new Date(CREATED_AT.toEpochMilli());
    Bson filter =
        Filters.and(
            Filters.eq("state", "ACTIVE"),
            Filters.lte("created_at", createdAt),
            Filters.or(Filters.lt("created_at", createdAt), Filters.lt("_id", "some-id")));

    // when
    Document plan =
        database
            .getCollection("organizations")
            .find(filter)
            .sort(Sorts.descending("created_at", "_id"))
            .limit(21)
            .explain();

    // then
    String winningPlan =
        plan.get("queryPlanner", Document.class).get("winningPlan", Document.class).toJson();
    assertThat(winningPlan).contains(MongoSchema.LISTING_INDEX);
    assertThat(winningPlan).doesNotContain("\"SORT\"");
  }
}
