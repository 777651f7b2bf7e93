package io.croupier.domain;

/** An admin asked to act on an organization other than their own. */
public final class OrganizationAccessDenied extends DomainException {

  public OrganizationAccessDenied(OrganizationName requested) {
    super(
        "Your token belongs to another organization than '"
            + requested.value()
            + "'; an admin may act only on their own organization");
  }
}
