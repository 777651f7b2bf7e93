package io.croupier.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.croupier.adapter.out.mongo.EmbeddedMongoStore;
import io.croupier.adapter.out.mongo.MongoSchema;
import io.croupier.application.port.in.AuditEventPage;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.ListOrganizationsQuery;
import io.croupier.application.port.in.LoginResult;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.OrganizationPage;
import io.croupier.application.port.in.RequestOrigin;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.domain.AuthenticationFailed;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.InvalidToken;
import io.croupier.domain.LoginLimits;
import io.croupier.domain.LoginLockedOut;
import io.croupier.domain.OrganizationName;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CroupierLibraryTest {

  private static final String JWT_SECRET = "library-test-secret-of-at-least-32-bytes!";

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
    database = client.getDatabase("library" + databaseNumber);
  }

  private CroupierLibrary.Builder fastBuilder() {
    return CroupierLibrary.builder(client, database).bcryptCost(4).jwtSecret(JWT_SECRET);
  }

  private List<String> indexNames(String collection) {
    List<String> names = new ArrayList<>();
    for (Document index : database.getCollection(collection).listIndexes()) {
      names.add(index.getString("name"));
    }
    return names;
  }

  @Test
  void buildPreparesListingIndex() {
    // when
    fastBuilder().build();

    // then
    assertThat(indexNames("organizations")).contains(MongoSchema.LISTING_INDEX);
  }

  @Test
  void buildPreparesUniqueEmailIndex() {
    // when
    fastBuilder().build();

    // then
    assertThat(indexNames("admin_users")).contains("email_1");
  }

  @Test
  void logInNeedsSecret() {
    // given
    CroupierLibrary library = CroupierLibrary.builder(client, database).bcryptCost(4).build();

    // when
    IllegalStateException error = catchThrowableOfType(IllegalStateException.class, library::logIn);

    // then
    assertThat(error.getMessage()).startsWith("No JWT secret is configured");
  }

  @Test
  void authenticateTokenNeedsSecret() {
    // given
    CroupierLibrary library = CroupierLibrary.builder(client, database).bcryptCost(4).build();

    // when / then
    assertThatExceptionOfType(IllegalStateException.class).isThrownBy(library::authenticateToken);
  }

  @Test
  void organizationsWorkWithoutSecret() {
    // given
    CroupierLibrary library = CroupierLibrary.builder(client, database).bcryptCost(4).build();

    // when
    library
        .createOrganization()
        .create(CreateOrganizationCommand.of("nosecret", "admin@nosecret.example", "Sup3rSecret"));

    // then
    OrganizationDetails found =
        library.getOrganization().get(OrganizationName.of("nosecret"), Optional.empty());
    assertThat(found.location().collectionName()).isEqualTo("org_nosecret");
  }

  @Test
  void rejectsShortSecret() {
    // given
    CroupierLibrary.Builder builder = CroupierLibrary.builder(client, database);

    // when / then
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> builder.jwtSecret("x".repeat(31)));
  }

  @Test
  void acceptsSecretOfThirtyTwoBytes() {
    // when
    CroupierLibrary library =
        CroupierLibrary.builder(client, database).bcryptCost(4).jwtSecret("x".repeat(32)).build();

    // then
    assertThat(library.authenticateToken()).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 31})
  void acceptsBcryptCostAtEdges(int cost) {
    assertThat(CroupierLibrary.builder(client, database).bcryptCost(cost)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 32})
  void rejectsBcryptCostOutsideEdges(int cost) {
    // given
    CroupierLibrary.Builder builder = CroupierLibrary.builder(client, database);

    // when
    IllegalArgumentException error =
        catchThrowableOfType(IllegalArgumentException.class, () -> builder.bcryptCost(cost));

    // then
    assertThat(error.getMessage())
        .isEqualTo("bcrypt cost " + cost + " is out of range; use 4 to 31");
  }

  @Test
  void rejectsTokenLifetimeBelowOneSecond() {
    // given
    CroupierLibrary.Builder builder = CroupierLibrary.builder(client, database);

    // when / then
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> builder.tokenLifetime(Duration.ofMillis(999)));
  }

  @Test
  void issuesTokensWithConfiguredLifetime() {
    // given
    CroupierLibrary library = fastBuilder().tokenLifetime(Duration.ofSeconds(1)).build();
    library
        .createOrganization()
        .create(CreateOrganizationCommand.of("short", "admin@short.example", "Sup3rSecret"));

    // when
    LoginResult login = library.logIn().logIn("admin@short.example", "Sup3rSecret");

    // then
    assertThat(login.expiresIn()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void stampsOrganizationsWithConfiguredClock() {
    // given
    Instant fixed = Instant.parse("2030-05-06T07:08:09.010Z");
    CroupierLibrary library = fastBuilder().clock(Clock.fixed(fixed, ZoneOffset.UTC)).build();

    // when
    OrganizationDetails created =
        library
            .createOrganization()
            .create(
                CreateOrganizationCommand.of("clocked", "admin@clocked.example", "Sup3rSecret"));

    // then
    assertThat(created.organization().createdAt()).isEqualTo(fixed);
  }

  @Test
  void resolvedAdminMatchesLoggedInAdmin() {
    // given
    CroupierLibrary library = fastBuilder().build();
    library
        .createOrganization()
        .create(CreateOrganizationCommand.of("resolve", "admin@resolve.example", "Sup3rSecret"));
    LoginResult login = library.logIn().logIn("admin@resolve.example", "Sup3rSecret");

    // when
    AuthenticatedAdmin resolved =
        library.resolveOrganizationAdmin().resolveAdmin(OrganizationName.of("resolve"));

    // then
    assertThat(resolved).isEqualTo(library.authenticateToken().authenticate(login.accessToken()));
  }

  @Test
  void listsCreatedOrganizationsPageByPage() {
    // given
    CroupierLibrary library = fastBuilder().build();
    for (int i = 0; i < 12; i++) {
      library
          .createOrganization()
          .create(
              CreateOrganizationCommand.of(
                  "org-" + i, "admin" + i + "@list.example", "Sup3rSecret"));
    }

    // when
    OrganizationPage first = library.listOrganizations().list(ListOrganizationsQuery.firstPage(5));
    OrganizationPage second =
        library
            .listOrganizations()
            .list(ListOrganizationsQuery.after(first.nextCursor().orElseThrow(), 10));

    // then
    assertThat(first.total()).isEqualTo(12);
    assertThat(first.organizations()).hasSize(5);
    assertThat(second.organizations()).hasSize(7);
    assertThat(second.nextCursor()).isEmpty();
  }

  @Test
  void reportsReachableDatabaseAsHealthy() {
    assertThat(fastBuilder().build().checkHealth().check().storeReachable()).isTrue();
  }

  @Test
  void refreshSessionNeedsSecret() {
    // given
    CroupierLibrary library = CroupierLibrary.builder(client, database).bcryptCost(4).build();

    // when / then
    assertThatExceptionOfType(IllegalStateException.class).isThrownBy(library::refreshSession);
  }

  @Test
  void logOutNeedsSecret() {
    // given
    CroupierLibrary library = CroupierLibrary.builder(client, database).bcryptCost(4).build();

    // when / then
    assertThatExceptionOfType(IllegalStateException.class).isThrownBy(library::logOut);
  }

  @Test
  void auditEventsWorkWithoutSecret() {
    // given
    CroupierLibrary library = CroupierLibrary.builder(client, database).bcryptCost(4).build();
    library
        .createOrganization()
        .create(CreateOrganizationCommand.of("audited", "admin@audited.example", "Sup3rSecret"));

    // when
    AuditEventPage page =
        library
            .listAuditEvents()
            .listByOrganizationName(OrganizationName.of("audited"), Optional.empty(), 10);

    // then
    assertThat(page.events())
        .extracting(AuditEvent::action)
        .containsExactly(AuditAction.ORGANIZATION_CREATED);
  }

  @Test
  void clearLockoutWorksWithoutSecret() {
    // given
    CroupierLibrary library = CroupierLibrary.builder(client, database).bcryptCost(4).build();

    // when
    library.clearLockout().clear(EmailAddress.of("nobody@clear.example"));

    // then
    assertThat(database.getCollection("audit_events").countDocuments()).isEqualTo(1);
  }

  @Test
  void appliesConfiguredLoginLimits() {
    // given
    CroupierLibrary library =
        fastBuilder()
            .loginLimits(new LoginLimits(1, Duration.ofMinutes(5), 30, Duration.ofMinutes(1)))
            .build();
    library
        .createOrganization()
        .create(CreateOrganizationCommand.of("limited", "admin@limited.example", "Sup3rSecret"));
    assertThatExceptionOfType(AuthenticationFailed.class)
        .isThrownBy(() -> library.logIn().logIn("admin@limited.example", "Wr0ngSecret"));

    // when
    LoginLockedOut locked =
        catchThrowableOfType(
            LoginLockedOut.class,
            () -> library.logIn().logIn("admin@limited.example", "Sup3rSecret"));

    // then
    assertThat(locked.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void issuesRefreshTokensWithConfiguredLifetime() {
    // given
    CroupierLibrary library = fastBuilder().refreshTokenLifetime(Duration.ofHours(2)).build();
    library
        .createOrganization()
        .create(CreateOrganizationCommand.of("refresh", "admin@refresh.example", "Sup3rSecret"));

    // when
    LoginResult login = library.logIn().logIn("admin@refresh.example", "Sup3rSecret");

    // then
    assertThat(login.refreshExpiresIn()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void refreshedSessionEndsAtLogout() {
    // given
    CroupierLibrary library = fastBuilder().build();
    library
        .createOrganization()
        .create(CreateOrganizationCommand.of("session", "admin@session.example", "Sup3rSecret"));
    LoginResult login = library.logIn().logIn("admin@session.example", "Sup3rSecret");
    LoginResult refreshed =
        library.refreshSession().refresh(login.refreshToken(), RequestOrigin.unknown());

    // when
    library.logOut().logOut(refreshed.accessToken(), RequestOrigin.unknown());

    // then
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> library.authenticateToken().authenticate(refreshed.accessToken()));
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(
            () ->
                library
                    .refreshSession()
                    .refresh(refreshed.refreshToken(), RequestOrigin.unknown()));
  }

  @Test
  void acceptsTokensOfPreviousSecret() {
    // given
    String oldSecret = "library-test-old-secret-of-at-least-32-bytes";
    CroupierLibrary before =
        CroupierLibrary.builder(client, database).bcryptCost(4).jwtSecret(oldSecret).build();
    before
        .createOrganization()
        .create(CreateOrganizationCommand.of("rotated", "admin@rotated.example", "Sup3rSecret"));
    LoginResult login = before.logIn().logIn("admin@rotated.example", "Sup3rSecret");

    // when
    CroupierLibrary after = fastBuilder().previousJwtSecrets(List.of(oldSecret)).build();

    // then
    assertThat(after.authenticateToken().authenticate(login.accessToken()).organizationId())
        .isEqualTo(login.organizationId());
  }

  @Test
  void rejectsTokensOfSecretNoLongerListed() {
    // given
    CroupierLibrary before =
        CroupierLibrary.builder(client, database)
            .bcryptCost(4)
            .jwtSecret("library-test-old-secret-of-at-least-32-bytes")
            .build();
    before
        .createOrganization()
        .create(CreateOrganizationCommand.of("dropped", "admin@dropped.example", "Sup3rSecret"));
    LoginResult login = before.logIn().logIn("admin@dropped.example", "Sup3rSecret");

    // when
    CroupierLibrary after = fastBuilder().build();

    // then
    assertThatExceptionOfType(InvalidToken.class)
        .isThrownBy(() -> after.authenticateToken().authenticate(login.accessToken()));
  }

  @Test
  void rejectsShortPreviousSecret() {
    // given
    CroupierLibrary.Builder builder = CroupierLibrary.builder(client, database);

    // when / then
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> builder.previousJwtSecrets(List.of("x".repeat(31))));
  }

  @Test
  void acceptsAuditRetentionOfOneSecond() {
    assertThat(CroupierLibrary.builder(client, database).auditRetention(Duration.ofSeconds(1)))
        .isNotNull();
  }

  @Test
  void rejectsAuditRetentionBelowOneSecond() {
    // given
    CroupierLibrary.Builder builder = CroupierLibrary.builder(client, database);

    // when / then
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> builder.auditRetention(Duration.ofMillis(999)));
  }

  @Test
  void rejectsRefreshTokenLifetimeBelowOneSecond() {
    // given
    CroupierLibrary.Builder builder = CroupierLibrary.builder(client, database);

    // when / then
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> builder.refreshTokenLifetime(Duration.ZERO));
  }
}
