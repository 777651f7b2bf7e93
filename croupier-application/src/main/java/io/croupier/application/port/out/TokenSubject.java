package io.croupier.application.port.out;

import io.croupier.domain.OrganizationName;
import java.util.Objects;

/** What an access token is issued for: the admin, the organization and the credentials version. */
public record TokenSubject(
    String adminId,
    String organizationId,
    OrganizationName organizationName,
    long credentialsVersion) {

  public TokenSubject {
    Objects.requireNonNull(adminId, "adminId");
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(organizationName, "organizationName");
  }
}
