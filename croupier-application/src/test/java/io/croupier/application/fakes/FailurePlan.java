package io.croupier.application.fakes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Chooses which port calls of the fakes fail. Every fake calls {@link #check} before its effect
 * and, for writes, {@link #checkAfterEffect} after it, so a test can make a call fail either before
 * anything changed or after the change was applied, like a write whose acknowledgement was lost.
 * Unless a test supplies its own exception, a failing call throws {@link SimulatedFailure}.
 */
public final class FailurePlan {

  /** Port calls that a test can make fail. */
  public enum Operation {
    ORGANIZATION_INSERT,
    ORGANIZATION_FIND_BY_ID,
    ORGANIZATION_FIND_BY_NAME,
    ORGANIZATION_UPDATE,
    ORGANIZATION_DELETE,
    ORGANIZATION_FIND_PAGE,
    ORGANIZATION_COUNT,
    ADMIN_INSERT,
    ADMIN_FIND_BY_ID,
    ADMIN_FIND_BY_EMAIL,
    ADMIN_UPDATE,
    ADMIN_DELETE,
    TENANT_LOCATE,
    TENANT_CREATE,
    TENANT_RENAME,
    TENANT_DROP,
    TENANT_EXISTS,
    PASSWORD_HASH,
    PASSWORD_MATCHES,
    TOKEN_ISSUE,
    TOKEN_VERIFY,
    REFRESH_TOKEN_INSERT,
    REFRESH_TOKEN_FIND,
    REFRESH_TOKEN_ROTATE,
    REFRESH_TOKEN_REVOKE_SESSION,
    REVOCATION_WRITE,
    REVOCATION_READ,
    LOGIN_FAILURE_RECORD,
    LOGIN_FAILURE_READ,
    LOGIN_FAILURE_REMOVE,
    AUDIT_READ,
    JOURNAL_WRITE_BEGINS,
    JOURNAL_WRITE_ENDED
  }

  private final Map<Operation, Integer> calls = new EnumMap<>(Operation.class);
  private final List<Rule> rules = new ArrayList<>();

  /** Makes every later call of the operation fail before its effect. */
  public synchronized FailurePlan failOn(Operation operation) {
    return failOn(operation, () -> new SimulatedFailure(operation));
  }

  /** Makes every later call of the operation throw a fresh exception from the supplier. */
  public synchronized FailurePlan failOn(
      Operation operation, Supplier<? extends RuntimeException> failure) {
    rules.add(new Rule(operation, calls(operation) + 1, Integer.MAX_VALUE, false, failure));
    return this;
  }

  /** Makes only the n-th later call of the operation fail, counting the next call as 1. */
  public synchronized FailurePlan failOnCall(Operation operation, int callNumber) {
    return failOnCall(operation, callNumber, () -> new SimulatedFailure(operation));
  }

  /**
   * Makes only the n-th later call of the operation fail before its effect with an exception from
   * the supplier. A supplier that throws an {@link Error} itself stops the caller like a process
   * that dies at that call, since services undo their steps only for a {@link RuntimeException}.
   */
  public synchronized FailurePlan failOnCall(
      Operation operation, int callNumber, Supplier<? extends RuntimeException> failure) {
    int call = laterCall(operation, callNumber);
    rules.add(new Rule(operation, call, call, false, failure));
    return this;
  }

  /** Makes only the n-th later call of a write operation apply its effect and then fail. */
  public synchronized FailurePlan failAfterEffectOnCall(Operation operation, int callNumber) {
    int call = laterCall(operation, callNumber);
    rules.add(new Rule(operation, call, call, true, () -> new SimulatedFailure(operation)));
    return this;
  }

  private int laterCall(Operation operation, int callNumber) {
    if (callNumber < 1) {
      throw new IllegalArgumentException("callNumber must be 1 or more, was " + callNumber);
    }
    return calls(operation) + callNumber;
  }

  /** Makes every later call of a write operation apply its effect and then fail. */
  public synchronized FailurePlan failAfterEffect(Operation operation) {
    rules.add(
        new Rule(
            operation,
            calls(operation) + 1,
            Integer.MAX_VALUE,
            true,
            () -> new SimulatedFailure(operation)));
    return this;
  }

  /** Removes every rule; the call counts stay. */
  public synchronized void clear() {
    rules.clear();
  }

  /** Returns how many times the operation has been called so far. */
  public synchronized int calls(Operation operation) {
    return calls.getOrDefault(operation, 0);
  }

  /** Counts a call of the operation and throws if a rule makes it fail before its effect. */
  public synchronized void check(Operation operation) {
    int call = calls.merge(operation, 1, Integer::sum);
    throwIfPlanned(operation, call, false);
  }

  /** Throws if a rule makes the current call of the operation fail after its effect. */
  public synchronized void checkAfterEffect(Operation operation) {
    throwIfPlanned(operation, calls(operation), true);
  }

  private void throwIfPlanned(Operation operation, int call, boolean afterEffect) {
    for (Rule rule : rules) {
      if (rule.matches(operation, call, afterEffect)) {
        throw rule.failure().get();
      }
    }
  }

  private record Rule(
      Operation operation,
      int firstCall,
      int lastCall,
      boolean afterEffect,
      Supplier<? extends RuntimeException> failure) {

    Rule {
      Objects.requireNonNull(operation, "operation");
      Objects.requireNonNull(failure, "failure");
    }

    boolean matches(Operation candidate, int call, boolean candidateAfterEffect) {
      return operation == candidate
          && afterEffect == candidateAfterEffect
          && call >= firstCall
          && call <= lastCall;
    }
  }
}
