package io.croupier.domain;

/** The organization has no document with the given id. */
public final class DocumentNotFound extends DomainException {

  public DocumentNotFound(String id) {
    super("Document '" + id + "' not found in this organization");
  }
}
