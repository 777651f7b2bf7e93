package io.croupier.adapter.out.mongo;

import io.croupier.application.port.out.TenantPlacement;
import io.croupier.domain.AdminUser;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.EmailAddress;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.OrganizationState;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantTier;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Factories of domain objects with unique names, emails and millisecond timestamps. */
public final class TestData {

  /** A creation time with whole milliseconds, which BSON dates store exactly. */
  public static final Instant CREATED_AT = Instant.parse("2026-03-01T10:15:30.123Z");

  /** A later update time with whole milliseconds. */
  public static final Instant UPDATED_AT = Instant.parse("2026-03-02T11:16:31.456Z");

  private TestData() {}

  /** Returns a valid name that starts with the prefix and ends with eight random hex digits. */
  public static OrganizationName uniqueName(String prefix) {
    return new OrganizationName(prefix + "-" + randomHex(8));
  }

  /** Returns a valid name of exactly the given length, from 3 to 50. */
  public static OrganizationName uniqueNameOfLength(int length) {
    String random = randomHex(8);
    String name = (random + "n".repeat(length)).substring(0, length);
    return new OrganizationName(name);
  }

  /** Returns an address that no other call returns. */
  public static EmailAddress uniqueEmail() {
    return new EmailAddress("admin-" + randomHex(12) + "@example.com");
  }

  /** Returns an active organization with random ids. */
  public static Organization organization(OrganizationName name) {
    return new Organization(
        UUID.randomUUID().toString(),
        name,
        UUID.randomUUID().toString(),
        OrganizationState.ACTIVE,
        CREATED_AT,
        CREATED_AT);
  }

  /** Returns the placement of a new organization, with a random id, in the tier. */
  public static TenantPlacement placement(TenantTier tier) {
    return new TenantPlacement(UUID.randomUUID().toString(), uniqueName("tenant"), tier);
  }

  /** Returns a document created and updated at the time, with a body of one field. */
  public static TenantDocument document(String id, Instant createdAt, Object value) {
    return new TenantDocument(id, createdAt, createdAt, DocumentBody.of(Map.of("value", value)));
  }

  /** Returns an admin of the organization with a random id and credentials version 1. */
  public static AdminUser admin(String organizationId, EmailAddress email) {
    return new AdminUser(
        UUID.randomUUID().toString(),
        organizationId,
        email,
        "test-hash-" + randomHex(8),
        1,
        CREATED_AT,
        CREATED_AT);
  }

  private static String randomHex(int digits) {
    StringBuilder hex = new StringBuilder();
    while (hex.length() < digits) {
      hex.append(Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }
    return hex.substring(0, digits);
  }
}
