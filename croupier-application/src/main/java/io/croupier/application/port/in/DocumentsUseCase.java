package io.croupier.application.port.in;

import io.croupier.domain.DocumentBody;
import io.croupier.domain.TenantDocument;

/**
 * An admin's access to the documents of the organization its token names, and only those. A
 * document of another organization is reported as not found.
 */
public interface DocumentsUseCase {

  /**
   * Stores a new document with a new id.
   *
   * @throws io.croupier.domain.InvalidToken if the organization or admin is gone
   * @throws io.croupier.domain.TenantSwitching if the organization's data is in a final switch, or
   *     a rename is moving its collection
   */
  TenantDocument create(AuthenticatedAdmin caller, DocumentBody body);

  /**
   * Returns the document with the id.
   *
   * @throws io.croupier.domain.DocumentNotFound if the organization has no such document
   */
  TenantDocument get(AuthenticatedAdmin caller, String id);

  /** Returns one page of documents in creation order. */
  DocumentPage list(AuthenticatedAdmin caller, ListDocumentsQuery query);

  /**
   * Replaces the body of the document with the id, keeping its creation time.
   *
   * @throws io.croupier.domain.DocumentNotFound if the organization has no such document
   * @throws io.croupier.domain.TenantSwitching if the organization's data is in a final switch, or
   *     a rename is moving its collection
   */
  TenantDocument replace(AuthenticatedAdmin caller, String id, DocumentBody body);

  /**
   * Removes the document with the id.
   *
   * @throws io.croupier.domain.DocumentNotFound if the organization has no such document
   * @throws io.croupier.domain.TenantSwitching if the organization's data is in a final switch, or
   *     a rename is moving its collection
   */
  void delete(AuthenticatedAdmin caller, String id);
}
