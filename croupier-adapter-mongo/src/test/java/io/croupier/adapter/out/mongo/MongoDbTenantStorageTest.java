package io.croupier.adapter.out.mongo;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class MongoDbTenantStorageTest extends TenantStorageContract {

  @Override
  protected MongoDatabase masterDatabase() {
    return RealMongo.masterDatabase();
  }

  @Override
  protected MongoDatabase database(String name) {
    return RealMongo.database(name);
  }

  @Override
  @Test
  @Disabled(
      "MongoDB rejects database names of 64 bytes or more, and with a shorter database name no"
          + " valid organization name reaches the 255-byte namespace limit")
  void createAcceptsNamespaceOfExactlyMaximumLength() {}
}
