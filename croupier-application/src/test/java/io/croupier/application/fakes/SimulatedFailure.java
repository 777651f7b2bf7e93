package io.croupier.application.fakes;

import io.croupier.application.port.out.StoreUnavailable;

/** Failure that a {@link FailurePlan} throws from a fake, in place of a real outage. */
public final class SimulatedFailure extends StoreUnavailable {

  private final FailurePlan.Operation operation;

  public SimulatedFailure(FailurePlan.Operation operation) {
    super("Simulated failure of " + operation, null);
    this.operation = operation;
  }

  /** Returns the port call that failed. */
  public FailurePlan.Operation operation() {
    return operation;
  }
}
