package io.croupier.domain;

/** No active organization has the given name or id. */
public final class OrganizationNotFound extends DomainException {

  public OrganizationNotFound(String organizationName) {
    super("Organization '" + organizationName + "' not found");
  }
}
