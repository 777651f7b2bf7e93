package io.croupier.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.croupier.application.fakes.FakePorts;
import io.croupier.application.fakes.InMemoryTenantStorage;
import io.croupier.application.fakes.StoredState;
import io.croupier.application.port.in.AuthenticatedAdmin;
import io.croupier.application.port.in.ListDocumentsQuery;
import io.croupier.application.port.in.OrganizationDetails;
import io.croupier.application.port.in.UpdateOrganizationCommand;
import io.croupier.application.port.out.TenantDocuments;
import io.croupier.application.port.out.TenantLocation;
import io.croupier.application.port.out.TenantPlacement;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.domain.DocumentBody;
import io.croupier.domain.Organization;
import io.croupier.domain.OrganizationName;
import io.croupier.domain.TenantDocument;
import io.croupier.domain.TenantSwitching;
import io.croupier.domain.TenantTier;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Document writes that meet a rename: in the collection tier the rename renames the collection that
 * writes address, so writes must either be rejected or land before the collection moves.
 */
class RenameWhileWritingTest {

  private static final OrganizationName ACME = OrganizationName.of("acme");
  private static final OrganizationName ACME_LABS = OrganizationName.of("acme-labs");

  /**
   * Wait of the renames under test. A held write lands within microseconds of its release, so half
   * a second leaves a wide margin on a loaded machine.
   */
  private static final Duration SETTLE = Duration.ofMillis(500);

  private final FakePorts ports = FakePorts.create();
  private final HoldingTenantStorage holding = new HoldingTenantStorage(ports.tenants());
  private final TenantDocumentsService documents =
      new TenantDocumentsService(ports.organizations(), holding, ports.journal(), ports.clock());

  /** One kind of document write, made through the documents service. */
  private enum Write {
    CREATE((service, admin) -> service.create(admin, body())),
    IMPORT((service, admin) -> service.importDocuments(ACME, single(newDocument())));

    private final BiConsumer<TenantDocumentsService, AuthenticatedAdmin> action;

    Write(BiConsumer<TenantDocumentsService, AuthenticatedAdmin> action) {
      this.action = action;
    }

    void run(TenantDocumentsService service, AuthenticatedAdmin admin) {
      action.accept(service, admin);
    }
  }

  private static DocumentBody body() {
    return DocumentBody.of(Map.of("sku", "a-1"));
  }

  private static TenantDocument newDocument() {
    Instant created = Instant.parse("2025-01-01T00:00:00Z");
    return new TenantDocument(UUID.randomUUID().toString(), created, created, body());
  }

  /**
   * Tenant storage that holds the thread named by {@link #holdNext} in its next {@link #documents}
   * call, after the caller read the metadata and before it writes, until {@link #release}.
   */
  private static final class HoldingTenantStorage implements TenantStorage {

    private final InMemoryTenantStorage storage;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicLong renamedAt = new AtomicLong();
    private volatile Thread holdNext;

    HoldingTenantStorage(InMemoryTenantStorage storage) {
      this.storage = storage;
    }

    void holdNext(Thread thread) {
      holdNext = thread;
    }

    void release() {
      released.countDown();
    }

    boolean renamed() {
      return renamedAt.get() != 0;
    }

    @Override
    public TenantLocation locate(TenantPlacement placement) {
      return storage.locate(placement);
    }

    @Override
    public void create(TenantPlacement placement) {
      storage.create(placement);
    }

    @Override
    public void rename(TenantPlacement placement, OrganizationName to) {
      storage.rename(placement, to);
      renamedAt.set(System.nanoTime());
    }

    @Override
    public void drop(TenantPlacement placement) {
      storage.drop(placement);
    }

    @Override
    public boolean exists(TenantPlacement placement) {
      return storage.exists(placement);
    }

    @Override
    public TenantDocuments documents(TenantPlacement placement) {
      if (Thread.currentThread() == holdNext) {
        holdNext = null;
        held.countDown();
        awaitUninterruptibly(released);
      }
      return storage.documents(placement);
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      if (!latch.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("The test did not release the held write in 20 seconds");
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("The held write was interrupted", interrupted);
    }
  }

  private AuthenticatedAdmin acmeIn(TenantTier tier) {
    return Given.adminOf(Given.organization(ports, "acme", tier));
  }

  private Organization stored(AuthenticatedAdmin admin) {
    return ports.organizations().findById(admin.organizationId()).orElseThrow();
  }

  /** Records the rename to acme-labs in the metadata only, as a rename does before it waits. */
  private void startRenameInMetadata(AuthenticatedAdmin admin) {
    Organization before = stored(admin);
    Organization renaming = before.withName(ACME_LABS, ports.clock().instant());
    assertThat(ports.organizations().updateIfUnchanged(before, renaming)).isTrue();
  }

