package io.croupier.adapter.in.cli;

import io.croupier.application.port.in.MoveProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Prints the progress of a move, one line per phase with its count, time and rate once the phase
 * ends. The first phase starts when the printer is created, so create it right before the move. A
 * later phase starts at its first report, and its rate counts only the documents reported since. On
 * a terminal, the line of the current phase is redrawn in place, at most every {@link
 * #REDRAW_INTERVAL_NANOS} nanoseconds, with the rate and an estimate of the time left. The final
 * {@code done} report prints nothing, since the command's report follows.
 */
final class ProgressPrinter implements MoveProgress {

  static final long REDRAW_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private static final String DONE = "done";

  private final PrintWriter err;
  private final boolean updating;
  private final LongSupplier nanoTime;
  private final long created;
  private boolean anyPhase;
  private String phase;
  private long phaseStarted;
  private long copiedAtStart;
  private long copied;
  private long total;
  private long lastDrawn;
  private int drawnLength;

  /**
   * Creates a printer that redraws one line when {@code updating}, as on a terminal, and reads the
   * time in nanoseconds from {@code nanoTime}, such as {@link System#nanoTime}.
   */
  ProgressPrinter(PrintWriter err, boolean updating, LongSupplier nanoTime) {
    this.err = Objects.requireNonNull(err, "err");
    this.updating = updating;
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.created = nanoTime.getAsLong();
  }

  @Override
  public void report(String reportedPhase, long reportedCopied, long reportedTotal) {
    long now = nanoTime.getAsLong();
    boolean newPhase = !reportedPhase.equals(phase);
    if (newPhase) {
      finish();
      phase = reportedPhase;
      phaseStarted = anyPhase ? now : created;
      copiedAtStart = anyPhase ? reportedCopied : 0;
      anyPhase = true;
    }
    copied = reportedCopied;
    total = reportedTotal;
    if (updating && !DONE.equals(phase) && (newPhase || now - lastDrawn >= REDRAW_INTERVAL_NANOS)) {
      draw(running(now));
      lastDrawn = now;
    }
  }

  /** Prints the line of the current phase as it ends; call it once the move returns or fails. */
  void finish() {
    if (phase == null || DONE.equals(phase)) {
      return;
    }
    String line = finished(nanoTime.getAsLong());
    if (updating) {
      draw(line);
      err.println();
      drawnLength = 0;
    } else {
      err.println(line);
    }
    err.flush();
    phase = null;
  }

  private void draw(String line) {
    // A carriage return goes back to the start of the line; spaces clear a longer earlier text.
    err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
    err.flush();
    drawnLength = line.length();
  }

  private String running(long now) {
    StringBuilder line = new StringBuilder(counts());
    double rate = rate(now);
    if (rate > 0) {
      line.append(", ").append(Math.round(rate)).append(" documents/s");
      if (total > copied) {
        line.append(", about ").append(duration((total - copied) / rate)).append(" left");
      }
    }
    return line.toString();
  }

  private String finished(long now) {
    double seconds = (now - phaseStarted) / 1e9;
    StringBuilder line = new StringBuilder(counts()).append(" in ").append(duration(seconds));
    double rate = rate(now);
    if (rate > 0) {
      line.append(", ").append(Math.round(rate)).append(" documents/s");
    }
    return line.toString();
  }

  /** Returns the counts; a phase that reports none copied, such as verifying, shows its total. */
  private String counts() {
    String documents = total == 1 ? " document" : " documents";
    if (copied == 0 && total > 0) {
      return phase + ": " + total + documents;
    }
    return phase + ": " + copied + " of " + total + documents;
  }

  private double rate(long now) {
    double seconds = (now - phaseStarted) / 1e9;
    return seconds > 0 ? (copied - copiedAtStart) / seconds : 0;
  }

  /** Returns a duration such as "0.4 s", "12 s" or "3 min 05 s". */
  static String duration(double seconds) {
    // 9.95 s and more would show as 10.0 s, so they round to whole seconds instead.
    if (seconds < 9.95) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    long whole = Math.round(seconds);
    if (whole < 60) {
      return whole + " s";
    }
    return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
  }
}
