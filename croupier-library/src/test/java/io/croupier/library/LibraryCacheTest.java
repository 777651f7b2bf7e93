package io.croupier.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.croupier.adapter.out.mongo.EmbeddedMongoStore;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.LoginResult;
import io.croupier.application.port.in.RequestOrigin;
import io.croupier.application.port.in.UpdateOrganizationCommand;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationNotFound;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The organization, admin and revocation cache of a library. Changes and logouts made through the
 * same library apply at once. Those made through another library on the same database apply once
 * the entries expire, unless a TTL of zero turns the cache off.
 */
class LibraryCacheTest {

  private static final String JWT_SECRET = "library-cache-secret-of-at-least-32-bytes!";
  private static final String EMAIL = "admin@cached.example";
  private static final String PASSWORD = "Sup3rSecret";
  private static final Duration LONG_TTL = Duration.ofHours(1);

  @TempDir static Path dataFolder;

  private static EmbeddedMongoStore store;
  private static MongoClient client;
  private static int databaseNumber;

  private MongoDatabase database;

  @BeforeAll
  static void startStore() {
    store = EmbeddedMongoStore.start(dataFolder);
    client = MongoClients.create(store.connectionString());
  }

  @AfterAll
  static void stopStore() {
    client.close();
    store.close();
  }

  @BeforeEach
  void useFreshDatabase() {
    databaseNumber++;
    database = client.getDatabase("cache" + databaseNumber);
  }

  private CroupierLibrary library(Duration cacheTtl) {
    return CroupierLibrary.builder(client, database)
        .bcryptCost(4)
        .jwtSecret(JWT_SECRET)
        .cacheTtl(cacheTtl)
        .build();
  }

  /** Creates the organization, logs its admin in and authenticates once, so the cache is warm. */
  private static LoginResult warmSession(CroupierLibrary library) {
    library.createOrganization().create(CreateOrganizationCommand.of("cached", EMAIL, PASSWORD));
    LoginResult login = library.logIn().logIn(EMAIL, PASSWORD);
    library.authenticateToken().authenticate(login.accessToken());
    return login;
  }

  private static void changePassword(CroupierLibrary library, AuthenticatedAdmin caller) {
    library
        .updateOrganization()
        .update(UpdateOrganizationCommand.of(caller, null, null, "N3wSecretPass"));
  }

  @Test
  void passwordChangeThroughLibraryRevokesTokenAtOnce() {
    // given
    CroupierLibrary library = library(LONG_TTL);
    LoginResult login = warmSession(library);
    AuthenticatedAdmin caller = library.authenticateToken().authenticate(login.accessToken());

    // when
    changePassword(library, caller);

    // then
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> library.authenticateToken().authenticate(login.accessToken()));
  }

  @Test
  void deleteThroughLibraryRevokesTokenAtOnce() {
    // given
    CroupierLibrary library = library(LONG_TTL);
    LoginResult login = warmSession(library);
    AuthenticatedAdmin caller = library.authenticateToken().authenticate(login.accessToken());

    // when
    library.deleteOrganization().delete(caller, Optional.empty());

    // then
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> library.authenticateToken().authenticate(login.accessToken()));
  }

  @Test
  void renameThroughLibraryIsSeenAtOnce() {
    // given
    CroupierLibrary library = library(LONG_TTL);
    LoginResult login = warmSession(library);
    AuthenticatedAdmin caller = library.authenticateToken().authenticate(login.accessToken());
    library.getOrganization().get(OrganizationName.of("cached"), Optional.empty());

    // when
    library
        .updateOrganization()
        .update(UpdateOrganizationCommand.of(caller, "renamed", null, null));

    // then
    assertThatExceptionOfType(OrganizationNotFound.class)
        .isThrownBy(
            () -> library.getOrganization().get(OrganizationName.of("cached"), Optional.empty()));
    assertThat(
            library
                .resolveOrganizationAdmin()
                .resolveAdmin(OrganizationName.of("renamed"))
                .organizationId())
        .isEqualTo(login.organizationId());
  }

  @Test
  void logoutRevokesTokenAtOnce() {
    // given
    CroupierLibrary library = library(LONG_TTL);
    LoginResult login = warmSession(library);

    // when
    library.logOut().logOut(login.accessToken(), RequestOrigin.unknown());

    // then
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> library.authenticateToken().authenticate(login.accessToken()));
  }

  @Test
  void logoutThroughOtherInstanceWaitsForTtl() {
    // given
    CroupierLibrary first = library(LONG_TTL);
    CroupierLibrary second = library(LONG_TTL);
    LoginResult login = warmSession(first);
    AuthenticatedAdmin caller = first.authenticateToken().authenticate(login.accessToken());

    // when
    second.logOut().logOut(login.accessToken(), RequestOrigin.unknown());

    // then
    assertThat(first.authenticateToken().authenticate(login.accessToken())).isEqualTo(caller);
  }

  @Test
  void otherInstanceSeesOwnLogoutAtOnce() {
    // given
    CroupierLibrary first = library(LONG_TTL);
    CroupierLibrary second = library(LONG_TTL);
    LoginResult login = warmSession(first);
    second.authenticateToken().authenticate(login.accessToken());

    // when
    second.logOut().logOut(login.accessToken(), RequestOrigin.unknown());

    // then
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> second.authenticateToken().authenticate(login.accessToken()));
  }

  @Test
  void zeroTtlSeesRemoteLogoutAtOnce() {
    // given
    CroupierLibrary first = library(Duration.ZERO);
    CroupierLibrary second = library(Duration.ZERO);
    LoginResult login = warmSession(first);

    // when
    second.logOut().logOut(login.accessToken(), RequestOrigin.unknown());

    // then
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> first.authenticateToken().authenticate(login.accessToken()));
  }

  @Test
  void passwordChangeThroughOtherInstanceWaitsForTtl() {
    // given
    CroupierLibrary first = library(LONG_TTL);
    CroupierLibrary second = library(LONG_TTL);
    LoginResult login = warmSession(first);
    AuthenticatedAdmin caller = second.authenticateToken().authenticate(login.accessToken());

    // when
    changePassword(second, caller);

    // then
    assertThat(first.authenticateToken().authenticate(login.accessToken())).isEqualTo(caller);
  }

  @Test
  void zeroTtlSeesOtherInstanceAtOnce() {
    // given
    CroupierLibrary first = library(Duration.ZERO);
    CroupierLibrary second = library(Duration.ZERO);
    LoginResult login = warmSession(first);
    AuthenticatedAdmin caller = second.authenticateToken().authenticate(login.accessToken());

    // when
    changePassword(second, caller);

    // then
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> first.authenticateToken().authenticate(login.accessToken()));
  }

  @Test
  void defaultTtlIsTwoSeconds() {
    assertThat(CroupierLibrary.DEFAULT_CACHE_TTL).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void rejectsNegativeTtl() {
    // given
    CroupierLibrary.Builder builder = CroupierLibrary.builder(client, database);

    // when / then
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> builder.cacheTtl(Duration.ofNanos(-1)))
        .withMessageStartingWith("Cache TTL PT-0.000000001S is invalid");
  }
}
