package io.croupier.application.port.out;

import io.croupier.domain.TenantDocument;
import java.util.List;
import java.util.Optional;

/** The documents of one organization, in one tier; nothing here reaches another organization. */
public interface TenantDocuments {

  /**
   * Stores a new document.
   *
   * @throws IllegalStateException if a document with its id exists
   */
  void insert(TenantDocument document);

  /** Returns the document with the id, or empty. */
  Optional<TenantDocument> find(String id);

  /** Replaces the document with the same id; returns false and stores nothing if there is none. */
  boolean replace(TenantDocument document);

  /** Stores the document, replacing one with the same id; returns whether one was replaced. */
  boolean put(TenantDocument document);

  /** Removes the document with the id; returns whether there was one. */
  boolean delete(String id);

  /**
   * Returns at most {@code limit} documents in creation order: ascending by creation time, then by
   * id. With a position, only the documents that sort after it are returned.
   */
  List<TenantDocument> page(Optional<DocumentPosition> after, int limit);

  /**
   * Returns at most {@code limit} documents in id order. With an id, only the documents whose ids
   * sort after it are returned. A walk over all documents in this order costs the same per page at
   * any depth, in every tier and store.
   */
  List<TenantDocument> pageInIdOrder(Optional<String> afterId, int limit);

  /** Returns the number of documents. */
  long count();
}
