package io.croupier.application.port.in;

import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantTier;

/** An operator's move of an organization's data to another tier while the organization works. */
public interface MoveOrganizationUseCase {

  /**
   * Copies the organization's documents to the target tier, refuses writes only for the final
   * switch, verifies that both copies match, switches and drops the old copy. A failure before the
   * switch leaves the organization in its old tier with the new copy dropped.
   *
   * @throws io.croupier.domain.OrganizationNotFound if no active organization has the name
   * @throws io.croupier.domain.OrganizationMoving if a move of the organization is under way
   * @throws io.croupier.domain.InvalidField if the organization is already in the target tier
   */
  MoveReport move(OrganizationName name, TenantTier target, MoveProgress progress);
}
