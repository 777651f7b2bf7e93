package io.croupier.application.port.out;

import java.util.Objects;

/**
 * Location of a tenant's data: the collection that contains it and a human-readable description
 * such as {@code "Collection: org_acme"}.
 */
public record TenantLocation(String collectionName, String connectionDetails) {

  public TenantLocation {
    Objects.requireNonNull(collectionName, "collectionName");
    Objects.requireNonNull(connectionDetails, "connectionDetails");
  }
}