  private Thread renameInBackground(
      AuthenticatedAdmin admin, Duration settle, AtomicReference<Throwable> failure) {
    UpdateOrganizationService service = ports.updateOrganizationService(settle);
    UpdateOrganizationCommand command =
        UpdateOrganizationCommand.of(admin, ACME_LABS.value(), null, null);
    Thread renamer =
        new Thread(
            () -> {
              try {
                service.update(command);
              } catch (Throwable unexpected) {
                failure.set(unexpected);
              }
            },
            "renamer");
    renamer.start();
    return renamer;
  }

  /**
   * Waits until the renamer has recorded the rename and either waits before renaming the storage or
   * has renamed it, whichever comes first, for at most 20 seconds.
   */
  private void awaitRenameWaitingOrDone(AuthenticatedAdmin admin, Thread renamer)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      boolean waiting =
          stored(admin).isRenaming() && renamer.getState() == Thread.State.TIMED_WAITING;
      if (waiting || holding.renamed() || !renamer.isAlive()) {
        return;
      }
      Thread.sleep(1);
    }
  }

  private long documentCount(OrganizationName name) {
    OptionalInt count = ports.tenants().documentCount(name);
    return count.isPresent() ? count.getAsInt() : 0;
  }

  @ParameterizedTest
  @EnumSource(Write.class)
  @Timeout(60)
  void writeHeldAcrossRenameClaimIsNotLost(Write write) throws InterruptedException {
    // given a write that read the metadata before the rename and is held before it writes
    AuthenticatedAdmin admin = acmeIn(TenantTier.COLLECTION);
    AtomicReference<Throwable> writeFailure = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              try {
                write.run(documents, admin);
              } catch (Throwable failure) {
                writeFailure.set(failure);
              }
            },
            "writer");
    holding.holdNext(writer);
    writer.start();
    awaitUninterruptibly(holding.held);

    // when the rename records itself, and the write goes on while it waits or after it renamed
    AtomicReference<Throwable> renameFailure = new AtomicReference<>();
    Thread renamer = renameInBackground(admin, SETTLE, renameFailure);
    awaitRenameWaitingOrDone(admin, renamer);
    holding.release();
    writer.join(TimeUnit.SECONDS.toMillis(20));
    renamer.join(TimeUnit.SECONDS.toMillis(20));

    // then the write was either rejected or is under the new name
    assertThat(renameFailure.get()).as("rename failure").isNull();
    assertThat(stored(admin).name()).isEqualTo(ACME_LABS);
    assertThat(stored(admin).isRenaming()).isFalse();
    if (writeFailure.get() != null) {
      assertThat(writeFailure.get()).isInstanceOf(TenantSwitching.class);
      assertThat(documentCount(ACME_LABS)).isZero();
    } else {
      assertThat(documentCount(ACME_LABS)).isEqualTo(1);
    }
    assertThat(ports.tenants().collectionNames())
        .containsExactly(InMemoryTenantStorage.collectionName(ACME_LABS));
  }

  static Stream<Arguments> writes() {
    return Stream.of(
        Arguments.of("create", (WriteCall) (service, admin, id) -> service.create(admin, body())),
        Arguments.of(
            "replace", (WriteCall) (service, admin, id) -> service.replace(admin, id, body())),
        Arguments.of("delete", (WriteCall) (service, admin, id) -> service.delete(admin, id)),
        Arguments.of(
            "import",
            (WriteCall)
                (service, admin, id) -> service.importDocuments(ACME_LABS, single(newDocument()))));
  }

  private static Iterator<TenantDocument> single(TenantDocument document) {
    return List.of(document).iterator();
  }

  /** A write of an existing document's organization, given the document's id. */
  @FunctionalInterface
  private interface WriteCall {
    void run(TenantDocumentsService service, AuthenticatedAdmin admin, String existingId);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void collectionTierRejectsWriteWhileRenaming(String kind, WriteCall write) {
    // given
    AuthenticatedAdmin admin = acmeIn(TenantTier.COLLECTION);
    String existing = documents.create(admin, body()).id();
    startRenameInMetadata(admin);

    // when / then
    assertThatExceptionOfType(TenantSwitching.class)
        .isThrownBy(() -> write.run(documents, admin, existing))
        .withMessage("Organization 'acme-labs' is being renamed; retry the write in 2 seconds");
    assertThat(documentCount(ACME)).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void writeAfterRenameFinishedIsAccepted(String kind, WriteCall write) {
    // given
    AuthenticatedAdmin admin = acmeIn(TenantTier.COLLECTION);
    String existing = documents.create(admin, body()).id();
    ports
        .updateOrganizationService()
        .update(UpdateOrganizationCommand.of(admin, "acme-labs", null, null));

    // when
    write.run(documents, admin, existing);

    // then
    assertThat(ports.tenants().collectionNames())
        .containsExactly(InMemoryTenantStorage.collectionName(ACME_LABS));
  }

  @ParameterizedTest
  @EnumSource(
      value = TenantTier.class,
      names = {"SHARED", "DATABASE"})
  void idAddressedTierAcceptsWriteWhileRenaming(TenantTier tier) {
    // given
    AuthenticatedAdmin admin = acmeIn(tier);
    startRenameInMetadata(admin);

    // when
    TenantDocument created = documents.create(admin, body());

    // then
    assertThat(documents.get(admin, created.id())).isEqualTo(created);
  }

  @Test
  void readsAndLoginWhileRenamingAreServed() {
    // given
    AuthenticatedAdmin admin = acmeIn(TenantTier.COLLECTION);
    TenantDocument created = documents.create(admin, body());
    startRenameInMetadata(admin);

    // when
    TenantDocument read = documents.get(admin, created.id());
    List<TenantDocument> listed =
        documents.list(admin, new ListDocumentsQuery(10, Optional.empty())).documents();
    long exported = documents.export(ACME_LABS, document -> {});
    OrganizationDetails details = ports.getOrganizationService().get(ACME_LABS, Optional.empty());
    String token = ports.logInService().logIn(Given.emailOf("acme"), Given.PASSWORD).accessToken();

    // then
    assertThat(read).isEqualTo(created);
    assertThat(listed).containsExactly(created);
    assertThat(exported).isEqualTo(1);
    assertThat(details.organization().name()).isEqualTo(ACME_LABS);
    assertThat(token).isNotBlank();
  }

  @Test
  void recoveredRenameAcceptsWritesAgain() {
    // given a rename that died after it recorded itself
    AuthenticatedAdmin admin = acmeIn(TenantTier.COLLECTION);
    documents.create(admin, body());
    startRenameInMetadata(admin);
    assertThatExceptionOfType(TenantSwitching.class)
        .isThrownBy(() -> documents.create(admin, body()));

    // when
    new RecoverOrganizationsService(
            ports.organizations(), ports.admins(), ports.tenants(), ports.clock())
        .recover(Duration.ZERO);
    TenantDocument created = documents.create(admin, body());

    // then
    assertThat(documents.get(admin, created.id())).isEqualTo(created);
    assertThat(documentCount(ACME_LABS)).isEqualTo(2);
    assertThat(ports.tenants().collectionNames())
        .containsExactly(InMemoryTenantStorage.collectionName(ACME_LABS));
  }

  @Test
  @Timeout(60)
  void collectionTierRenameWaitsSettle() {
    // given
    AuthenticatedAdmin admin = acmeIn(TenantTier.COLLECTION);
    AtomicLong claimedAt = new AtomicLong();
    ports.organizations().beforeNextConditionalUpdate(() -> claimedAt.set(System.nanoTime()));
    UpdateOrganizationService service =
        new UpdateOrganizationService(
            ports.organizations(),
            ports.admins(),
            holding,
            ports.hasher(),
            ports.auditLog(),
            ports.clock(),
            SETTLE);

    // when
    service.update(UpdateOrganizationCommand.of(admin, "acme-labs", null, null));

    // then the storage was renamed no earlier than the settle time after the claim began
    assertThat(holding.renamed()).isTrue();
    assertThat(Duration.ofNanos(holding.renamedAt.get() - claimedAt.get()))
        .isGreaterThanOrEqualTo(SETTLE);
  }

  @ParameterizedTest
  @EnumSource(
      value = TenantTier.class,
      names = {"SHARED", "DATABASE"})
  @Timeout(30)
  void renameInTierAddressedByIdDoesNotWait(TenantTier tier) {
    // given a settle time far longer than the test's timeout
    AuthenticatedAdmin admin = acmeIn(tier);
    UpdateOrganizationService service = ports.updateOrganizationService(Duration.ofHours(1));

    // when
    service.update(UpdateOrganizationCommand.of(admin, "acme-labs", null, null));

    // then
    assertThat(stored(admin).name()).isEqualTo(ACME_LABS);
  }

  @Test
  void interruptedWaitUndoesRenameAndKeepsInterrupt() {
    // given
    AuthenticatedAdmin admin = acmeIn(TenantTier.COLLECTION);
    documents.create(admin, body());
    StoredState before = ports.storedState();
    UpdateOrganizationService service = ports.updateOrganizationService(Duration.ofHours(1));
    UpdateOrganizationCommand command =
        UpdateOrganizationCommand.of(admin, "acme-labs", null, null);

    // when
    Thread.currentThread().interrupt();
    Throwable failure = null;
    try {
      service.update(command);
    } catch (IllegalStateException interrupted) {
      failure = interrupted;
    }
    boolean interruptKept = Thread.interrupted();

    // then
    assertThat(failure).isNotNull();
    assertThat(interruptKept).isTrue();
    assertThat(ports.storedState()).isEqualTo(before);
    assertThat(documents.create(admin, body())).isNotNull();
  }
}
