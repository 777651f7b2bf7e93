package io.croupier.application.port.in;

/** Lists every active organization, one page at a time, newest first. */
public interface ListOrganizationsUseCase {

  /**
   * Returns the page that the query requests. Paging with the returned cursor until it is empty
   * visits every organization that exists for the whole time exactly once.
   *
   * @throws io.croupier.domain.InvalidField if the cursor was not returned by this use case
   */
  OrganizationPage list(ListOrganizationsQuery query);
}
