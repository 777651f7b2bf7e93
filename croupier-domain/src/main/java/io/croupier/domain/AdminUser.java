package io.croupier.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The one admin of an organization. {@code credentialsVersion} grows with every password change,
 * and tokens that carry an older version are rejected. {@link #toString()} leaves out the hash.
 */
public record AdminUser(
    String id,
    String organizationId,
    EmailAddress email,
    String passwordHash,
    long credentialsVersion,
    Instant createdAt,
    Instant updatedAt) {

  public AdminUser {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public AdminUser withEmail(EmailAddress newEmail, Instant now) {
    return new AdminUser(
        id, organizationId, newEmail, passwordHash, credentialsVersion, createdAt, now);
  }

  /** Returns a copy with the new hash and the next credentials version. */
  public AdminUser withPasswordHash(String newHash, Instant now) {
    return new AdminUser(
        id, organizationId, email, newHash, credentialsVersion + 1, createdAt, now);
  }

  /**
   * Returns a copy with a new hash of the same password, such as one made at a higher cost. The
   * credentials version and the update time stay, because the credentials did not change, so tokens
   * issued before stay valid.
   */
  public AdminUser withRehashedPassword(String newHash) {
    Objects.requireNonNull(newHash, "newHash");
    return new AdminUser(
        id, organizationId, email, newHash, credentialsVersion, createdAt, updatedAt);
  }

  @Override
  public String toString() {
    return "AdminUser[id="
        + id
        + ", organizationId="
        + organizationId
        + ", email="
        + email
        + ", credentialsVersion="
        + credentialsVersion
        + "]";
  }
}
