package io.croupier.domain;

/** Another request changed the organization after this one read it, so this one changed nothing. */
public final class OrganizationChanged extends DomainException {

  public OrganizationChanged(OrganizationName name) {
    super(
        "Organization '"
            + name.value()
            + "' was changed by another request meanwhile and this change was not applied;"
            + " read the organization again and retry");
  }
}
