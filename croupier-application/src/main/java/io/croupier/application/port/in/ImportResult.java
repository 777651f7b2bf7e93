package io.croupier.application.port.in;

/** Counts of an import: documents that were new and documents that replaced one with their id. */
public record ImportResult(long created, long replaced) {

  public long total() {
    return created + replaced;
  }
}
