package io.croupier.adapter.out.mongo;

import com.mongodb.client.MongoDatabase;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class MongoDbMoveJournalTest extends MoveJournalContract {

  @Override
  protected MongoDatabase masterDatabase() {
    return RealMongo.masterDatabase();
  }
}
