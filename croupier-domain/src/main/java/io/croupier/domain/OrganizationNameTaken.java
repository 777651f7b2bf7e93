package io.croupier.domain;

/** Another organization, or its tenant storage, already uses the name. */
public final class OrganizationNameTaken extends DomainException {

  private final OrganizationName name;

  public OrganizationNameTaken(OrganizationName name) {
    super("Organization '" + name.value() + "' already exists; choose another name");
    this.name = name;
  }

  public OrganizationName name() {
    return name;
  }
}
