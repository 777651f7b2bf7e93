package io.croupier.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import io.croupier.application.port.out.AuditAction;
import io.croupier.application.port.out.AuditEvent;
import io.croupier.application.port.out.AuditOutcome;
import io.croupier.application.port.out.RefreshTokenState;
import io.croupier.application.port.out.StoreUnavailable;
import io.croupier.application.port.out.StoredRefreshToken;
import io.croupier.domain.OrganizationName;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Calls the session, login-failure and audit adapters while the embedded store is stopped: reads
 * and writes fail with {@link StoreUnavailable}, except recording an audit event, which logs the
 * failure and returns.
 */
class SecurityStoreOutageTest {

  private static final Instant NOW = TestData.CREATED_AT;

  @TempDir static Path dataFolder;

  private static EmbeddedTestStore store;
  private static MongoRefreshTokenStore refreshTokens;
  private static MongoRevokedTokens revokedTokens;
  private static MongoLoginFailureLog loginFailures;
  private static MongoAuditLog auditLog;
  private static MongoAdminRepository admins;

  @BeforeAll
  static void startAndStopStore() {
    store = EmbeddedTestStore.start(dataFolder);
    MongoDatabase database = store.masterDatabase();
    refreshTokens = new MongoRefreshTokenStore(database);
    revokedTokens = new MongoRevokedTokens(database);
    loginFailures = new MongoLoginFailureLog(database);
    auditLog = new MongoAuditLog(database, Clock.systemUTC());
    admins = new MongoAdminRepository(database);
    store.connection().embeddedStore().orElseThrow().close();
  }

  @AfterAll
  static void closeClient() {
    store.close();
  }

  private static AuditEvent event() {
    return new AuditEvent(
        "event-1",
        NOW,
        "org-1",
        "acme",
        "admin-1",
        AuditAction.LOGOUT,
        AuditOutcome.SUCCESS,
        null,
        null,
        List.of());
  }

  static Stream<Arguments> portCalls() {
    StoredRefreshToken token =
        new StoredRefreshToken(
            "hash",
            "session",
            "admin",
            "org",
            1,
            NOW,
            NOW.plusSeconds(60),
            RefreshTokenState.ACTIVE);
    Map<String, ThrowingCallable> calls =
        Map.ofEntries(
            Map.entry("refreshTokens.insert", () -> refreshTokens.insert(token)),
            Map.entry("refreshTokens.findByHash", () -> refreshTokens.findByHash("hash")),
            Map.entry("refreshTokens.markRotated", () -> refreshTokens.markRotated("hash", NOW)),
            Map.entry("refreshTokens.revokeSession", () -> refreshTokens.revokeSession("s", NOW)),
            Map.entry("revokedTokens.revokeToken", () -> revokedTokens.revokeToken("t", NOW)),
            Map.entry("revokedTokens.revokeSession", () -> revokedTokens.revokeSession("s", NOW)),
            Map.entry("revokedTokens.isRevoked", () -> revokedTokens.isRevoked("t", "s", NOW)),
            Map.entry("loginFailures.record", () -> loginFailures.record("k", NOW, NOW)),
            Map.entry("loginFailures.recent", () -> loginFailures.recent("k", NOW, 5)),
            Map.entry("loginFailures.remove", () -> loginFailures.remove("k", "id")),
            Map.entry("loginFailures.clear", () -> loginFailures.clear("k")),
            Map.entry("auditLog.findPage", () -> auditLog.findPage("org", Optional.empty(), 5)),
            Map.entry(
                "auditLog.findOrganizationIdByName",
                () -> auditLog.findOrganizationIdByName(OrganizationName.of("acme"))),
            Map.entry(
                "admins.replacePasswordHash", () -> admins.replacePasswordHash("a", "h", "n")));
    return calls.entrySet().stream().map(call -> Arguments.of(call.getKey(), call.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("portCalls")
  void reportsOutageAsStoreUnavailable(String description, ThrowingCallable call) {
    // when
    StoreUnavailable failure = catchThrowableOfType(StoreUnavailable.class, call);

    // then
    assertThat(failure.getMessage()).endsWith("Check that the database is running, then retry.");
    assertThat(failure.getMessage()).doesNotContain("127.0.0.1");
    assertThat(failure.getCause()).isInstanceOf(MongoException.class);
  }

  @Test
  void auditWriteLogsFailureAndReturns() {
    // given
    Logger logger = (Logger) LoggerFactory.getLogger(MongoAuditLog.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);

    // when
    try {
      assertThatCode(() -> auditLog.record(event())).doesNotThrowAnyException();
    } finally {
      logger.detachAppender(appender);
    }

    // then
    assertThat(appender.list).hasSize(1);
    ILoggingEvent logged = appender.list.get(0);
    assertThat(logged.getLevel()).isEqualTo(Level.ERROR);
    assertThat(logged.getFormattedMessage())
        .isEqualTo(
            "Recording audit event event-1 (logout) of organization org-1 failed;"
                + " the event is lost");
    assertThat(logged.getThrowableProxy()).isNotNull();
  }
}
