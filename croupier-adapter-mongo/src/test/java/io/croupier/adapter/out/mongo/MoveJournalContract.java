package io.croupier.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.croupier.application.port.out.JournalEntry;
import io.croupier.application.port.out.MoveJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link MongoMoveJournal} store must show. */
public abstract class MoveJournalContract {

  private MoveJournal journal;
  private String organization;

  /** Returns the master database with the master collections prepared. */
  protected abstract MongoDatabase masterDatabase();

  @BeforeEach
  void createJournal() {
    journal = new MongoMoveJournal(masterDatabase());
    organization = UUID.randomUUID().toString();
  }

  private List<JournalEntry> all(String organizationId) {
    return journal.page(organizationId, Optional.empty(), 1000);
  }

  private JournalEntry only(String organizationId) {
    List<JournalEntry> entries = all(organizationId);
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  @Test
  void beginningWriteCountsItInProgress() {
    // when
    journal.writeBegins(organization, "doc-1");

    // then
    JournalEntry entry = only(organization);
    assertThat(entry.documentId()).isEqualTo("doc-1");
    assertThat(entry.writesInProgress()).isEqualTo(1);
    assertThat(entry.settled()).isFalse();
  }

  @Test
  void endedWriteSettlesEntryAndRaisesVersion() {
    // given
    journal.writeBegins(organization, "doc-1");
    long begun = only(organization).version();

    // when
    journal.writeEnded(organization, "doc-1");

    // then
    JournalEntry entry = only(organization);
    assertThat(entry.settled()).isTrue();
    assertThat(entry.version()).isGreaterThan(begun);
  }

  @Test
  void pagesInDocumentIdOrder() {
    // given
    for (String id : List.of("c", "a", "e", "b", "d")) {
      journal.writeBegins(organization, id);
    }

    // when
    List<JournalEntry> first = journal.page(organization, Optional.empty(), 2);
    List<JournalEntry> second = journal.page(organization, Optional.of("b"), 2);
    List<JournalEntry> last = journal.page(organization, Optional.of("d"), 2);

    // then
    assertThat(first).extracting(JournalEntry::documentId).containsExactly("a", "b");
    assertThat(second).extracting(JournalEntry::documentId).containsExactly("c", "d");
    assertThat(last).extracting(JournalEntry::documentId).containsExactly("e");
  }

  @Test
  void removesEntryUnchangedSinceRead() {
    // given
    journal.writeBegins(organization, "doc-1");
    journal.writeEnded(organization, "doc-1");

    // when
    boolean removed = journal.remove(only(organization));

    // then
    assertThat(removed).isTrue();
    assertThat(all(organization)).isEmpty();
  }

  @Test
  void keepsEntryNotedAgainSinceRead() {
    // given
    journal.writeBegins(organization, "doc-1");
    journal.writeEnded(organization, "doc-1");
    JournalEntry read = only(organization);
    journal.writeBegins(organization, "doc-1");

    // when
    boolean removed = journal.remove(read);

    // then
    assertThat(removed).isFalse();
    assertThat(only(organization).writesInProgress()).isEqualTo(1);
  }

  @Test
  void keepsOtherOrganizationsApart() {
    // given
    String prefixed = organization + "-2";
    String extended = organization + "0";
    journal.writeBegins(organization, "mine");
    journal.writeBegins(prefixed, "theirs");
    journal.writeBegins(extended, "also-theirs");

    // when
    List<JournalEntry> mine = all(organization);
    journal.clear(organization);

    // then
    assertThat(mine).extracting(JournalEntry::documentId).containsExactly("mine");
    assertThat(all(organization)).isEmpty();
    assertThat(all(prefixed)).extracting(JournalEntry::documentId).containsExactly("theirs");
    assertThat(all(extended)).extracting(JournalEntry::documentId).containsExactly("also-theirs");
  }

  @Test
  void countsConcurrentWritesOfOneDocument() throws Exception {
    // given
    int writers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> begun = new ArrayList<>();

    // when
    try {
      for (int writer = 0; writer < writers; writer++) {
        begun.add(pool.submit(() -> journal.writeBegins(organization, "contested")));
      }
      for (Future<?> future : begun) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    // then
    JournalEntry entry = only(organization);
    assertThat(entry.writesInProgress()).isEqualTo(writers);
    assertThat(entry.version()).isEqualTo(writers);
  }
}
