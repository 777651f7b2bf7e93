package io.croupier.adapter.out.mongo;

import com.mongodb.client.MongoDatabase;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class MongoDbAdminPasswordRehashTest extends AdminPasswordRehashContract {

  @Override
  protected MongoDatabase masterDatabase() {
    return RealMongo.masterDatabase();
  }
}
