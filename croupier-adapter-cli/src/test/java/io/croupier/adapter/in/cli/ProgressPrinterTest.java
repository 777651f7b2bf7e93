package io.croupier.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressPrinterTest {

  private final StringWriter err = new StringWriter();
  private long now;

  @BeforeEach
  void startClock() {
    now = TimeUnit.SECONDS.toNanos(1000);
  }

  private ProgressPrinter printer(boolean terminal) {
    return new ProgressPrinter(new PrintWriter(err), terminal, () -> now);
  }

  private void advanceMillis(long millis) {
    now += TimeUnit.MILLISECONDS.toNanos(millis);
  }

  @Test
  void plainPrintsLinePerEndedPhase() {
    // given
    ProgressPrinter printer = printer(false);

    // when
    printer.report("copying", 500, 1000);
    advanceMillis(1000);
    printer.report("copying", 1000, 1000);
    printer.report("verifying", 0, 1000);
    advanceMillis(500);
    printer.report("done", 1000, 1000);
    printer.finish();

    // then
    assertThat(err.toString())
        .isEqualTo(
            "copying: 1000 of 1000 documents in 1.0 s, 1000 documents/s\n"
                + "verifying: 1000 documents in 0.5 s\n");
  }

  @Test
  void plainPrintsUnfinishedPhaseOnFinish() {
    // given
    ProgressPrinter printer = printer(false);
    printer.report("copying", 500, 2000);
    advanceMillis(2000);
    printer.report("copying", 1000, 2000);

    // when
    printer.finish();

    // then
    assertThat(err.toString())
        .isEqualTo("copying: 1000 of 2000 documents in 2.0 s, 500 documents/s\n");
  }

  @Test
  void firstPhaseStartsAtCreation() {
    // given
    ProgressPrinter printer = printer(true);
    advanceMillis(2000);

    // when
    printer.report("copying", 500, 1000);

    // then
    assertThat(err.toString())
        .isEqualTo("\rcopying: 500 of 1000 documents, 250 documents/s, about 2.0 s left");
  }

  @Test
  void laterPhaseRateCountsOnlyItsOwnDocuments() {
    // given
    ProgressPrinter printer = printer(false);
    printer.report("copying", 1000, 1000);
    advanceMillis(1000);

    // when
    printer.report("cleaning", 1000, 1000);
    advanceMillis(500);
    printer.finish();

    // then
    assertThat(err.toString())
        .isEqualTo(
            "copying: 1000 of 1000 documents in 1.0 s, 1000 documents/s\n"
                + "cleaning: 1000 of 1000 documents in 0.5 s\n");
  }

  @Test
  void finishBeforeAnyReportPrintsNothing() {
    // given
    ProgressPrinter printer = printer(true);

    // when
    printer.finish();

    // then
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void terminalLineShowsRateAndTimeLeft() {
    // given
    ProgressPrinter printer = printer(true);
    printer.report("copying", 0, 3000);

    // when
    advanceMillis(1000);
    printer.report("copying", 1000, 3000);

    // then
    assertThat(err.toString())
        .isEqualTo(
            "\rcopying: 3000 documents"
                + "\rcopying: 1000 of 3000 documents, 1000 documents/s, about 2.0 s left");
  }

  @Test
  void terminalSkipsRedrawWithinInterval() {
    // given
    ProgressPrinter printer = printer(true);
    printer.report("copying", 100, 3000);
    int drawn = err.toString().length();

    // when
    advanceMillis(99);
    printer.report("copying", 200, 3000);

    // then
    assertThat(err.toString()).hasSize(drawn);
  }

  @Test
  void terminalRedrawsAfterInterval() {
    // given
    ProgressPrinter printer = printer(true);
    printer.report("copying", 100, 3000);
    int drawn = err.toString().length();

    // when
    advanceMillis(100);
    printer.report("copying", 200, 3000);

    // then
    assertThat(err.toString().substring(drawn)).startsWith("\rcopying: 200 of 3000 documents");
  }

  @Test
  void terminalKeepsSummaryLinePerPhase() {
    // given
    ProgressPrinter printer = printer(true);
    printer.report("copying", 1000, 1000);

    // when
    advanceMillis(2000);
    printer.report("verifying", 0, 1000);
    printer.finish();

    // then
    String[] lines = err.toString().split("\n", -1);
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).endsWith("\rcopying: 1000 of 1000 documents in 2.0 s, 500 documents/s");
    assertThat(lines[1]).endsWith("\rverifying: 1000 documents in 0.0 s");
    assertThat(lines[2]).isEmpty();
  }

  @Test
  void terminalClearsLongerEarlierText() {
    // given
    ProgressPrinter printer = printer(true);
    printer.report("copying", 1, 1_000_000);
    advanceMillis(1000);
    printer.report("copying", 2, 1_000_000);
    String before = err.toString();

    // when
    printer.finish();

    // then
    String last = err.toString().substring(before.length());
    String previous = before.substring(before.lastIndexOf('\r'));
    assertThat(last.stripTrailing().length()).isLessThan(previous.length());
    assertThat(last.length()).isEqualTo(previous.length() + 1);
  }

  @ParameterizedTest
  @CsvSource({
    "0.04, 0.0 s",
    "9.94, 9.9 s",
    "9.96, 10 s",
    "59.4, 59 s",
    "59.6, 1 min 00 s",
    "185, 3 min 05 s"
  })
  void formatsDurations(double seconds, String expected) {
    assertThat(ProgressPrinter.duration(seconds)).isEqualTo(expected);
  }
}
