package io.croupier.application.port.out;

import java.time.Instant;
import java.util.List;

/**
 * Recent login failures by key, such as an account or a client address, shared by every instance. A
 * log may delete a failure once its expiry has passed, so callers read only the window they need
 * and never rely on old failures staying.
 */
public interface LoginFailureLog {

  /** Records a failure of the key at {@code time}, kept until {@code expiresAt}; returns its id. */
  String record(String key, Instant time, Instant expiresAt);

  /**
   * Returns at most {@code limit} failures of the key recorded after {@code since}, newest first,
   * with equal times ordered by id, descending.
   */
  List<LoginFailure> recent(String key, Instant since, int limit);

  /** Removes one failure of the key; does nothing if it is gone. */
  void remove(String key, String failureId);

  /** Removes every failure of the key. */
  void clear(String key);
}
