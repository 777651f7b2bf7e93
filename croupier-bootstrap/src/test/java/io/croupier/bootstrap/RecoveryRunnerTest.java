package io.croupier.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.croupier.application.port.in.RecoveryAction;
import io.croupier.application.port.in.RecoveryReport;
import io.croupier.application.port.in.RecoveryReport.Failure;
import io.croupier.application.port.in.RecoveryReport.Settled;
import io.croupier.application.port.out.StoreUnavailable;
import io.croupier.domain.OrganizationName;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

class RecoveryRunnerTest {

  private static final OrganizationName ACME = OrganizationName.of("acme");
  private static final String ACME_ID = "0b7c6a52-3f1e-4b8e-9a61-5d2f0c9e4a17";

  private final Logger logger = (Logger) LoggerFactory.getLogger(RecoveryRunner.class);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @BeforeEach
  void captureLog() {
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void releaseLog() {
    logger.detachAppender(appender);
  }

  /** Runs the recovery at start-up, which returns the report, and returns the lines it logged. */
  private List<ILoggingEvent> logOf(RecoveryReport report) {
    new RecoveryRunner(staleAfter -> report, new CroupierSettings());
    return List.copyOf(appender.list);
  }

  private static RecoveryReport settled(Settled... settled) {
    return new RecoveryReport(List.of(settled), List.of());
  }

  @ParameterizedTest
  @CsvSource({
    "CREATE_ROLLED_BACK, rolled back the interrupted create",
    "DELETE_FINISHED, finished the interrupted delete",
    "RENAME_FINISHED, finished the interrupted rename",
    "MOVE_ROLLED_BACK, rolled back the interrupted move",
    "MOVE_FINISHED, finished the interrupted move"
  })
  void logsSettledOrganizationWithNameIdAndAction(RecoveryAction action, String done) {
    // when
    List<ILoggingEvent> lines = logOf(settled(new Settled(ACME_ID, ACME, action)));

    // then
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).getLevel()).isEqualTo(Level.WARN);
    assertThat(lines.get(0).getFormattedMessage())
        .isEqualTo("Recovery " + done + " of organization 'acme' (id " + ACME_ID + ")");
  }

  @Test
  void logsOneLinePerSettledOrganization() {
    // given
    RecoveryReport report =
        settled(
            new Settled("id-1", OrganizationName.of("alpha"), RecoveryAction.CREATE_ROLLED_BACK),
            new Settled("id-2", OrganizationName.of("bravo"), RecoveryAction.CREATE_ROLLED_BACK),
            new Settled("id-3", OrganizationName.of("charlie"), RecoveryAction.MOVE_FINISHED));

    // when
    List<ILoggingEvent> lines = logOf(report);

    // then
    assertThat(lines)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "Recovery rolled back the interrupted create of organization 'alpha' (id id-1)",
            "Recovery rolled back the interrupted create of organization 'bravo' (id id-2)",
            "Recovery finished the interrupted move of organization 'charlie' (id id-3)");
  }

  @ParameterizedTest
  @CsvSource({
    "CREATE_ROLLED_BACK, roll back the interrupted create",
    "DELETE_FINISHED, finish the interrupted delete",
    "RENAME_FINISHED, finish the interrupted rename",
    "MOVE_ROLLED_BACK, roll back the interrupted move",
    "MOVE_FINISHED, finish the interrupted move"
  })
  void logsFailedOrganizationWithNameIdActionAndCause(RecoveryAction action, String tried) {
    // given
    StoreUnavailable cause = new StoreUnavailable("The store timed out", null);
    RecoveryReport report =
        new RecoveryReport(List.of(), List.of(new Failure(ACME_ID, ACME, action, cause)));

    // when
    List<ILoggingEvent> lines = logOf(report);

    // then
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).getLevel()).isEqualTo(Level.ERROR);
    assertThat(lines.get(0).getFormattedMessage())
        .isEqualTo(
            "Recovery failed to "
                + tried
                + " of organization 'acme' (id "
                + ACME_ID
                + "); the next run retries it");
    assertThat(lines.get(0).getThrowableProxy().getMessage()).isEqualTo("The store timed out");
  }

  @Test
  void logsSettledAndFailedOrganizationsOfOneRun() {
    // given
    RecoveryReport report =
        new RecoveryReport(
            List.of(new Settled("id-1", ACME, RecoveryAction.DELETE_FINISHED)),
            List.of(
                new Failure(
                    "id-2",
                    OrganizationName.of("beta"),
                    RecoveryAction.RENAME_FINISHED,
                    new IllegalStateException("rename failed"))));

    // when
    List<ILoggingEvent> lines = logOf(report);

    // then
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).getFormattedMessage()).contains("'acme' (id id-1)");
    assertThat(lines.get(1).getFormattedMessage()).contains("'beta' (id id-2)");
  }

  @Test
  void logsNothingWhenNothingWasUnfinished() {
    // when
    List<ILoggingEvent> lines = logOf(settled());

    // then
    assertThat(lines).isEmpty();
  }
}
