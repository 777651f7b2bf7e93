package io.croupier.domain;

/** No active organization has the given name or id. */
public final class OrganizationNotFound extends DomainException {

  public OrganizationNotFound(String organizationName) {
    this("Organization '" + organizationName + "' not found", true);
  }

  private OrganizationNotFound(String message, boolean unused) {
    super(message);
  }

  /** Returns the exception for an organization known only by its id. */
  public static OrganizationNotFound withId(String organizationId) {
    return new OrganizationNotFound(
        "Organization with id '" + organizationId + "' not found; it may have been deleted", true);
  }
}
