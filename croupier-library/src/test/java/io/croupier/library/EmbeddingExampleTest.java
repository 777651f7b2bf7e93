package io.croupier.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.croupier.adapter.out.mongo.EmbeddedMongoStore;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.GetOrganizationUseCase;
import io.croupier.application.port.in.ListOrganizationsQuery;
import io.croupier.application.port.in.LoginResult;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.OrganizationPage;
import io.croupier.application.port.in.UpdateOrganizationCommand;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNotFound;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example of docs/EMBEDDING.md on a classpath without Micronaut or picocli. */
class EmbeddingExampleTest {

  private static final String JWT_SECRET = "embedding-example-secret-of-at-least-32-bytes";

  @TempDir Path dataFolder;

  @Test
  void classpathHasNoMicronaut() {
    assertThatExceptionOfType(ClassNotFoundException.class)
        .isThrownBy(() -> Class.forName("io.micronaut.context.ApplicationContext"));
  }

  @Test
  void classpathHasNoPicocli() {
    assertThatExceptionOfType(ClassNotFoundException.class)
        .isThrownBy(() -> Class.forName("picocli.CommandLine"));
  }

  @Test
  void runsDocumentedExample() {
    try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataFolder);
        MongoClient client = MongoClients.create(store.connectionString())) {
      // given: the example's set-up, on the embedded store in place of a MongoDB server
      MongoDatabase database = client.getDatabase("croupier");
      CroupierLibrary croupier =
          CroupierLibrary.builder(client, database)
              .jwtSecret(JWT_SECRET)
              .bcryptCost(4)
              .tokenLifetime(Duration.ofMinutes(60))
              .build();

      // when: create, log in, verify the token
      OrganizationDetails created =
          croupier
              .createOrganization()
              .create(CreateOrganizationCommand.of("Acme", "admin@acme.example", "Sup3rSecret"));
      LoginResult login = croupier.logIn().logIn("admin@acme.example", "Sup3rSecret");
      AuthenticatedAdmin admin = croupier.authenticateToken().authenticate(login.accessToken());

      // then
      assertThat(created.organization().name().value()).isEqualTo("acme");
      assertThat(login.organizationId()).isEqualTo(created.organization().id());
      assertThat(admin.organizationId()).isEqualTo(created.organization().id());

      // when: rename
      OrganizationDetails renamed =
          croupier
              .updateOrganization()
              .update(UpdateOrganizationCommand.of(admin, "acme_corp", null, null));

      // then
      assertThat(renamed.location().collectionName()).isEqualTo("org_acme_corp");
      assertThat(database.listCollectionNames()).contains("org_acme_corp");

      // when: list
      OrganizationPage page =
          croupier.listOrganizations().list(ListOrganizationsQuery.firstPage(20));

      // then
      assertThat(page.organizations()).hasSize(1);
      assertThat(page.total()).isEqualTo(1);

      // when: delete
      croupier.deleteOrganization().delete(admin, Optional.empty());

      // then
      GetOrganizationUseCase get = croupier.getOrganization();
      assertThatExceptionOfType(OrganizationNotFound.class)
          .isThrownBy(() -> get.get(OrganizationName.of("acme_corp"), Optional.empty()));
      assertThatExceptionOfType(InvalidToken.class)
          .isThrownBy(() -> croupier.authenticateToken().authenticate(login.accessToken()));
      assertThat(database.listCollectionNames()).doesNotContain("org_acme_corp");
    }
  }
}
