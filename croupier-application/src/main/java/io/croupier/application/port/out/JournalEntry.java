package io.croupier.application.port.out;

import java.util.Objects;

/**
 * One document of a {@link MoveJournal}: how many writes of it are in progress, and a version that
 * every note about it raises.
 */
public record JournalEntry(
    String organizationId, String documentId, long version, long writesInProgress) {

  public JournalEntry {
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(documentId, "documentId");
  }

  /** Returns whether every write of the document that began has also ended. */
  public boolean settled() {
    return writesInProgress <= 0;
  }
}
