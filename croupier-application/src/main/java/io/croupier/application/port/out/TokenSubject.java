package io.croupier.application.port.out;

import io.croupier.domain.OrganizationName;
import java.util.Objects;

/**
 * Subject of an access token: the admin, the organization, the credentials version and the session
 * the token belongs to. The session id is null for a token outside any session.
 */
public record TokenSubject(
    String adminId,
    String organizationId,
    OrganizationName organizationName,
    long credentialsVersion,
    String sessionId) {

  public TokenSubject {
    Objects.requireNonNull(adminId, "adminId");
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(organizationName, "organizationName");
  }

  /** Creates a subject outside any session. */
  public TokenSubject(
      String adminId,
      String organizationId,
      OrganizationName organizationName,
      long credentialsVersion) {
    this(adminId, organizationId, organizationName, credentialsVersion, null);
  }
}
