package io.croupier.application.fakes;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.port.out.LoginFailure;
import io.croupier.application.port.out.LoginFailureLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Login failures in lists by key. Ids are a zero-padded counter, so that they sort in the order of
 * recording. Like a store without expiry, it never deletes a failure by itself.
 */
public final class InMemoryLoginFailureLog implements LoginFailureLog {

  private static final Comparator<LoginFailure> NEWEST_FIRST =
      Comparator.comparing(LoginFailure::time).thenComparing(LoginFailure::id).reversed();

  private final Map<String, List<LoginFailure>> byKey = new HashMap<>();
  private final FailurePlan failures;
  private long nextId;

  public InMemoryLoginFailureLog(FailurePlan failures) {
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  @Override
  public synchronized String record(String key, Instant time, Instant expiresAt) {
    failures.check(Operation.LOGIN_FAILURE_RECORD);
    String id = String.format("failure-%012d", nextId++);
    byKey.computeIfAbsent(key, unused -> new ArrayList<>()).add(new LoginFailure(id, time));
    failures.checkAfterEffect(Operation.LOGIN_FAILURE_RECORD);
    return id;
  }

  @Override
  public synchronized List<LoginFailure> recent(String key, Instant since, int limit) {
    failures.check(Operation.LOGIN_FAILURE_READ);
    return byKey.getOrDefault(key, List.of()).stream()
        .filter(failure -> failure.time().isAfter(since))
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized void remove(String key, String failureId) {
    failures.check(Operation.LOGIN_FAILURE_REMOVE);
    byKey.getOrDefault(key, new ArrayList<>()).removeIf(failure -> failure.id().equals(failureId));
  }

  @Override
  public synchronized void clear(String key) {
    failures.check(Operation.LOGIN_FAILURE_REMOVE);
    byKey.remove(key);
  }

  /** Returns every failure of the key, in the order of recording. */
  public synchronized List<LoginFailure> all(String key) {
    return List.copyOf(byKey.getOrDefault(key, List.of()));
  }
}
