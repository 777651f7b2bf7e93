package io.croupier.application.port.in;

import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantDocument;
import java.util.Iterator;
import java.util.function.Consumer;

/** An operator's export and import of an organization's documents, for backup and transfer. */
public interface TransferDocumentsUseCase {

  /**
   * Passes every document of the active organization to {@code sink} in creation order, and returns
   * how many there were.
   *
   * @throws io.croupier.domain.OrganizationNotFound if no active organization has the name
   */
  long export(OrganizationName name, Consumer<TenantDocument> sink);

  /**
   * Stores each document into the active organization, keeping its id and times and replacing a
   * document with the same id, so an import can be repeated.
   *
   * @throws io.croupier.domain.OrganizationNotFound if no active organization has the name
   * @throws io.croupier.domain.TenantSwitching if the organization's data is in a final switch, or
   *     a rename is moving its collection
   */
  ImportResult importDocuments(OrganizationName name, Iterator<TenantDocument> documents);
}
