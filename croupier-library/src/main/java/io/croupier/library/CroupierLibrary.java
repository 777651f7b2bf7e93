package io.croupier.library;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.croupier.adapter.out.mongo.MongoAdminRepository;
import io.croupier.adapter.out.mongo.MongoAuditLog;
import io.croupier.adapter.out.mongo.MongoLoginFailureLog;
import io.croupier.adapter.out.mongo.MongoMoveJournal;
import io.croupier.adapter.out.mongo.MongoOrganizationRepository;
import io.croupier.adapter.out.mongo.MongoRefreshTokenStore;
import io.croupier.adapter.out.mongo.MongoRevokedTokens;
import io.croupier.adapter.out.mongo.MongoSchema;
import io.croupier.adapter.out.mongo.MongoStoreProbe;
import io.croupier.adapter.out.mongo.MongoTenantStorage;
import io.croupier.adapter.out.security.BcryptPasswordHasher;
import io.croupier.adapter.out.security.BoundedPasswordHasher;
import io.croupier.adapter.out.security.HashingPool;
import io.croupier.adapter.out.security.JwtTokenService;
import io.croupier.adapter.out.security.SigningKey;
import io.croupier.application.port.in.AuthenticateTokenUseCase;
import io.croupier.application.port.in.CheckHealthUseCase;
import io.croupier.application.port.in.ClearLockoutUseCase;
import io.croupier.application.port.in.CreateOrganizationUseCase;
import io.croupier.application.port.in.DeleteOrganizationUseCase;
import io.croupier.application.port.in.DocumentsUseCase;
import io.croupier.application.port.in.GetOrganizationUseCase;
import io.croupier.application.port.in.ListAuditEventsUseCase;
import io.croupier.application.port.in.ListOrganizationsUseCase;
import io.croupier.application.port.in.LogInUseCase;
import io.croupier.application.port.in.LogOutUseCase;
import io.croupier.application.port.in.MoveOrganizationUseCase;
import io.croupier.application.port.in.RecoverOrganizationsUseCase;
import io.croupier.application.port.in.RefreshSessionUseCase;
import io.croupier.application.port.in.ResolveOrganizationAdminUseCase;
import io.croupier.application.port.in.TransferDocumentsUseCase;
import io.croupier.application.port.in.UpdateOrganizationUseCase;
import io.croupier.application.port.out.AdminRepository;
import io.croupier.application.port.out.AuditLog;
import io.croupier.application.port.out.LoginFailureLog;
import io.croupier.application.port.out.MoveJournal;
import io.croupier.application.port.out.OrganizationRepository;
import io.croupier.application.port.out.PasswordHasher;
import io.croupier.application.port.out.RefreshTokenStore;
import io.croupier.application.port.out.RevokedTokens;
import io.croupier.application.port.out.TenantStorage;
import io.croupier.application.service.AuthenticateTokenService;
import io.croupier.application.service.CheckHealthService;
import io.croupier.application.service.ClearLockoutService;
import io.croupier.application.service.CreateOrganizationService;
import io.croupier.application.service.DeleteOrganizationService;
import io.croupier.application.service.GetOrganizationService;
import io.croupier.application.service.ListAuditEventsService;
import io.croupier.application.service.ListOrganizationsService;
import io.croupier.application.service.LogInService;
import io.croupier.application.service.LogOutService;
import io.croupier.application.service.MoveOrganizationService;
import io.croupier.application.service.RecoverOrganizationsService;
import io.croupier.application.service.RefreshSessionService;
import io.croupier.application.service.ResolveOrganizationAdminService;
import io.croupier.application.service.TenantDocumentsService;
import io.croupier.application.service.UpdateOrganizationService;
import io.croupier.domain.LoginLimits;
import io.croupier.domain.TenantTier;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Croupier's use cases on a MongoDB database that the calling application owns: the entry point for
 * embedding Croupier, and the wiring that the server and the command line use as well.
 *
 * <p>{@link Builder#build()} creates the master collections and indexes that are missing. Every use
 * case it returns is thread-safe and can be kept for the life of the application. The library never
 * closes the database's client; that stays the application's job.
 *
 * <p>Password hashing and verification run on a bounded pool of threads shared by the use cases of
 * one library. When its queue is full, they throw {@link
 * io.croupier.application.port.out.PasswordHashingBusy}.
 *
 * <p>Token authentication, reading an organization and resolving an organization's admin read
 * organizations and admins through a cache that keeps them for {@link Builder#cacheTtl}. Changes
 * made through this library are seen at once, and changes made through another instance on the same
 * database once the entries expire. Token authentication also caches the result that a token is not
 * revoked for that time, so a logout through another instance applies here within it.
 */
public final class CroupierLibrary {

  /** Service name in {@link CheckHealthUseCase} reports. */
  public static final String SERVICE_NAME = "croupier";

  /**
   * Default time a move, or a rename in the collection tier, waits for document writes under way
   * once it refuses new ones.
   */
  public static final Duration DEFAULT_MOVE_SETTLE = Duration.ofSeconds(2);

  /**
   * Default age of unfinished work before a recovery settles it on a store that several processes
   * share: longer than any create, rename or delete takes, and than a move's one-second heartbeat.
   */
  public static final Duration DEFAULT_RECOVERY_DELAY = Duration.ofSeconds(30);

  /** How long cached organizations and admins are kept when no TTL is configured. */
  public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(2);

  private final CreateOrganizationUseCase createOrganization;
  private final GetOrganizationUseCase getOrganization;
  private final UpdateOrganizationUseCase updateOrganization;
  private final DeleteOrganizationUseCase deleteOrganization;
  private final ListOrganizationsUseCase listOrganizations;
  private final ResolveOrganizationAdminUseCase resolveOrganizationAdmin;
  private final CheckHealthUseCase checkHealth;
  private final ClearLockoutUseCase clearLockout;
  private final ListAuditEventsUseCase listAuditEvents;
  private final TenantDocumentsService documents;
  private final MoveOrganizationUseCase moveOrganization;
  private final RecoverOrganizationsUseCase recoverOrganizations;
  private final HashingPool hashingPool;
  private final Optional<Sessions> sessions;

  private CroupierLibrary(Builder builder) {
    Stores stores = Stores.of(builder);
    OrganizationRepository organizations = stores.organizations();
    AdminRepository admins = stores.admins();
    TenantStorage tenants = stores.tenants();
    AuditLog auditLog = stores.auditLog();
    BoundedPasswordHasher hasher = builder.boundedHasher();
    Clock clock = builder.clock;

    this.hashingPool = hasher;
    this.createOrganization =
        new CreateOrganizationService(
            organizations, admins, tenants, hasher, auditLog, clock, builder.defaultTier);
    this.getOrganization =
        new GetOrganizationService(stores.cachedOrganizations(), stores.cachedAdmins(), tenants);
    this.updateOrganization =
        new UpdateOrganizationService(
            organizations, admins, tenants, hasher, auditLog, clock, builder.moveSettle);
    this.deleteOrganization =
        new DeleteOrganizationService(organizations, admins, tenants, auditLog, clock);
    this.listOrganizations = new ListOrganizationsService(organizations, tenants);
    this.resolveOrganizationAdmin =
        new ResolveOrganizationAdminService(stores.cachedOrganizations(), stores.cachedAdmins());
    this.checkHealth =
        new CheckHealthService(new MongoStoreProbe(builder.database), SERVICE_NAME, version());
    this.clearLockout =
        new ClearLockoutService(stores.loginFailures(), admins, organizations, auditLog, clock);
    this.listAuditEvents = new ListAuditEventsService(auditLog, organizations);
    MoveJournal journal = new MongoMoveJournal(builder.database);
    this.documents = new TenantDocumentsService(organizations, tenants, journal, clock);
    this.moveOrganization =
        new MoveOrganizationService(organizations, tenants, journal, clock, builder.moveSettle);
    this.recoverOrganizations =
        new RecoverOrganizationsService(organizations, admins, tenants, clock);
    this.sessions = builder.signingKey.map(key -> new Sessions(builder, key, stores, hasher));
  }

  /**
   * Starts a builder on the master database, in which Croupier keeps all its collections, and the
   * client it belongs to, through which the database tier reaches each organization's database.
   */
  public static Builder builder(MongoClient client, MongoDatabase database) {
    return new Builder(client, database);
  }

  /** Returns the version of this library from its jar's manifest, or "development". */
  public static String version() {
    String version = CroupierLibrary.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  /** Returns the use case that creates an organization with its admin and tenant collection. */
  public CreateOrganizationUseCase createOrganization() {
    return createOrganization;
  }

  /** Returns the use case that reads an organization by name. */
  public GetOrganizationUseCase getOrganization() {
    return getOrganization;
  }

  /** Returns the use case that renames an organization or changes its admin's email or password. */
  public UpdateOrganizationUseCase updateOrganization() {
    return updateOrganization;
  }

  /** Returns the use case that deletes an organization with its admin and tenant collection. */
  public DeleteOrganizationUseCase deleteOrganization() {
    return deleteOrganization;
  }

  /** Returns the use case that lists organizations newest first, one page at a time. */
  public ListOrganizationsUseCase listOrganizations() {
    return listOrganizations;
  }

  /**
   * Returns the use case that finds an organization's admin by the organization's name, so that
   * trusted code can act for that admin without a token. Never reach it from unauthenticated input.
   */
  public ResolveOrganizationAdminUseCase resolveOrganizationAdmin() {
    return resolveOrganizationAdmin;
  }

  /** Returns the use case that pings the database for a health report. */
  public CheckHealthUseCase checkHealth() {
    return checkHealth;
  }

  /**
   * Returns the use case with which an operator ends the login lockout of an account. It needs no
   * JWT secret.
   */
  public ClearLockoutUseCase clearLockout() {
    return clearLockout;
  }

  /**
   * Returns the use case that pages through an organization's audit events, newest first. It needs
   * no JWT secret.
   */
  public ListAuditEventsUseCase listAuditEvents() {
    return listAuditEvents;
  }

  /**
   * Returns the pool on which password hashing runs, with its queue length and rejections, for
   * metrics.
   */
  public HashingPool hashingPool() {
    return hashingPool;
  }

  /**
   * Returns the use case that exchanges an admin's email and password for an access token and a
   * refresh token, within the login limits. The first call runs one bcrypt hash at the configured
   * cost, to prepare the decoy that unknown emails are checked against.
   *
   * @throws IllegalStateException if the builder was given no JWT secret
   */
  public LogInUseCase logIn() {
    return sessions().logIn.get();
  }

  /**
   * Returns the use case that exchanges a refresh token for new tokens of the same session.
   *
   * @throws IllegalStateException if the builder was given no JWT secret
   */
  public RefreshSessionUseCase refreshSession() {
    return sessions().refreshSession;
  }

  /**
   * Returns the use case that ends the session of an access token.
   *
   * @throws IllegalStateException if the builder was given no JWT secret
   */
  public LogOutUseCase logOut() {
    return sessions().logOut;
  }

  /** Returns the use case through which an admin reads and writes its organization's documents. */
  public DocumentsUseCase documents() {
    return documents;
  }

  /** Returns the use case that exports and imports an organization's documents. */
  public TransferDocumentsUseCase transferDocuments() {
    return documents;
  }

  /** Returns the use case that moves an organization's documents to another tier. */
  public MoveOrganizationUseCase moveOrganization() {
    return moveOrganization;
  }

  /**
   * Returns the use case that finishes or undoes what a dead process left half-done. Call it when
   * the application starts and then now and again, with {@link #DEFAULT_RECOVERY_DELAY} or another
   * delay longer than any create, rename or delete takes when other processes share the store.
   */
  public RecoverOrganizationsUseCase recoverOrganizations() {
    return recoverOrganizations;
  }

  /**
   * Returns the use case that turns a token into the admin it was issued to.
   *
   * @throws IllegalStateException if the builder was given no JWT secret
   */
  public AuthenticateTokenUseCase authenticateToken() {
    return sessions().authenticateToken;
  }

  private Sessions sessions() {
    return sessions.orElseThrow(
        () ->
            new IllegalStateException(
                "No JWT secret is configured, so tokens can be neither issued nor verified; call"
                    + " jwtSecret(...) or signingKey(...) on the CroupierLibrary builder"));
  }

  /**
   * The MongoDB implementation of every outgoing port, on the master database. Organizations,
   * admins and revoked tokens come twice: {@code cached*} for the read-only paths, and the others,
   * which read the store but update the cache on every write, for the services that change them.
   */
  private record Stores(
      OrganizationRepository organizations,
      AdminRepository admins,
      OrganizationRepository cachedOrganizations,
      AdminRepository cachedAdmins,
      TenantStorage tenants,
      RefreshTokenStore refreshTokens,
      RevokedTokens revokedTokens,
      RevokedTokens cachedRevokedTokens,
      LoginFailureLog loginFailures,
      AuditLog auditLog) {

    static Stores of(Builder builder) {
      OrganizationRepository organizations = new MongoOrganizationRepository(builder.database);
      AdminRepository admins = new MongoAdminRepository(builder.database);
      OrganizationRepository cachedOrganizations = organizations;
      AdminRepository cachedAdmins = admins;
      RevokedTokens revokedTokens = new MongoRevokedTokens(builder.database);
      RevokedTokens cachedRevokedTokens = revokedTokens;
      if (!builder.cacheTtl.isZero()) {
        CachingOrganizationRepository organizationCache =
            new CachingOrganizationRepository(organizations, builder.cacheTtl, System::nanoTime);
        CachingAdminRepository adminCache =
            new CachingAdminRepository(admins, builder.cacheTtl, System::nanoTime);
        organizations = organizationCache.uncachedReads();
        admins = adminCache.uncachedReads();
        cachedOrganizations = organizationCache;
        cachedAdmins = adminCache;
        CachingRevokedTokens revocationCache =
            new CachingRevokedTokens(
                revokedTokens, builder.cacheTtl, System::nanoTime, builder.clock);
        revokedTokens = revocationCache.uncachedReads();
        cachedRevokedTokens = revocationCache;
      }
      return new Stores(
          organizations,
          admins,
          cachedOrganizations,
          cachedAdmins,
          new MongoTenantStorage(builder.client, builder.database, builder.moveSettle.dividedBy(2)),
          new MongoRefreshTokenStore(builder.database),
          revokedTokens,
          cachedRevokedTokens,
          new MongoLoginFailureLog(builder.database),
          new MongoAuditLog(builder.database, builder.auditRetention, builder.clock));
    }
  }

  /** The use cases that issue or verify tokens, which exist only with a signing key. */
  private static final class Sessions {

    private final LazyLogIn logIn;
    private final RefreshSessionUseCase refreshSession;
    private final LogOutUseCase logOut;
    private final AuthenticateTokenUseCase authenticateToken;

    Sessions(Builder builder, SigningKey key, Stores stores, PasswordHasher hasher) {
      Clock clock = builder.clock;
      JwtTokenService tokens =
          new JwtTokenService(
              key,
              builder.previousSigningKeys,
              JwtTokenService.DEFAULT_ISSUER,
              builder.tokenLifetime,
              JwtTokenService.MAX_CLOCK_SKEW,
              clock);
      OrganizationRepository organizations = stores.organizations();
      AdminRepository admins = stores.admins();

      this.logIn =
          new LazyLogIn(
              () ->
                  new LogInService(
                      admins,
                      organizations,
                      hasher,
                      tokens,
                      stores.refreshTokens(),
                      stores.loginFailures(),
                      stores.auditLog(),
                      builder.loginLimits,
                      builder.refreshTokenLifetime,
                      clock));
      this.refreshSession =
          new RefreshSessionService(
              admins,
              organizations,
              tokens,
              stores.refreshTokens(),
              stores.revokedTokens(),
              stores.auditLog(),
              clock);
      this.logOut =
          new LogOutService(
              tokens,
              tokens,
              organizations,
              stores.refreshTokens(),
              stores.revokedTokens(),
              stores.auditLog(),
              clock);
      this.authenticateToken =
          new AuthenticateTokenService(
              tokens,
              stores.cachedAdmins(),
              stores.cachedOrganizations(),
              stores.cachedRevokedTokens(),
              clock);
    }
  }

  /** Creates the login service once, on first use, because creating it costs one bcrypt hash. */
  private static final class LazyLogIn {

    private final Supplier<LogInUseCase> factory;
    private volatile LogInUseCase service;

    LazyLogIn(Supplier<LogInUseCase> factory) {
      this.factory = factory;
    }

    LogInUseCase get() {
      LogInUseCase created = service;
      if (created == null) {
        synchronized (this) {
          created = service;
          if (created == null) {
            created = factory.get();
            service = created;
          }
        }
      }
      return created;
    }
  }

  /** Settings of a {@link CroupierLibrary}; every setting but the database has a default. */
  public static final class Builder {

    private final MongoClient client;
    private final MongoDatabase database;
    private Optional<SigningKey> signingKey = Optional.empty();
    private List<SigningKey> previousSigningKeys = List.of();
    private int bcryptCost = BcryptPasswordHasher.DEFAULT_COST;
    private int bcryptThreads = BoundedPasswordHasher.defaultThreads();
    private OptionalInt bcryptQueueCapacity = OptionalInt.empty();
    private Optional<PasswordHasher> passwordHasher = Optional.empty();
    private Duration cacheTtl = DEFAULT_CACHE_TTL;
    private Duration tokenLifetime = JwtTokenService.DEFAULT_LIFETIME;
    private Duration refreshTokenLifetime = LogInService.DEFAULT_REFRESH_TOKEN_LIFETIME;
    private Duration auditRetention = MongoAuditLog.DEFAULT_RETENTION;
    private LoginLimits loginLimits = LoginLimits.DEFAULT;
    private TenantTier defaultTier = TenantTier.COLLECTION;
    private Duration moveSettle = DEFAULT_MOVE_SETTLE;
    // Millisecond ticks, the precision MongoDB stores, so that a returned organization shows the
    // times a later read returns.
    private Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));

    private Builder(MongoClient client, MongoDatabase database) {
      this.client = Objects.requireNonNull(client, "client");
      this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Sets the HS256 secret that signs and verifies access tokens, as text of at least 32 bytes in
     * UTF-8. Without a secret, {@link #logIn()}, {@link #refreshSession()}, {@link #logOut()} and
     * {@link #authenticateToken()} are unavailable.
     *
     * @throws IllegalArgumentException if the secret is shorter than 32 bytes
     */
    public Builder jwtSecret(String secret) {
      return signingKey(SigningKey.fromText(Objects.requireNonNull(secret, "secret")));
    }

    /** Sets the key that signs and verifies access tokens, such as one from a key store. */
    public Builder signingKey(SigningKey key) {
      this.signingKey = Optional.of(Objects.requireNonNull(key, "key"));
      return this;
    }

    /**
     * Sets the secrets that signed tokens before the current one, as text of at least 32 bytes in
     * UTF-8 each. Tokens signed with them stay valid until they expire; new tokens are signed with
     * the current secret only. Default none.
     *
     * @throws IllegalArgumentException if a secret is shorter than 32 bytes
     */
    public Builder previousJwtSecrets(List<String> secrets) {
      return previousSigningKeys(
          Objects.requireNonNull(secrets, "secrets").stream().map(SigningKey::fromText).toList());
    }

    /** Sets the keys that signed tokens before the current key; see {@link #previousJwtSecrets}. */
    public Builder previousSigningKeys(List<SigningKey> keys) {
      this.previousSigningKeys = List.copyOf(Objects.requireNonNull(keys, "keys"));
      return this;
    }

    /**
     * Sets the bcrypt cost factor of new password hashes, 4 to 31, default 12. Each step doubles
     * the work of a hash and of a login.
     */
    public Builder bcryptCost(int cost) {
      if (cost < BcryptPasswordHasher.MIN_COST || cost > BcryptPasswordHasher.MAX_COST) {
        throw new IllegalArgumentException(
            "bcrypt cost "
                + cost
                + " is out of range; use "
                + BcryptPasswordHasher.MIN_COST
                + " to "
                + BcryptPasswordHasher.MAX_COST);
      }
      this.bcryptCost = cost;
      return this;
    }

    /**
     * Sets how many threads run password hashing and verification, at least 1. The default is the
     * number of processors available to the JVM.
     */
    public Builder bcryptThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException(
            "bcrypt threads " + threads + " is invalid; use 1 or more");
      }
      this.bcryptThreads = threads;
      return this;
    }

    /**
     * Sets how many hashing tasks may wait for a thread, at least 0, default four per thread. When
     * the queue is full, a login, a create or a password change throws {@link
     * io.croupier.application.port.out.PasswordHashingBusy} at once without any bcrypt work.
     */
    public Builder bcryptQueueCapacity(int capacity) {
      if (capacity < 0) {
        throw new IllegalArgumentException(
            "bcrypt queue capacity " + capacity + " is invalid; use 0 or more");
      }
      this.bcryptQueueCapacity = OptionalInt.of(capacity);
      return this;
    }

    /**
     * Sets the hasher that does the password work in place of bcrypt at {@link #bcryptCost}. It
     * still runs on the bounded pool that {@link #bcryptThreads} and {@link #bcryptQueueCapacity}
     * size.
     */
    public Builder passwordHasher(PasswordHasher hasher) {
      this.passwordHasher = Optional.of(Objects.requireNonNull(hasher, "hasher"));
      return this;
    }

    /**
     * Sets how long organizations and admins read by token authentication and by organization
     * lookups are cached, and how long token authentication caches the result that a token is not
     * revoked; default 2 seconds. Zero turns the cache off. Changes and logouts made through this
     * library apply at once, so the TTL bounds how long a change made through another instance,
     * such as a logout or a password change that revokes older tokens, takes to apply here.
     */
    public Builder cacheTtl(Duration ttl) {
      Objects.requireNonNull(ttl, "Cache TTL");
      if (ttl.isNegative()) {
        throw new IllegalArgumentException(
            "Cache TTL " + ttl + " is invalid; use zero to turn the cache off, or a positive time");
      }
      this.cacheTtl = ttl;
      return this;
    }

    /** Sets how long an access token stays valid: whole seconds, at least 1, default 60 minutes. */
    public Builder tokenLifetime(Duration lifetime) {
      this.tokenLifetime = wholeSeconds(lifetime, "Token lifetime");
      return this;
    }

    /**
     * Sets how long a session lasts from login, default 14 days: every refresh token of the session
     * expires then, however often it is rotated. Whole seconds, at least 1.
     */
    public Builder refreshTokenLifetime(Duration lifetime) {
      this.refreshTokenLifetime = wholeSeconds(lifetime, "Refresh-token lifetime");
      return this;
    }

    /**
     * Sets how long audit events are kept, default 365 days. Whole seconds, at least 1. A change
     * applies to events recorded from then on.
     */
    public Builder auditRetention(Duration retention) {
      this.auditRetention = wholeSeconds(retention, "Audit retention");
      return this;
    }

    /**
     * Sets how many failed logins an account and a client address may have within their windows
     * before further logins are rejected; default {@link LoginLimits#DEFAULT}.
     */
    public Builder loginLimits(LoginLimits limits) {
      this.loginLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    private static Duration wholeSeconds(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.getNano() != 0) {
        throw new IllegalArgumentException(
            name + " " + value + " is invalid; use a whole number of seconds, at least 1");
      }
      return value;
    }

    /** Sets the tier of organizations created without one; default the collection tier. */
    public Builder defaultTier(TenantTier tier) {
      this.defaultTier = Objects.requireNonNull(tier, "tier");
      return this;
    }

    /**
     * Sets how long a move waits, once it refuses writes, for the writes that were already under
     * way; default 2 seconds. A rename in the collection tier waits as long before it renames the
     * collection. Each tenant operation is bounded by half this time, retries and the wait for a
     * connection included, so that no write lands in the old tier after the final copy, or in the
     * old collection after a rename. Zero removes both the wait and the bound, which suits only
     * tests.
     */
    public Builder moveSettle(Duration settle) {
      Objects.requireNonNull(settle, "settle");
      if (settle.isNegative()) {
        throw new IllegalArgumentException("Move settle time " + settle + " is negative");
      }
      this.moveSettle = settle;
      return this;
    }

    /** Sets the clock for timestamps and token times; default the UTC clock in milliseconds. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    private BoundedPasswordHasher boundedHasher() {
      PasswordHasher hasher = passwordHasher.orElseGet(() -> new BcryptPasswordHasher(bcryptCost));
      int capacity =
          bcryptQueueCapacity.orElse(BoundedPasswordHasher.defaultQueueCapacity(bcryptThreads));
      return new BoundedPasswordHasher(hasher, bcryptThreads, capacity);
    }

    /**
     * Creates the master collections and indexes that are missing, then wires the use cases.
     *
     * @throws io.croupier.application.port.out.StoreUnavailable if the database cannot be reached
     */
    public CroupierLibrary build() {
      MongoSchema.prepare(database);
      return new CroupierLibrary(this);
    }
  }
}
