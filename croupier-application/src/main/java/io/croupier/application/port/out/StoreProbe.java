package io.croupier.application.port.out;

/** Cheap round trip to the store, for health checks. */
public interface StoreProbe {

  /** Returns whether the store responded within the probe's timeout; never throws. */
  boolean isReachable();
}
