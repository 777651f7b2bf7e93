package io.croupier.application.port.in;

/** Reports whether the service can reach its store. */
public interface CheckHealthUseCase {

  /** Returns the service's name, version and store reachability; never throws for an outage. */
  HealthReport check();
}
