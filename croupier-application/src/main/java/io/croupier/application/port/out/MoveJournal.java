package io.croupier.application.port.out;

import java.util.List;
import java.util.Optional;

/**
 * Record of the documents written while an organization's data moves to another tier, so that the
 * move copies those documents again instead of reading every document. A writer notes each write of
 * a document twice, when it begins and when it ends. An entry therefore shows whether a write of
 * its document is still in progress, and its version changes with every note.
 */
public interface MoveJournal {

  /** Notes that a write of the document begins, creating its entry if there is none. */
  void writeBegins(String organizationId, String documentId);

  /** Notes that a write of the document ended, whether the write succeeded or failed. */
  void writeEnded(String organizationId, String documentId);

  /**
   * Returns up to {@code limit} entries of the organization in document id order, starting after
   * the document id given.
   */
  List<JournalEntry> page(String organizationId, Optional<String> afterDocumentId, int limit);

  /**
   * Removes the entry if nothing was noted for its document since it was read, and returns whether
   * it did. An entry noted again in the meantime stays, so its document is copied again.
   */
  boolean remove(JournalEntry entry);

  /** Removes every entry of the organization. */
  void clear(String organizationId);
}
