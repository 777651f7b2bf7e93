package io.croupier.application.fakes;

import io.croupier.application.fakes.FailurePlan.Operation;
import io.croupier.application.port.out.JournalEntry;
import io.croupier.application.port.out.MoveJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Move journal in a sorted map per organization, from document id to its entry. */
public final class InMemoryMoveJournal implements MoveJournal {

  private final Map<String, TreeMap<String, JournalEntry>> entries = new TreeMap<>();
  private final FailurePlan failures;
  private int notes;

  public InMemoryMoveJournal(FailurePlan failures) {
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  @Override
  public synchronized void writeBegins(String organizationId, String documentId) {
    failures.check(Operation.JOURNAL_WRITE_BEGINS);
    note(organizationId, documentId, 1);
    failures.checkAfterEffect(Operation.JOURNAL_WRITE_BEGINS);
  }

  @Override
  public synchronized void writeEnded(String organizationId, String documentId) {
    failures.check(Operation.JOURNAL_WRITE_ENDED);
    note(organizationId, documentId, -1);
    failures.checkAfterEffect(Operation.JOURNAL_WRITE_ENDED);
  }

  private void note(String organizationId, String documentId, int inProgress) {
    notes++;
    entries
        .computeIfAbsent(organizationId, id -> new TreeMap<>())
        .merge(
            documentId,
            new JournalEntry(organizationId, documentId, 1, inProgress),
            (old, next) ->
                new JournalEntry(
                    organizationId,
                    documentId,
                    old.version() + 1,
                    old.writesInProgress() + inProgress));
  }

  @Override
  public synchronized List<JournalEntry> page(
      String organizationId, Optional<String> afterDocumentId, int limit) {
    TreeMap<String, JournalEntry> organization =
        entries.getOrDefault(organizationId, new TreeMap<>());
    Map<String, JournalEntry> rest =
        afterDocumentId.isPresent()
            ? organization.tailMap(afterDocumentId.get(), false)
            : organization;
    return rest.values().stream().limit(limit).toList();
  }

  @Override
  public synchronized boolean remove(JournalEntry entry) {
    TreeMap<String, JournalEntry> organization = entries.get(entry.organizationId());
    if (organization == null || !entry.equals(organization.get(entry.documentId()))) {
      return false;
    }
    organization.remove(entry.documentId());
    return true;
  }

  @Override
  public synchronized void clear(String organizationId) {
    entries.remove(organizationId);
  }

  /** Returns every entry of the organization, in document id order. */
  public synchronized List<JournalEntry> entries(String organizationId) {
    return new ArrayList<>(entries.getOrDefault(organizationId, new TreeMap<>()).values());
  }

  /** Returns how many notes writers made, over all organizations. */
  public synchronized int notes() {
    return notes;
  }
}
