package io.croupier.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.croupier.domain.TenantTier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class MongoDbOrganizationRepositoryTest extends OrganizationRepositoryContract {

  @Override
  protected MongoDatabase masterDatabase() {
    return RealMongo.masterDatabase();
  }

  private String winningPlanOf(Bson filter) {
    Document plan = masterDatabase().getCollection("organizations").find(filter).explain();
    return plan.get("queryPlanner", Document.class).get("winningPlan", Document.class).toJson();
  }

  @Test
  void unsettledSearchReadsIndexesOnly() {
    // when
    String winningPlan = winningPlanOf(OrganizationDocuments.unsettled());

    // then
    assertThat(winningPlan).contains("IXSCAN");
    assertThat(winningPlan).doesNotContain("COLLSCAN");
  }

  @Test
  void countPerTierReadsIndexesOnly() {
    // when
    String winningPlan =
        winningPlanOf(
            Filters.and(
                OrganizationDocuments.active(),
                OrganizationDocuments.inTier(TenantTier.COLLECTION)));

    // then
    // Both the listing index and the state and tier index start with the state, and on a small
    // collection the planner may pick either.
    assertThat(winningPlan).contains("IXSCAN");
    assertThat(winningPlan).doesNotContain("COLLSCAN");
  }
}
