package io.croupier.application.port.in;

import java.util.Objects;

/** Admin proven by a verified token; the organization is known by id, never by name. */
public record AuthenticatedAdmin(String adminId, String organizationId) {

  public AuthenticatedAdmin {
    Objects.requireNonNull(adminId, "adminId");
    Objects.requireNonNull(organizationId, "organizationId");
  }
}
