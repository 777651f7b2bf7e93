package io.croupier.application.port.in;

/** Name and version of the running service, and whether its store responded to a ping. */
public record HealthReport(String service, String version, boolean storeReachable) {}
