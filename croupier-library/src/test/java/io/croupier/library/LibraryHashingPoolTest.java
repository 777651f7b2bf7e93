package io.croupier.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.croupier.adapter.out.mongo.EmbeddedMongoStore;
import io.croupier.adapter.out.security.HashingPool;
import io.croupier.application.fakes.FailurePlan;
import io.croupier.application.fakes.FakePasswordHasher;
import io.croupier.application.port.in.CreateOrganizationCommand;
import io.croupier.application.port.in.LogInUseCase;
import io.croupier.application.port.out.PasswordHasher;
import io.croupier.application.port.out.PasswordHashingBusy;
import io.croupier.domain.Password;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounded pool on which a library hashes and verifies passwords. */
class LibraryHashingPoolTest {

  private static final String JWT_SECRET = "library-pool-secret-of-at-least-32-bytes!!";
  private static final Duration WAIT_LIMIT = Duration.ofSeconds(10);
  private static final String EMAIL = "admin@pooled.example";
  private static final String PASSWORD = "Sup3rSecret";

  @TempDir static Path dataFolder;

  private static EmbeddedMongoStore store;
  private static MongoClient client;
  private static int databaseNumber;

  private final GatedHasher gated = new GatedHasher();
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private MongoDatabase database;

  @BeforeAll
  static void startStore() {
    store = EmbeddedMongoStore.start(dataFolder);
    client = MongoClients.create(store.connectionString());
  }

  @AfterAll
  static void stopStore() {
    client.close();
    store.close();
  }

  @BeforeEach
  void useFreshDatabase() {
    databaseNumber++;
    database = client.getDatabase("pool" + databaseNumber);
  }

  @AfterEach
  void releaseCallers() {
    gated.open();
    callers.shutdownNow();
  }

  /** A fake hasher whose calls are counted and, once closed, wait until it opens again. */
  private static final class GatedHasher implements PasswordHasher {

    private final PasswordHasher hasher = new FakePasswordHasher(new FailurePlan());
    private final AtomicInteger calls = new AtomicInteger();
    private final Semaphore started = new Semaphore(0);
    private volatile CountDownLatch gate = new CountDownLatch(0);

    @Override
    public String hash(Password password) {
      passGate();
      return hasher.hash(password);
    }

    @Override
    public boolean matches(Password candidate, String hash) {
      passGate();
      return hasher.matches(candidate, hash);
    }

    private void passGate() {
      calls.incrementAndGet();
      started.release();
      try {
        gate.await(WAIT_LIMIT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException interruption) {
        Thread.currentThread().interrupt();
      }
    }

    void close() {
      gate = new CountDownLatch(1);
      started.drainPermits();
    }

    void open() {
      gate.countDown();
    }

    void awaitStarted() throws InterruptedException {
      assertThat(started.tryAcquire(WAIT_LIMIT.toSeconds(), TimeUnit.SECONDS))
          .as("a call reached the hasher")
          .isTrue();
    }
  }

  private CroupierLibrary.Builder builder() {
    return CroupierLibrary.builder(client, database).jwtSecret(JWT_SECRET);
  }

  /** Occupies the only hashing thread with a login that waits at the closed gate. */
  private LogInUseCase occupiedPool(CroupierLibrary library) throws InterruptedException {
    library.createOrganization().create(CreateOrganizationCommand.of("pooled", EMAIL, PASSWORD));
    LogInUseCase logIn = library.logIn();
    gated.close();
    callers.submit(() -> logIn.logIn(EMAIL, PASSWORD));
    gated.awaitStarted();
    return logIn;
  }

  @Test
  void busyPoolRejectsUnknownEmailLogin() throws Exception {
    // given
    CroupierLibrary library =
        builder().passwordHasher(gated).bcryptThreads(1).bcryptQueueCapacity(0).build();
    LogInUseCase logIn = occupiedPool(library);
    int callsBefore = gated.calls.get();

    // when / then
    assertThatExceptionOfType(PasswordHashingBusy.class)
        .isThrownBy(() -> logIn.logIn("nobody@pooled.example", PASSWORD));
    assertThat(gated.calls.get()).isEqualTo(callsBefore);
    assertThat(library.hashingPool().rejected()).isEqualTo(1);
  }

  @Test
  void busyPoolRejectsKnownEmailLogin() throws Exception {
    // given
    CroupierLibrary library =
        builder().passwordHasher(gated).bcryptThreads(1).bcryptQueueCapacity(0).build();
    LogInUseCase logIn = occupiedPool(library);
    int callsBefore = gated.calls.get();

    // when / then
    assertThatExceptionOfType(PasswordHashingBusy.class)
        .isThrownBy(() -> logIn.logIn(EMAIL, PASSWORD));
    assertThat(gated.calls.get()).isEqualTo(callsBefore);
  }

  @Test
  void busyPoolRejectsCreateBeforeAnyWrite() throws Exception {
    // given
    CroupierLibrary library =
        builder().passwordHasher(gated).bcryptThreads(1).bcryptQueueCapacity(0).build();
    occupiedPool(library);

    // when / then
    assertThatExceptionOfType(PasswordHashingBusy.class)
        .isThrownBy(
            () ->
                library
                    .createOrganization()
                    .create(CreateOrganizationCommand.of("second", "b@pooled.example", PASSWORD)));
    assertThat(database.getCollection("organizations").countDocuments(new Document())).isEqualTo(1);
  }

  @Test
  void customHasherDoesThePasswordWork() {
    // given
    CroupierLibrary library = builder().passwordHasher(gated).build();

    // when
    library.createOrganization().create(CreateOrganizationCommand.of("pooled", EMAIL, PASSWORD));

    // then
    Document admin = database.getCollection("admin_users").find().first();
    assertThat(admin.getString("password_hash")).startsWith(FakePasswordHasher.PREFIX);
  }

  @Test
  void queueDefaultsToFourPerThread() {
    // when
    HashingPool pool = builder().bcryptCost(4).bcryptThreads(3).build().hashingPool();

    // then
    assertThat(pool.threads()).isEqualTo(3);
    assertThat(pool.queueCapacity()).isEqualTo(12);
  }

  @Test
  void poolDefaultsToOneThreadPerProcessor() {
    // when
    HashingPool pool = builder().bcryptCost(4).build().hashingPool();

    // then
    assertThat(pool.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void acceptsOneThreadAndEmptyQueue() {
    // when
    HashingPool pool =
        builder().bcryptCost(4).bcryptThreads(1).bcryptQueueCapacity(0).build().hashingPool();

    // then
    assertThat(pool.threads()).isEqualTo(1);
    assertThat(pool.queueCapacity()).isZero();
  }

  @Test
  void rejectsZeroThreads() {
    // given
    CroupierLibrary.Builder builder = builder();

    // when / then
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> builder.bcryptThreads(0))
        .withMessage("bcrypt threads 0 is invalid; use 1 or more");
  }

  @Test
  void rejectsNegativeQueueCapacity() {
    // given
    CroupierLibrary.Builder builder = builder();

    // when / then
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> builder.bcryptQueueCapacity(-1))
        .withMessage("bcrypt queue capacity -1 is invalid; use 0 or more");
  }
}
