package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.fakes.InMemoryTenantStorage;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.MoveProgress;
import io.croupier.application.port.in.MoveReport;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantSwitching;
import io.croupier.domain.TenantTier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs a move while another thread creates, replaces and deletes documents through the documents
 * service, retrying each write that the final switch refuses, and checks that the new tier ends
 * with exactly what the writer saw succeed.
 */
class MoveWhileWritingTest {

  private static final OrganizationName ACME = OrganizationName.of("acme");
  private static final int INITIAL_DOCUMENTS = 1200;

  /**
   * Wait before the final copy. A write that passed its check just before the switch lands within
   * microseconds, so 50 ms leaves a wide margin on a loaded machine.
   */
  private static final Duration SETTLE = Duration.ofMillis(50);

  private final FakePorts ports = FakePorts.create();
  private final TenantDocumentsService documents =
      new TenantDocumentsService(
          ports.organizations(), ports.tenants(), ports.journal(), ports.clock());
  private final MoveOrganizationService mover =
      new MoveOrganizationService(
          ports.organizations(), ports.tenants(), ports.journal(), ports.clock(), SETTLE);

  static Stream<Arguments> tierPairs() {
    List<Arguments> pairs = new ArrayList<>();
    for (TenantTier source : TenantTier.values()) {
      for (TenantTier target : TenantTier.values()) {
        if (source != target) {
          pairs.add(Arguments.of(source, target));
        }
      }
    }
    return pairs.stream();
  }

  /** Writes at random and keeps the bodies of the writes that returned normally. */
  private final class Writer implements Runnable {

    private final AuthenticatedAdmin admin;
    private final Random random = new Random(42);
    private final Map<String, DocumentBody> view = new LinkedHashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopped;

    Writer(AuthenticatedAdmin admin, List<TenantDocument> initial) {
      this.admin = admin;
      initial.forEach(document -> remember(document.id(), document.body()));
    }

    @Override
    public void run() {
      try {
        while (!stopped) {
          writeOnce();
          writes.incrementAndGet();
          ports.clock().advance(Duration.ofMillis(1));
        }
      } catch (Throwable unexpected) {
        failure.set(unexpected);
      }
    }

    private void writeOnce() {
      DocumentBody body = DocumentBody.of(Map.of("write", writes.get()));
      int choice = ids.size() < 10 ? 0 : random.nextInt(3);
      if (choice == 0) {
        TenantDocument created = retried(() -> documents.create(admin, body));
        remember(created.id(), body);
      } else if (choice == 1) {
        String id = ids.get(random.nextInt(ids.size()));
        retried(() -> documents.replace(admin, id, body));
        view.put(id, body);
      } else {
        String id = ids.remove(random.nextInt(ids.size()));
        retried(
            () -> {
              documents.delete(admin, id);
              return id;
            });
        view.remove(id);
      }
    }

    private void remember(String id, DocumentBody body) {
      ids.add(id);
      view.put(id, body);
    }

    private <T> T retried(Supplier<T> write) {
      while (true) {
        try {
          return write.get();
        } catch (TenantSwitching refused) {
          refusals.incrementAndGet();
          Thread.onSpinWait();
        }
      }
    }

    /** Waits until the writer has made the number of writes or failed, for at most 20 seconds. */
    void awaitWrites(int count) throws InterruptedException {
      await(() -> writes.get() >= count);
    }

    /** Waits until a write was refused or the writer failed, for at most 20 seconds. */
    void awaitRefusal() throws InterruptedException {
      await(() -> refusals.get() > 0);
    }

    private void await(BooleanSupplier condition) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!condition.getAsBoolean() && failure.get() == null && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
    }
  }

  private AuthenticatedAdmin acmeIn(TenantTier tier, List<TenantDocument> created) {
    AuthenticatedAdmin admin = Given.adminOf(Given.organization(ports, "acme", tier));
    for (int index = 0; index < INITIAL_DOCUMENTS; index++) {
      created.add(documents.create(admin, DocumentBody.of(Map.of("initial", index))));
      ports.clock().advance(Duration.ofMillis(1));
    }
    return admin;
  }

  private List<TenantDocument> documentsIn(AuthenticatedAdmin admin, TenantTier tier) {
    TenantPlacement placement = new TenantPlacement(admin.organizationId(), ACME, tier);
    return ports.tenants().documents(placement).page(Optional.empty(), Integer.MAX_VALUE);
  }

  /**
   * Lets the writer make a few writes after each copied batch and after the switch. The switch
   * waits until the writer has seen a write refused, which changes nothing that the move compares
   * because every write is refused meanwhile.
   */
  private static MoveProgress pacedBy(Writer writer) {
    return (phase, copied, total) -> {
      try {
        if (phase.equals("verifying")) {
          writer.awaitRefusal();
        } else if (phase.equals("copying") || phase.equals("cleaning")) {
          writer.awaitWrites(writer.writes.get() + 5);
        }
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    };
  }

  @ParameterizedTest(name = "{0} to {1}")
  @MethodSource("tierPairs")
  @Timeout(60)
  void newTierHoldsExactlyTheWritersView(TenantTier source, TenantTier target)
      throws InterruptedException {
    // given
    List<TenantDocument> initial = new ArrayList<>();
    AuthenticatedAdmin admin = acmeIn(source, initial);
    Writer writer = new Writer(admin, initial);
    Thread thread = new Thread(writer, "document-writer");
    thread.start();
    writer.awaitWrites(100);

    // when
    MoveReport report = mover.move(ACME, target, pacedBy(writer));
    writer.awaitWrites(writer.writes.get() + 100);
    writer.stopped = true;
    thread.join(TimeUnit.SECONDS.toMillis(20));

    // then
    assertThat(writer.failure.get()).as("writer failure").isNull();
    assertThat(thread.isAlive()).as("writer still running").isFalse();
    List<TenantDocument> moved = documentsIn(admin, target);
    Map<String, DocumentBody> movedBodies =
        moved.stream().collect(Collectors.toMap(TenantDocument::id, TenantDocument::body));
    assertThat(moved).as("documents in the new tier").hasSize(writer.view.size());
    assertThat(movedBodies).as("bodies in the new tier").isEqualTo(writer.view);
    assertThat(report.documents()).as("documents verified").isPositive();
    assertThat(writer.refusals.get()).as("writes refused during the switch").isPositive();
    assertThat(
            ports
                .tenants()
                .collectionNames()
                .contains(
                    InMemoryTenantStorage.key(
                        new TenantPlacement(admin.organizationId(), ACME, source))))
        .as("old copy left behind")
        .isFalse();
  }
}
