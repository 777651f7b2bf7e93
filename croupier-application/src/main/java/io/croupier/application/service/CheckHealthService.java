package io.croupier.application.service;

import io.croupier.application.port.in.CheckHealthUseCase;
import io.croupier.application.port.in.HealthReport;
import io.croupier.application.port.out.StoreProbe;
import java.util.Objects;

/** Builds a health report from a store probe. */
public final class CheckHealthService implements CheckHealthUseCase {

  private final StoreProbe probe;
  private final String service;
  private final String version;

  public CheckHealthService(StoreProbe probe, String service, String version) {
    this.probe = Objects.requireNonNull(probe, "probe");
    this.service = Objects.requireNonNull(service, "service");
    this.version = Objects.requireNonNull(version, "version");
  }

  @Override
  public HealthReport check() {
    return new HealthReport(service, version, probe.isReachable());
  }
}
