package io.croupier.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoadRejectionLogTest {

  private static final long INTERVAL = LoadRejectionLog.INTERVAL.toNanos();

  private final AtomicLong nanoTime = new AtomicLong(5_000);
  private final LoadRejectionLog log = new LoadRejectionLog(nanoTime::get);

  @Test
  void firstRejectionIsLoggedAtOnce() {
    assertThat(log.count()).hasValue(1);
  }

  @Test
  void rejectionJustBeforeIntervalIsNotLogged() {
    // given
    log.count();
    nanoTime.addAndGet(INTERVAL - 1);

    // when / then
    assertThat(log.count()).isEmpty();
  }

  @Test
  void rejectionAfterIntervalReportsThoseSkipped() {
    // given
    log.count();
    log.count();
    log.count();
    nanoTime.addAndGet(INTERVAL);

    // when / then
    assertThat(log.count()).hasValue(3);
  }

  @Test
  void quietIntervalResetsCount() {
    // given
    log.count();
    nanoTime.addAndGet(INTERVAL);
    log.count();
    nanoTime.addAndGet(5 * INTERVAL);

    // when / then
    assertThat(log.count()).hasValue(1);
  }
}
