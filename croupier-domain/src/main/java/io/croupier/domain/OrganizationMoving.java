package io.croupier.domain;

/** The organization's data is moving between tiers, and the change must wait for the move. */
public final class OrganizationMoving extends DomainException {

  public OrganizationMoving(OrganizationName name, TenantMove move) {
    super(
        "Organization '"
            + name
            + "' is moving from tier "
            + move.source()
            + " to tier "
            + move.target()
            + "; retry once the move has finished");
  }
}
