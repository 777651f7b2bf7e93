package io.croupier.adapter.out.mongo;

import io.croupier.application.port.out.StoreUnavailable;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Makes the first call of one chosen port method fail with {@link StoreUnavailable}, either before
 * the call reaches the store or after the store has applied it, as when the reply is lost. Every
 * other call, including later calls of the same method, passes through.
 */
public final class FaultPlan {

  /** Port methods that can be made to fail. */
  public enum Call {
    ORGANIZATION_INSERT,
    ORGANIZATION_UPDATE,
    ORGANIZATION_UPDATE_PLACEMENT,
    ORGANIZATION_DELETE,
    ADMIN_INSERT,
    ADMIN_UPDATE,
    ADMIN_DELETE,
    TENANT_CREATE,
    TENANT_RENAME,
    TENANT_DROP
  }

  /** When the injected failure happens relative to the store's work. */
  public enum Timing {
    BEFORE_STORE,
    AFTER_STORE
  }

  private Call failingCall;
  private Timing timing;
  private StoreUnavailable injected;

  /** Arms the plan for one failure of the call. */
  public void failFirst(Call call, Timing when) {
    this.failingCall = Objects.requireNonNull(call, "call");
    this.timing = Objects.requireNonNull(when, "when");
    this.injected = null;
  }

  /** Returns the exception thrown so far, or null if the chosen call has not happened yet. */
  public StoreUnavailable injected() {
    return injected;
  }

  void run(Call call, Runnable action) {
    failIfDue(call, Timing.BEFORE_STORE);
    action.run();
    failIfDue(call, Timing.AFTER_STORE);
  }

  <T> T call(Call call, Supplier<T> action) {
    failIfDue(call, Timing.BEFORE_STORE);
    T result = action.get();
    failIfDue(call, Timing.AFTER_STORE);
    return result;
  }

  private void failIfDue(Call call, Timing now) {
    if (call == failingCall && now == timing && injected == null) {
      injected = new StoreUnavailable("Injected failure of " + call + " " + now, null);
      throw injected;
    }
  }
}
